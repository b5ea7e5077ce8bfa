package vn.partracker.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.reporting.KonTumFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TestEvents;

/** Figures published in indicators-service's event format, read back through the indicator report over HTTP. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class IndicatorReportIT {

    private static final OffsetDateTime MARCH = OffsetDateTime.parse("2024-03-10T09:00:00+07:00");

    @Test
    void aSubmittedFigureAppearsInTheReportWithinSeconds() {
        KonTumFixture kt = new KonTumFixture();
        long sent = System.nanoTime();
        TestEvents.publishFigure(figure(kt, UUID.randomUUID(), 1, 1, kt.homeAffairs, "SUBMITTED", 96, 100));

        JsonPath report = kt.awaitIndicatorReport("2024-Q1", r -> r.getInt("rows[0].submitted") == 1);
        long millis = (System.nanoTime() - sent) / 1_000_000;

        assertEquals(kt.plan.toString(), report.getString("planId"));
        assertEquals("2024-Q1", report.getString("period"));
        assertNotNull(report.getString("computedAsOf"));
        Map<String, Integer> position = report.getMap("eventPosition");
        assertEquals(true, position.keySet().stream().anyMatch(k -> k.startsWith(Topics.MEASUREMENTS + "/")));
        assertEquals(5, report.getInt("rows[0].expected"), "three departments, the district and the commune");
        assertEquals(0, report.getInt("rows[0].approved"));
        assertEquals(1, report.getInt("rows[0].met"));
        assertEquals(96.0f, report.getFloat("rows[0].numeratorSum"));
        assertEquals(100.0f, report.getFloat("rows[0].denominatorSum"));
        assertEquals(96.0f, report.getFloat("rows[0].value"));
        assertNull(report.get("rows[0].approvedValue"));
        assertEquals("PERCENT", report.getString("rows[0].unit"));
        Map<String, Object> child = child(report, kt.homeAffairs);
        assertEquals(1, child.get("submitted"));
        assertEquals("Sở Nội vụ", child.get("name"));
        assertEquals("MET", child.get("achievement"));
        assertEquals(true, millis < 10_000, "visible after " + millis + " ms");
    }

    @Test
    void aRevisionReplacesTheFigureInsteadOfAddingToIt() {
        KonTumFixture kt = new KonTumFixture();
        UUID id = UUID.randomUUID();
        TestEvents.publishFigure(figure(kt, id, 1, 1, kt.homeAffairs, "SUBMITTED", 90, 100));
        kt.awaitIndicatorReport("2024-Q1", r -> r.getInt("rows[0].submitted") == 1);
        TestEvents.publishFigure(figure(kt, id, 2, 2, kt.homeAffairs, "SUBMITTED", 97, 120));

        JsonPath report = kt.awaitIndicatorReport("2024-Q1", r -> r.getFloat("rows[0].denominatorSum") == 120f);
        assertEquals(1, report.getInt("rows[0].submitted"));
        assertEquals(97f, report.getFloat("rows[0].numeratorSum"));
        assertEquals(80.83f, report.getFloat("rows[0].value"));
        assertEquals(1, report.getInt("rows[0].notMet"));
        assertEquals(0, report.getInt("rows[0].met"));
    }

    @Test
    void aReturnedFigureLeavesApprovedAndTheValue() {
        KonTumFixture kt = new KonTumFixture();
        UUID id = UUID.randomUUID();
        TestEvents.publishFigure(figure(kt, id, 1, 1, kt.justice, "SUBMITTED", 99, 100));
        TestEvents.publishFigure(figure(kt, id, 2, 1, kt.justice, "APPROVED", 99, 100));
        JsonPath approved = kt.awaitIndicatorReport("2024-Q1", r -> r.getInt("rows[0].approved") == 1);
        assertEquals(99f, approved.getFloat("rows[0].approvedValue"));

        TestEvents.publishFigure(figure(kt, id, 3, 1, kt.justice, "RETURNED", 99, 100));
        JsonPath returned = kt.awaitIndicatorReport("2024-Q1", r -> r.getInt("rows[0].returned") == 1);
        assertEquals(0, returned.getInt("rows[0].approved"));
        assertEquals(0, returned.getInt("rows[0].submitted"));
        assertNull(returned.get("rows[0].value"));
        assertNull(returned.get("rows[0].approvedValue"));
    }

    @Test
    void duplicateDeliveriesChangeNothing() {
        KonTumFixture kt = new KonTumFixture();
        MeasurementState m = figure(kt, UUID.randomUUID(), 1, 1, kt.office, "SUBMITTED", 45, 50);
        UUID eventId = UUID.randomUUID();
        String json = EventJson.write(m);
        TestEvents.send(Topics.MEASUREMENTS, EventTypes.MEASUREMENT_SUBMITTED, m.id(), eventId, json);
        TestEvents.send(Topics.MEASUREMENTS, EventTypes.MEASUREMENT_SUBMITTED, m.id(), eventId, json);
        TestEvents.send(Topics.MEASUREMENTS, EventTypes.MEASUREMENT_SUBMITTED, m.id(), UUID.randomUUID(), json);
        MeasurementState marker = figure(kt, UUID.randomUUID(), 1, 1, kt.commune, "SUBMITTED", 30, 40);
        TestEvents.publishFigure(marker);

        JsonPath report = kt.awaitIndicatorReport("2024-Q1", r -> r.getInt("rows[0].submitted") == 2);
        assertEquals(75f, report.getFloat("rows[0].numeratorSum"));
        assertEquals(90f, report.getFloat("rows[0].denominatorSum"));
    }

    @Test
    void ratioIsTheRatioOfSumsAndChildrenRollUpTheirSubtrees() {
        KonTumFixture kt = new KonTumFixture();
        TestEvents.publishFigure(figure(kt, UUID.randomUUID(), 1, 1, kt.homeAffairs, "SUBMITTED", 96, 100));
        TestEvents.publishFigure(figure(kt, UUID.randomUUID(), 1, 1, kt.commune, "SUBMITTED", 30, 40));
        TestEvents.publishFigure(figure(kt, UUID.randomUUID(), 1, 1, kt.district, "SUBMITTED", 190, 200));

        JsonPath report = kt.awaitIndicatorReport("2024-Q1", r -> r.getInt("rows[0].submitted") == 3);
        assertEquals(92.94f, report.getFloat("rows[0].value"));
        assertEquals(75f, report.getFloat("rows[0].min"));
        assertEquals(96f, report.getFloat("rows[0].max"));
        assertEquals(88.67f, report.getFloat("rows[0].mean"));
        Map<String, Object> district = child(report, kt.district);
        assertEquals(2, district.get("submitted"));
        assertEquals(91.67f, ((Number) district.get("value")).floatValue());
        assertEquals("MET", district.get("achievement"), "its own figure, 190 of 200");
        Map<String, Object> justice = child(report, kt.justice);
        assertEquals(0, justice.get("submitted"));
        assertNull(justice.get("achievement"));

        JsonPath districtReport = given().queryParam("planId", kt.plan)
                .queryParam("period", "2024-Q1")
                .queryParam("agencyId", kt.district)
                .get("/api/reports/indicators")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, districtReport.getInt("rows[0].expected"));
        assertEquals(91.67f, districtReport.getFloat("rows[0].value"));
    }

    @Test
    void badParametersAreNamed() {
        given().queryParam("planId", "not-a-uuid")
                .queryParam("period", "2024-Q1")
                .queryParam("agencyId", UUID.randomUUID())
                .get("/api/reports/indicators")
                .then()
                .statusCode(400)
                .body("errors.field", Matchers.hasItem("planId"))
                .body("errors.message", Matchers.hasItem("must be a UUID, got 'not-a-uuid'"));
        given().queryParam("planId", UUID.randomUUID())
                .queryParam("period", "2024-Q5")
                .get("/api/reports/indicators")
                .then()
                .statusCode(400)
                .body("errors.field", Matchers.hasItems("period", "agencyId"));
        given().queryParam("planId", UUID.randomUUID())
                .queryParam("period", "2024-Q1")
                .queryParam("agencyId", UUID.randomUUID())
                .get("/api/reports/indicators")
                .then()
                .statusCode(404);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(JsonPath report, UUID agency) {
        List<Map<String, Object>> children = report.getList("rows[0].children");
        return children.stream()
                .filter(c -> agency.toString().equals(c.get("agencyId")))
                .findFirst()
                .orElseThrow();
    }

    private static MeasurementState figure(
            KonTumFixture kt, UUID id, long version, int revision, UUID agency, String status, long b, long a) {
        return TestEvents.ratioFigure(id, version, revision, kt.indicator, agency, "2024-Q1", status, b, a, MARCH);
    }
}
