package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.security.TestTokens;

/**
 * The audit trail of indicators-service: an end-to-end flow (a planner defines and changes an indicator and locks a
 * period; a department submits, revises and re-sends figures; the Office of the People's Committee returns, approves
 * and reopens) leaves one row per write with before/after and the token's subject; a bulk import leaves one row;
 * refused writes and idempotent replays leave none; and a row changed in the database breaks the chain at that row.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AuditTrailIT {

    private static final String PLANNER = TestTokens.of("planner", null);

    private static IndicatorsWorld world;

    @Inject
    AgroalDataSource dataSource;

    private Replicas replicas;

    @BeforeEach
    void world() {
        replicas = new Replicas(dataSource);
        if (world == null) {
            world = IndicatorsWorld.create(replicas);
        }
    }

    @Test
    void everyWriteOfTheFlowIsAuditedWithItsActorAndTheChainNamesATamperedRow() throws SQLException {
        String snv = world.code(world.homeAffairs);
        String vp = world.code(world.office);
        String reporter = TestTokens.of("reporter", snv);
        String evaluator = TestTokens.of("evaluator", vp);

        String indicator = as(PLANNER)
                .body(Bodies.onTimeDossiers(world, "IV", "1", "QUARTERLY"))
                .post("/api/indicators")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(PLANNER)
                .header("If-Match", "\"1\"")
                .body(Bodies.with(
                        Bodies.onTimeDossiers(world, "IV", "1", "QUARTERLY"),
                        "name",
                        "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn"))
                .put("/api/indicators/" + indicator)
                .then()
                .statusCode(200);
        JsonPath indicatorTrail = trail("Indicator", indicator);
        assertEquals(List.of("indicator.updated", "indicator.created"), indicatorTrail.getList("items.action"));
        assertEquals(List.of("test-planner", "test-planner"), indicatorTrail.getList("items.actorSubject"));
        assertNull(indicatorTrail.get("items[1].before"));
        assertTrue(indicatorTrail.getString("items[0].before").contains("trong năm được giải quyết đúng hạn"));
        assertTrue(indicatorTrail.getString("items[0].after").contains("\"name\":\"Tỷ lệ hồ sơ TTHC được giải quyết"));

        String lock = as(PLANNER)
                .body(Map.of("indicatorId", indicator, "period", "2030-Q1", "reason", "Đã chốt số liệu quý I"))
                .post("/api/period-locks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(PLANNER).delete("/api/period-locks/" + lock).then().statusCode(204);
        JsonPath lockTrail = trail("PeriodLock", lock);
        assertEquals(List.of("period-lock.deleted", "period-lock.created"), lockTrail.getList("items.action"));
        assertNull(lockTrail.get("items[0].after"));
        assertTrue(lockTrail.getString("items[0].before").contains("Đã chốt số liệu quý I"));

        Map<String, Object> figure = new HashMap<>();
        figure.put("indicatorId", indicator);
        figure.put("agencyId", world.homeAffairs.toString());
        figure.put("period", "2024-Q1");
        figure.put("numerator", 96);
        figure.put("denominator", 100);
        String key = UUID.randomUUID().toString();
        String id = as(reporter)
                .header("Idempotency-Key", key)
                .body(figure)
                .post("/api/measurements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long rows = count();
        as(reporter)
                .header("Idempotency-Key", key)
                .body(figure)
                .post("/api/measurements")
                .then()
                .statusCode(201)
                .body("id", equalTo(id));
        assertEquals(rows, count(), "an idempotent replay is not audited again");

        revise(reporter, id, 1, 97);
        as(evaluator)
                .body(Map.of("reason", "Thiếu số liệu hồ sơ trực tuyến"))
                .post("/api/measurements/" + id + "/return")
                .then()
                .statusCode(200);
        revise(reporter, id, 3, 98);
        as(evaluator)
                .body(Map.of())
                .post("/api/measurements/" + id + "/approve")
                .then()
                .statusCode(200);
        as(evaluator)
                .body(Map.of("reason", "Điều chỉnh theo báo cáo năm"))
                .post("/api/measurements/" + id + "/reopen")
                .then()
                .statusCode(200);

        JsonPath trail = trail("Measurement", id);
        assertEquals(
                List.of(
                        "measurement.reopened",
                        "measurement.approved",
                        "measurement.revised",
                        "measurement.returned",
                        "measurement.revised",
                        "measurement.submitted"),
                trail.getList("items.action"));
        String reporterSubject = "test-reporter-" + snv;
        String evaluatorSubject = "test-evaluator-" + vp;
        assertEquals(
                List.of(
                        evaluatorSubject,
                        evaluatorSubject,
                        reporterSubject,
                        evaluatorSubject,
                        reporterSubject,
                        reporterSubject),
                trail.getList("items.actorSubject"));
        assertEquals(vp, trail.getString("items[0].actorAgency"));
        assertEquals("evaluator", trail.getString("items[0].actorRoles"));
        assertNull(trail.get("items[5].before"));
        assertTrue(trail.getString("items[5].after").contains("\"status\":\"SUBMITTED\""));
        assertTrue(trail.getString("items[1].before").contains("\"status\":\"SUBMITTED\""));
        assertTrue(trail.getString("items[1].after").contains("\"status\":\"APPROVED\""));
        assertTrue(trail.getString("items[2].before").contains("\"status\":\"RETURNED\""));
        assertTrue(trail.getString("items[2].after").contains("\"numerator\":98"));
        for (int i = 0; i < 6; i++) {
            assertNotNull(trail.get("items[" + i + "].requestId"));
        }
        as(evaluator)
                .queryParam("actor", evaluatorSubject)
                .queryParam("entityId", id)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(3));

        String importId = as(reporter)
                .body(List.of(Map.of(
                        "indicatorId",
                        indicator,
                        "agencyCode",
                        snv,
                        "period",
                        "2024-Q2",
                        "numerator",
                        9,
                        "denominator",
                        10)))
                .post("/api/measurements/batch")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1))
                .extract()
                .path("id");
        String written = replicas.text(
                "SELECT id::text FROM measurement WHERE agency_id = ? AND period = '2024-Q2' AND indicator_id = ?",
                world.homeAffairs,
                UUID.fromString(indicator));
        JsonPath importTrail = trail("MeasurementImport", importId);
        assertEquals(List.of("measurement.imported"), importTrail.getList("items.action"));
        assertEquals(reporterSubject, importTrail.getString("items[0].actorSubject"));
        String after = importTrail.getString("items[0].after");
        assertTrue(after.contains("\"imported\":1") && after.contains(written), after);

        long before = count();
        as(reporter)
                .body(Map.of("indicatorId", indicator, "agencyId", world.seed.justice.toString(), "period", "2024-Q3"))
                .post("/api/measurements")
                .then()
                .statusCode(403);
        as(reporter)
                .body(Map.of("indicatorId", indicator, "agencyId", world.homeAffairs.toString(), "period", "2024-13"))
                .post("/api/measurements")
                .then()
                .statusCode(400);
        as(TestTokens.of("viewer", snv))
                .body(figure)
                .post("/api/measurements")
                .then()
                .statusCode(403);
        assertEquals(before, count(), "refused writes are not audited");

        given().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        long seq = Long.parseLong(replicas.text(
                "SELECT seq::text FROM audit_entry WHERE entity_id = ? AND action = 'measurement.approved'", id));
        String original = replicas.text("SELECT after_json FROM audit_entry WHERE seq = ?", seq);
        try {
            update(seq, original.replace("\"numerator\":98", "\"numerator\":100"));
            as(evaluator)
                    .get("/api/audit/verify")
                    .then()
                    .statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq));
        } finally {
            update(seq, original);
        }
        given().get("/api/audit/verify")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("firstBrokenSeq", nullValue());
    }

    private void revise(String token, String id, int version, int numerator) {
        as(token)
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("numerator", numerator, "denominator", 100))
                .put("/api/measurements/" + id)
                .then()
                .statusCode(200);
    }

    private static JsonPath trail(String entityType, String entityId) {
        return given().queryParam("entityType", entityType)
                .queryParam("entityId", entityId)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private long count() {
        return replicas.count("SELECT count(*) FROM audit_entry");
    }

    private void update(long seq, String afterJson) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE audit_entry SET after_json = ? WHERE seq = ?")) {
            s.setString(1, afterJson);
            s.setLong(2, seq);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
    }
}
