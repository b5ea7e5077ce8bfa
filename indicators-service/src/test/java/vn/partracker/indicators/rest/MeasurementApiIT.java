package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.security.TestTokens;

/** {@code /api/measurements} and {@code /api/period-locks} over HTTP on real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class MeasurementApiIT {

    private static IndicatorsWorld world;
    private static String ratio;
    private static String value;
    private static String parIndex;

    @Inject
    AgroalDataSource dataSource;

    private Replicas replicas;

    @BeforeEach
    void world() {
        replicas = new Replicas(dataSource);
        if (world == null) {
            world = IndicatorsWorld.create(replicas);
            ratio = create(Bodies.onTimeDossiers(world, "IV", "1", "QUARTERLY"));
            value = create(Bodies.satisfaction(world, "7"));
            parIndex = create(Bodies.parIndex(world, "1"));
        }
    }

    @Test
    void aRatioFigureIsComputedAndJudgedAgainstTheTargetOfItsAgency() {
        Response created = submit(ratioFigure(world.homeAffairs, "2024-Q1", 96, 100));
        created.then()
                .statusCode(201)
                .header("Location", containsString("/api/measurements/"))
                .body("status", equalTo("SUBMITTED"))
                .body("revision", equalTo(1))
                .body("achievement.status", equalTo("MET"))
                .body("achievement.target.comparator", equalTo("AT_LEAST"))
                .body("achievement.target.reason", equalTo("all"));
        assertDecimal("96", created.path("value"));
        assertDecimal("1", created.path("achievement.gap"));

        Response commune = submit(ratioFigure(world.commune, "2024-Q1", 79, 100));
        commune.then().statusCode(201).body("achievement.status", equalTo("NOT_MET"));
        assertDecimal("80", commune.path("achievement.target.value"));
        assertEquals("level COMMUNE", commune.path("achievement.target.reason"));
        assertDecimal("-1", commune.path("achievement.gap"));

        Response land = submit(ratioFigure(world.environment, "2024-Q1", 17, 20));
        land.then().statusCode(201).body("achievement.status", equalTo("MET"));
        assertEquals("sector land", land.path("achievement.target.reason"));

        String id = created.path("id");
        given().get("/api/measurements/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("numerator", equalTo(96))
                .body("denominator", equalTo(100));
        given().get("/api/measurements/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theParIndexTotalAndSubtotalsAreExact() {
        Map<String, Object> figure = figure(parIndex, world.province, "2023");
        figure.put(
                "components",
                Map.of(
                        "ASSESSED", new BigDecimal("54.95"),
                        "SIPAS", new BigDecimal("8.5"),
                        "LEADER_SURVEY", new BigDecimal("18.33"),
                        "SOCIO_ECONOMIC", new BigDecimal("4.36")));
        Response created = submit(figure);
        created.then().statusCode(201).body("achievement.status", equalTo("MET"));
        String id = created.path("id");
        String json = replicas.text("SELECT computed_value::text FROM measurement WHERE id = ?", UUID.fromString(id));
        assertEquals(0, new BigDecimal(json).compareTo(new BigDecimal("86.14")), "stored exactly: " + json);
        assertDecimal("86.14", created.path("value"));
        assertDecimal("31.19", created.path("subtotals.IMPACT"));
        assertDecimal("54.95", created.path("subtotals.ASSESSED"));
        assertDecimal("1.14", created.path("achievement.gap"));
    }

    @Test
    void everyInvalidFigureIsRejectedNamingTheFieldAndWritesNothing() {
        rejects(ratioFigure(world.homeAffairs, "2024-Q2", 5, 0), "denominator");
        rejects(ratioFigure(world.homeAffairs, "2024-Q2", 5, -3), "denominator");
        rejects(ratioFigure(world.homeAffairs, "2024-Q2", 101, 100), "numerator");
        Map<String, Object> noNumerator = ratioFigure(world.homeAffairs, "2024-Q2", 1, 100);
        noNumerator.remove("numerator");
        rejects(noNumerator, "numerator");
        Map<String, Object> percent = figure(value, world.homeAffairs, "2024");
        percent.put("value", new BigDecimal("100.5"));
        rejects(percent, "value");
        Map<String, Object> component = figure(parIndex, world.province, "2024");
        component.put("components", Map.of("SIPAS", 11));
        rejects(component, "components[SIPAS]");
        rejects(ratioFigure(world.homeAffairs, "2024-03", 1, 2), "period");
        rejects(ratioFigure(world.homeAffairs, "2024-Q5", 1, 2), "period");
        rejects(ratioFigure(world.office, "2024-Q2", 1, 2), "agencyId");
        rejects(ratioFigure(UUID.randomUUID(), "2024-Q2", 1, 2), "agencyId");
        Map<String, Object> unknownIndicator = ratioFigure(world.homeAffairs, "2024-Q2", 1, 2);
        unknownIndicator.put("indicatorId", UUID.randomUUID().toString());
        rejects(unknownIndicator, "indicatorId");
        Map<String, Object> missing = ratioFigure(world.homeAffairs, "2024-Q2", 1, 2);
        missing.remove("indicatorId");
        rejects(missing, "indicatorId");
    }

    @Test
    void aLockedPeriodIsRefusedWithItsReasonUntilUnlocked() {
        String reason = "Đã chốt số liệu năm 2024 (Báo cáo số 12/BC-VP)";
        String lock = given().contentType(ContentType.JSON)
                .body(Map.of("indicatorId", ratio, "period", "2024", "reason", reason))
                .post("/api/period-locks")
                .then()
                .statusCode(201)
                .body("periodStart", equalTo("2024-01-01"))
                .extract()
                .path("id");
        Map<String, Object> figure = ratioFigure(world.district, "2024-Q3", 90, 100);
        unchanged(() -> submit(figure)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("lockReason", equalTo(reason)));
        given().get("/api/period-locks").then().statusCode(200).body("id", hasItem(lock));
        given().delete("/api/period-locks/" + lock).then().statusCode(204);
        given().delete("/api/period-locks/" + lock).then().statusCode(404);
        submit(figure).then().statusCode(201);

        given().contentType(ContentType.JSON)
                .body(Map.of("indicatorId", UUID.randomUUID().toString(), "period", "2024", "reason", "x"))
                .post("/api/period-locks")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("indicatorId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("planId", world.plan.toString(), "period", "2024-13", "reason", "x"))
                .post("/api/period-locks")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("period"));
    }

    @Test
    void aPlanWideLockClosesThePeriodsInsideIt() {
        String lock = given().contentType(ContentType.JSON)
                .body(Map.of("planId", world.plan.toString(), "period", "2025-S1", "reason", "Chốt 6 tháng 2025"))
                .post("/api/period-locks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            unchanged(() -> submit(ratioFigure(world.homeAffairs, "2025-Q2", 1, 2))
                    .then()
                    .statusCode(409)
                    .body("lockReason", equalTo("Chốt 6 tháng 2025")));
            submit(ratioFigure(world.homeAffairs, "2025-Q3", 1, 2)).then().statusCode(201);
        } finally {
            given().delete("/api/period-locks/" + lock).then().statusCode(204);
        }
    }

    @Test
    void aSecondFigureForTheSamePeriodPointsAtPut() {
        String id = submit(ratioFigure(world.district, "2024-Q1", 50, 100)).path("id");
        unchanged(() -> submit(ratioFigure(world.district, "2024-Q1", 60, 100))
                .then()
                .statusCode(409)
                .body("detail", containsString("PUT /api/measurements/" + id)));
    }

    @Test
    void theSameIdempotencyKeySubmitsOneFigure() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> figure = ratioFigure(world.homeAffairs, "2024-Q4", 10, 10);
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(figure)
                .post("/api/measurements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(figure)
                .post("/api/measurements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(first, second);
        assertEquals(
                1,
                replicas.count(
                        "SELECT count(*) FROM measurement WHERE indicator_id = ? AND agency_id = ? AND period = ?",
                        UUID.fromString(ratio),
                        world.homeAffairs,
                        "2024-Q4"));
    }

    @Test
    void aRevisionKeepsTheOldOneAndNeedsTheCurrentVersion() {
        String id = submit(ratioFigure(world.commune, "2024-Q2", 70, 100)).path("id");
        Map<String, Object> change = new HashMap<>(Map.of("numerator", 85, "denominator", 100, "note", "Bổ sung"));
        given().contentType(ContentType.JSON)
                .body(change)
                .put("/api/measurements/" + id)
                .then()
                .statusCode(428);
        unchanged(() -> given().contentType(ContentType.JSON)
                .header("If-Match", "\"5\"")
                .body(change)
                .put("/api/measurements/" + id)
                .then()
                .statusCode(412));
        unchanged(() -> given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(Map.of("numerator", 120, "denominator", 100))
                .put("/api/measurements/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("numerator")));
        Response revised = given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(change)
                .put("/api/measurements/" + id);
        revised.then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("revision", equalTo(2))
                .body("achievement.status", equalTo("MET"));
        given().get("/api/measurements/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].numerator", equalTo(70))
                .body("[1].numerator", equalTo(85))
                .body("[1].note", equalTo("Bổ sung"));
        given().get("/api/measurements/" + UUID.randomUUID() + "/revisions")
                .then()
                .statusCode(404);
    }

    @Test
    void concurrentPutsWithTheSameIfMatchGiveOneSuccessAndOnePreconditionFailure() throws Exception {
        String id = submit(ratioFigure(world.environment, "2024-Q2", 70, 100)).path("id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int n : List.of(80, 90)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON)
                            .header("If-Match", "\"1\"")
                            .body(Map.of("numerator", n, "denominator", 100))
                            .put("/api/measurements/" + id)
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            Collections.sort(statuses);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                2,
                replicas.count(
                        "SELECT count(*) FROM measurement_revision WHERE measurement_id = ?", UUID.fromString(id)));
    }

    @Test
    void theEvaluatingAgencyReviewsAndEveryWrongStepIsRefused() {
        String id = submit(ratioFigure(world.homeAffairs, "2025-Q1", 90, 100)).path("id");
        review(id, "approve", world.homeAffairs, null).then().statusCode(403);
        review(id, "return", world.office, null).then().statusCode(400).body("errors.field", hasItem("reason"));
        given().header("Authorization", TestTokens.bearer(TestTokens.of("evaluator", world.code(world.homeAffairs))))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/measurements/" + id + "/approve")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("reviewerAgencyId"));
        review(id, "reopen", world.office, "x").then().statusCode(409);
        review(id, "approve", world.office, null).then().statusCode(200).body("status", equalTo("APPROVED"));
        review(id, "approve", world.office, null).then().statusCode(409);
        review(id, "return", world.office, "Thiếu số liệu").then().statusCode(409);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(Map.of("numerator", 91, "denominator", 100))
                .put("/api/measurements/" + id)
                .then()
                .statusCode(409);
        review(id, "reopen", world.office, "Sai số liệu tháng 3")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("reviewReason", equalTo("Sai số liệu tháng 3"));
        review(id, "return", world.office, "Đề nghị bổ sung hồ sơ")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETURNED"));
        review(id, "approve", world.office, null).then().statusCode(409);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"4\"")
                .body(Map.of("numerator", 93, "denominator", 100))
                .put("/api/measurements/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("revision", equalTo(2));
        given().get("/api/measurements/" + id + "/reviews")
                .then()
                .statusCode(200)
                .body("action", equalTo(List.of("APPROVE", "REOPEN", "RETURN")))
                .body("[1].reason", equalTo("Sai số liệu tháng 3"));
        review(UUID.randomUUID().toString(), "approve", world.office, null)
                .then()
                .statusCode(404);
        given().get("/api/measurements/" + UUID.randomUUID() + "/reviews")
                .then()
                .statusCode(404);
    }

    @Test
    void listsFiguresByIndicatorAgencyPeriodAndStatus() {
        String id = submit(ratioFigure(world.commune, "2024-Q3", 30, 40)).path("id");
        review(id, "approve", world.office, null).then().statusCode(200);
        given().queryParam("indicatorId", ratio)
                .queryParam("agencyId", world.commune)
                .queryParam("period", "2024-Q3")
                .queryParam("status", "APPROVED")
                .get("/api/measurements")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        given().queryParam("indicatorId", ratio)
                .queryParam("status", "RETURNED")
                .queryParam("period", "2024-Q3")
                .get("/api/measurements")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("status", "DONE").get("/api/measurements").then().statusCode(400);
        given().queryParam("period", "2024-Q9").get("/api/measurements").then().statusCode(400);
        given().queryParam("agencyId", "not-a-uuid")
                .get("/api/measurements")
                .then()
                .statusCode(400);
    }

    @Test
    void measurementEventsCarryTheFullState() {
        String id = submit(ratioFigure(world.district, "2025-Q2", 19, 20)).path("id");
        review(id, "approve", world.office, null).then().statusCode(200);
        replicas.awaitOutboxDrained();
        var records = KafkaTestClient.readUntil(
                Topics.MEASUREMENTS,
                Duration.ofSeconds(20),
                read -> read.stream().filter(r -> id.equals(r.key())).count() >= 2);
        var mine = records.stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(2, mine.size(), () -> "events on Kafka; the outbox rows:\n" + replicas.outboxRowsOf(id));
        assertEquals(EventTypes.MEASUREMENT_SUBMITTED, KafkaTestClient.header(mine.get(0), CloudEventHeaders.TYPE));
        assertEquals(EventTypes.MEASUREMENT_APPROVED, KafkaTestClient.header(mine.get(1), CloudEventHeaders.TYPE));
        MeasurementState submitted = EventJson.read(mine.get(0).value(), MeasurementState.class);
        MeasurementState approved = EventJson.read(mine.get(1).value(), MeasurementState.class);
        assertEquals(1, submitted.schemaVersion());
        assertEquals(UUID.fromString(ratio), submitted.indicatorId());
        assertEquals(world.district, submitted.agencyId());
        assertEquals("2025-Q2", submitted.period());
        assertEquals(0, submitted.computedValue().compareTo(new BigDecimal("95")));
        assertEquals(0, submitted.numerator().compareTo(new BigDecimal("19")));
        assertEquals("MET", submitted.achievement().status());
        assertEquals(1, submitted.revision());
        assertEquals("SUBMITTED", submitted.status());
        assertEquals("APPROVED", approved.status());
        assertTrue(approved.version() > submitted.version());
    }

    private void rejects(Map<String, Object> figure, String field) {
        unchanged(() -> submit(figure)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
    }

    private void unchanged(Runnable request) {
        long figures = replicas.count("SELECT count(*) FROM measurement");
        long revisions = replicas.count("SELECT count(*) FROM measurement_revision");
        long outbox = replicas.count("SELECT count(*) FROM outbox_event");
        request.run();
        assertEquals(figures, replicas.count("SELECT count(*) FROM measurement"), "no figure written");
        assertEquals(revisions, replicas.count("SELECT count(*) FROM measurement_revision"), "no revision written");
        assertEquals(outbox, replicas.count("SELECT count(*) FROM outbox_event"), "no event written");
    }

    private static Response review(String id, String action, UUID reviewer, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reviewerAgencyId", reviewer.toString());
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/measurements/" + id + "/" + action);
    }

    private static Map<String, Object> ratioFigure(UUID agency, String period, int b, int a) {
        Map<String, Object> figure = figure(ratio, agency, period);
        figure.put("numerator", b);
        figure.put("denominator", a);
        return figure;
    }

    private static Map<String, Object> figure(String indicator, UUID agency, String period) {
        Map<String, Object> figure = new HashMap<>();
        figure.put("indicatorId", indicator);
        figure.put("agencyId", agency.toString());
        figure.put("period", period);
        return figure;
    }

    private static Response submit(Map<String, Object> figure) {
        return given().contentType(ContentType.JSON).body(figure).post("/api/measurements");
    }

    private static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/indicators")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void assertDecimal(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))), "got " + actual);
    }
}
