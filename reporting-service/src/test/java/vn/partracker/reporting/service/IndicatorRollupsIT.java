package vn.partracker.reporting.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.reporting.KonTumFixture;
import vn.partracker.reporting.repository.IndicatorRollupRepository;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * The per-ancestor roll-ups follow the leaf aggregates exactly: a duplicate or stale delivery leaves them as they
 * were, an agency moved to another district counts under its new district once the period's roll-ups are derived
 * again (and the report reads the leaf rows meanwhile), and a rebuild derives the same rows the consumer maintained.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class IndicatorRollupsIT {

    private static final String PERIOD = "2024-Q1";
    private static final OffsetDateTime MARCH = OffsetDateTime.parse("2024-03-10T09:00:00+07:00");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IndicatorRollupRepository rollups;

    @Test
    void duplicateDeliveryMovesAndRebuildKeepTheRollUpsExact() {
        KonTumFixture kt = new KonTumFixture();
        MeasurementState communeFigure = TestEvents.ratioFigure(
                UUID.randomUUID(), 1, 1, kt.indicator, kt.commune, PERIOD, "SUBMITTED", 7, 9, MARCH);
        UUID eventId = UUID.randomUUID();
        String type = TestEvents.measurementType("SUBMITTED", 1, 1);
        String json = EventJson.write(communeFigure);
        TestEvents.send(Topics.MEASUREMENTS, type, communeFigure.id(), eventId, json);
        MeasurementState districtFigure = TestEvents.ratioFigure(
                UUID.randomUUID(), 1, 1, kt.indicator, kt.district, PERIOD, "APPROVED", 190, 200, MARCH);
        TestEvents.publishFigure(districtFigure);
        await(() -> leafRows(kt, kt.district) == 2);
        Map<List<UUID>, List<Object>> before = rollupsOf(kt);
        JsonPath report = kt.indicatorReport(PERIOD);
        assertEquals(2, districtRow(report, kt.district).getInt("submitted"));
        assertEquals("MET", districtRow(report, kt.district).getString("achievement"));

        // duplicate delivery of the same event, and a stale version under a new event id
        TestEvents.send(Topics.MEASUREMENTS, type, communeFigure.id(), eventId, json);
        TestEvents.publishFigure(TestEvents.ratioFigure(
                communeFigure.id(), 0, 1, kt.indicator, kt.commune, PERIOD, "SUBMITTED", 1, 9, MARCH));
        // a newer version with the same figure: applied after both (same key, same partition), moves nothing
        TestEvents.publishFigure(TestEvents.ratioFigure(
                communeFigure.id(), 2, 1, kt.indicator, kt.commune, PERIOD, "SUBMITTED", 7, 9, MARCH));
        await(() -> "2"
                .equals(TableCounts.text(
                        dataSource, "SELECT version::text FROM measurement WHERE id = ?", communeFigure.id())));
        assertEquals(before, rollupsOf(kt), "duplicate and stale deliveries leave the roll-ups unchanged");
        assertEquals(
                report.getInt("rows[0].submitted"), kt.indicatorReport(PERIOD).getInt("rows[0].submitted"));

        // the commune moves to a new district: the report reads the leaf rows until the roll-ups follow the move
        String code = "RU" + TestEvents.suffix();
        UUID newDistrict =
                TestEvents.publishAgency(code, "UBND huyện mới", "PEOPLES_COMMITTEE", "DISTRICT", kt.province);
        TestEvents.send(
                Topics.AGENCIES,
                EventTypes.AGENCY_UPSERTED,
                kt.commune,
                TestEvents.agency(
                        kt.commune,
                        2,
                        kt.world.agency(kt.commune).code(),
                        kt.world.agency(kt.commune).name(),
                        "PEOPLES_COMMITTEE",
                        "COMMUNE",
                        newDistrict));
        JsonPath moved = kt.awaitIndicatorReport(
                PERIOD,
                r -> r.getList("rows[0].children.agencyId").contains(newDistrict.toString())
                        && districtRow(r, newDistrict).getInt("submitted") == 1);
        assertEquals(1, districtRow(moved, newDistrict).getInt("submitted"), "the commune's figure moved with it");
        assertEquals(1, districtRow(moved, kt.district).getInt("submitted"), "the old district keeps its own figure");
        assertFalse(stateCurrent(), "the roll-ups of the old hierarchy are not used");

        // the next figure of the period derives the roll-ups again, from the new hierarchy
        TestEvents.publishFigure(TestEvents.ratioFigure(
                UUID.randomUUID(), 1, 1, kt.indicator, kt.justice, PERIOD, "SUBMITTED", 50, 100, MARCH));
        await(() -> stateCurrent() && leafRows(kt, newDistrict) == 1);
        assertEquals(0, leafRows(kt, kt.district), "the old district has no children left: its own row is its total");
        JsonPath rolledUp = kt.indicatorReport(PERIOD);
        assertEquals(1, districtRow(rolledUp, newDistrict).getInt("submitted"));
        assertEquals(1, districtRow(rolledUp, kt.district).getInt("submitted"));
        assertEquals(3, rolledUp.getInt("rows[0].submitted"));
        assertEquals(moved.getLong("rows[0].numeratorSum") + 50, rolledUp.getLong("rows[0].numeratorSum"));

        // a rebuild derives from scratch what the consumer maintained
        Map<List<UUID>, List<Object>> incremental = rollupsOf(kt);
        TableCounts.count(
                dataSource,
                "WITH u AS (UPDATE indicator_rollup_state SET directory_revision = -1 WHERE period = ? RETURNING 1)"
                        + " SELECT count(*) FROM u",
                PERIOD);
        JsonPath rebuild = RebuildJobIT.rebuildAndWait();
        assertEquals("SUCCEEDED", rebuild.getString("status"));
        assertTrue(stateCurrent(), "the rebuild derived the period's roll-ups again");
        assertEquals(incremental, rollupsOf(kt), "rebuilt roll-ups equal the incremental ones");
        assertEquals(rolledUp.getMap("rows[0]"), kt.indicatorReport(PERIOD).getMap("rows[0]"));
    }

    @Test
    void aReportOfAnInternalAgencyReadFromItsRollUpsEqualsTheLeafRowSums() {
        KonTumFixture kt = new KonTumFixture();
        // the district (internal: under the province) gets an internal child (the commune, with a village under it)
        // and a second commune (a leaf): its report reads its own roll-up, the commune's, and the leaf's own row
        String suffix = TestEvents.suffix();
        UUID village = TestEvents.publishAgency("RV" + suffix, "Thôn Kon Gu", "OTHER", "COMMUNE", kt.commune);
        UUID secondCommune =
                TestEvents.publishAgency("RC" + suffix, "UBND xã Đăk Mar", "PEOPLES_COMMITTEE", "COMMUNE", kt.district);
        publish(kt, kt.district, "APPROVED", 190, 200);
        publish(kt, kt.commune, "SUBMITTED", 7, 9);
        publish(kt, village, "SUBMITTED", 30, 40);
        publish(kt, secondCommune, "SUBMITTED", 96, 100);
        publish(kt, kt.justice, "SUBMITTED", 99, 100);
        await(() -> submitted(kt) == 5
                && stateCurrent()
                && leafRows(kt, kt.district) == 4
                && leafRows(kt, kt.commune) == 2);

        JsonPath rolledUp = report(kt, kt.district);
        assertTrue(stateCurrent(), "read while the roll-ups followed the hierarchy");
        assertEquals(4, rolledUp.getInt("rows[0].submitted"));
        assertEquals(323, rolledUp.getInt("rows[0].numeratorSum"));
        assertEquals(349, rolledUp.getInt("rows[0].denominatorSum"));
        assertEquals(92.55f, rolledUp.getFloat("rows[0].value"));
        assertEquals(75f, rolledUp.getFloat("rows[0].min"));
        assertEquals(96f, rolledUp.getFloat("rows[0].max"));
        assertEquals(2, childRow(rolledUp, kt.commune).getInt("submitted"), "the commune and its village");
        assertEquals(75.51f, childRow(rolledUp, kt.commune).getFloat("value"));
        assertEquals("NOT_MET", childRow(rolledUp, kt.commune).getString("achievement"), "its own figure, 7 of 9");
        assertEquals(1, childRow(rolledUp, secondCommune).getInt("submitted"));
        assertEquals(96f, childRow(rolledUp, secondCommune).getFloat("value"));
        assertEquals("MET", childRow(rolledUp, secondCommune).getString("achievement"));
        assertEquals(leafRowReport(kt, kt.district), rolledUp.getList("rows"), "equals the sums of the leaf rows");

        // the village moves to the second commune: leaf rows until the next figure derives the roll-ups again
        TestEvents.send(
                Topics.AGENCIES,
                EventTypes.AGENCY_UPSERTED,
                village,
                TestEvents.agency(village, 1, "RV" + suffix, "Thôn Kon Gu", "OTHER", "COMMUNE", secondCommune));
        JsonPath moved =
                awaitReport(kt, kt.district, r -> childRow(r, secondCommune).getInt("submitted") == 2);
        assertEquals(1, childRow(moved, kt.commune).getInt("submitted"));
        publish(kt, kt.justice, "SUBMITTED", 98, 100);
        await(() -> submitted(kt) == 6
                && stateCurrent()
                && leafRows(kt, secondCommune) == 2
                && leafRows(kt, kt.commune) == 0);
        JsonPath derivedAgain = report(kt, kt.district);
        assertTrue(stateCurrent());
        assertEquals(moved.getList("rows"), derivedAgain.getList("rows"));
        assertEquals(90f, childRow(derivedAgain, secondCommune).getFloat("value"), "126 of 140");
        assertEquals(leafRowReport(kt, kt.district), derivedAgain.getList("rows"), "equals the sums of the leaf rows");
    }

    /** A report's rows read with the period's roll-ups set aside (the leaf-row sums); the next figure restores them. */
    private List<Object> leafRowReport(KonTumFixture kt, UUID agency) {
        TableCounts.count(
                dataSource,
                "WITH u AS (UPDATE indicator_rollup_state SET directory_revision = -1 WHERE period = ? RETURNING 1)"
                        + " SELECT count(*) FROM u",
                PERIOD);
        List<Object> rows = report(kt, agency).getList("rows");
        assertFalse(stateCurrent());
        return rows;
    }

    private static void publish(KonTumFixture kt, UUID agency, String status, long b, long a) {
        TestEvents.publishFigure(
                TestEvents.ratioFigure(UUID.randomUUID(), 1, 1, kt.indicator, agency, PERIOD, status, b, a, MARCH));
    }

    private static JsonPath report(KonTumFixture kt, UUID agency) {
        return given().queryParam("planId", kt.plan)
                .queryParam("period", PERIOD)
                .queryParam("agencyId", agency)
                .get("/api/reports/indicators")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath awaitReport(KonTumFixture kt, UUID agency, Predicate<JsonPath> condition) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> report(kt, agency), condition);
    }

    private Map<List<UUID>, List<Object>> rollupsOf(KonTumFixture kt) {
        return rollups.ofPeriod(PERIOD).entrySet().stream()
                .filter(e -> e.getKey().get(0).equals(kt.indicator))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long submitted(KonTumFixture kt) {
        return TableCounts.count(
                dataSource,
                "SELECT COALESCE(sum(submitted), 0) FROM indicator_contribution WHERE period = ? AND indicator_id = ?",
                PERIOD,
                kt.indicator);
    }

    private long leafRows(KonTumFixture kt, UUID ancestor) {
        return TableCounts.count(
                dataSource,
                "SELECT COALESCE(sum(leaf_rows), 0) FROM indicator_rollup"
                        + " WHERE period = ? AND indicator_id = ? AND ancestor_id = ?",
                PERIOD,
                kt.indicator,
                ancestor);
    }

    private boolean stateCurrent() {
        return TableCounts.count(
                        dataSource,
                        "SELECT count(*) FROM indicator_rollup_state s, directory_revision d"
                                + " WHERE s.period = ? AND s.directory_revision = d.revision",
                        PERIOD)
                == 1;
    }

    private static JsonPath childRow(JsonPath report, UUID agency) {
        return districtRow(report, agency);
    }

    private static JsonPath districtRow(JsonPath report, UUID agency) {
        List<Map<String, Object>> children = report.getList("rows[0].children");
        Map<String, Object> child = children.stream()
                .filter(c -> agency.toString().equals(c.get("agencyId")))
                .findFirst()
                .orElseThrow();
        return JsonPath.from(EventJson.write(child));
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(condition);
    }
}
