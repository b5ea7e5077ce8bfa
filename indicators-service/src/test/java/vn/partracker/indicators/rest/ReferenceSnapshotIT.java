package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventTypes;
import vn.partracker.indicators.service.ReferenceData;
import vn.partracker.indicators.service.ReferenceSnapshot;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * Issue 13: a single submission is checked against the in-memory reference data ({@code ReferenceData}) and written by
 * one statement that re-proves the snapshot. A snapshot that is behind the tables must never decide: an agency that
 * left the directory after it was loaded is refused, one that arrived after it is accepted, a lock is enforced, and a
 * target change racing with submissions leaves every figure judged by the target in force when it committed.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReferenceSnapshotIT {

    private static IndicatorsWorld world;
    private static String ratio;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReferenceData reference;

    private Replicas replicas;

    @BeforeEach
    void world() {
        replicas = new Replicas(dataSource);
        if (world == null) {
            world = IndicatorsWorld.create(replicas);
            ratio = create(Bodies.onTimeDossiers(world, "RS", "1", "QUARTERLY"));
        }
    }

    @Test
    void aFigureIsCheckedAgainstTheSnapshotOnceItIsCurrent() {
        ReferenceSnapshot snapshot = currentSnapshot();
        double before = snapshotChecks();
        submit(figure(ratio, world.homeAffairs, "2026-Q1", 96, 100))
                .then()
                .statusCode(201)
                .body("achievement.status", equalTo("MET"));
        assertEquals(before + 1, snapshotChecks(), "answered from the snapshot");
        assertEquals(snapshot.generation(), reference.current().orElseThrow().generation());
    }

    @Test
    void anAgencyThatCeasedAfterTheSnapshotWasLoadedIsRefusedAtOnce() {
        UUID agency = UUID.randomUUID();
        String code = "KT.SRS." + world.suffix;
        TestEvents.publish(
                UUID.randomUUID(),
                TestEvents.agency(
                        agency, 1, code, "Sở Khoa học và Công nghệ", "DEPARTMENT", "PROVINCE", world.province));
        replicas.awaitVersion("agency_replica", agency, 1);
        ReferenceSnapshot knowing = currentSnapshot();
        submit(figure(ratio, agency, "2024-Q1", 90, 100)).then().statusCode(201);

        TestEvents.publish(
                UUID.randomUUID(),
                TestEvents.agency(
                        agency,
                        2,
                        code,
                        "Sở Khoa học và Công nghệ",
                        "DEPARTMENT",
                        "PROVINCE",
                        world.province,
                        LocalDate.of(2020, 1, 1),
                        LocalDate.of(2023, 12, 31)));
        replicas.awaitVersion("agency_replica", agency, 2);
        assertEquals(
                knowing.generation(),
                reference.current().orElseThrow().generation(),
                "the snapshot in use still has the agency as it was");
        double fromTables = tableChecks();

        TableCounts.assertNothingWritten(
                        dataSource,
                        () -> submit(figure(ratio, agency, "2024-Q2", 90, 100)),
                        "measurement",
                        "measurement_revision")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("agencyId"));
        assertTrue(tableChecks() > fromTables, "checked again against the tables");
    }

    @Test
    void anAgencyThatArrivedAfterTheSnapshotWasLoadedIsAcceptedAtOnce() {
        currentSnapshot();
        UUID agency = UUID.randomUUID();
        TestEvents.publish(
                UUID.randomUUID(),
                TestEvents.agency(
                        agency,
                        1,
                        "KT.SCT." + world.suffix,
                        "Sở Công Thương",
                        "DEPARTMENT",
                        "PROVINCE",
                        world.province));
        replicas.awaitVersion("agency_replica", agency, 1);
        submit(figure(ratio, agency, "2024-Q1", 97, 100))
                .then()
                .statusCode(201)
                .body("achievement.status", equalTo("MET"));
    }

    /**
     * The snapshot's statement writes the figure's event and audit row with the figure; when it finds the snapshot
     * behind and writes nothing, the figure is checked against the tables and written there: still exactly one event
     * and one audit row, never one from each way.
     */
    @Test
    void aFigureWrittenAfterTheSnapshotProvedBehindHasOneEventAndOneAuditRow() {
        ReferenceSnapshot snapshot = currentSnapshot();
        try (var connection = dataSource.getConnection();
                var bump = connection.prepareStatement("UPDATE reference_generation SET generation = generation + 1")) {
            bump.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        double fromTables = tableChecks();
        assertEquals(snapshot.generation(), reference.current().orElseThrow().generation(), "the snapshot is behind");
        String id = submit(figure(ratio, world.homeAffairs, "2029-Q1", 91, 100))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertTrue(tableChecks() > fromTables, "the writing statement found the snapshot behind");
        assertEquals(1, replicas.count("SELECT count(*) FROM outbox_event WHERE msg_key = ?", id), "one event");
        assertEquals(
                1,
                replicas.count(
                        "SELECT count(*) FROM outbox_event WHERE msg_key = ? AND ce_type = ?",
                        id,
                        EventTypes.MEASUREMENT_SUBMITTED),
                "the submitted event");
        assertEquals(
                1,
                replicas.count("SELECT count(*) FROM audit_entry WHERE entity_id = ?", id)
                        + replicas.count("SELECT count(*) FROM audit_pending WHERE entity_id = ?", id),
                "one audit row");
        assertEquals(
                1,
                replicas.count("SELECT count(*) FROM measurement_revision WHERE measurement_id = ?::uuid", id),
                "one revision");
    }

    /** The snapshot's own statement writes the figure, its revision, its event and its audit row together. */
    @Test
    void aFigureCheckedAgainstTheSnapshotHasItsEventAndAuditRow() {
        currentSnapshot();
        double before = snapshotChecks();
        String id = submit(figure(ratio, world.homeAffairs, "2029-Q2", 92, 100))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(before + 1, snapshotChecks(), "decided by the snapshot's statement");
        assertEquals(
                1,
                replicas.count(
                        "SELECT count(*) FROM outbox_event WHERE msg_key = ? AND ce_type = ?",
                        id,
                        EventTypes.MEASUREMENT_SUBMITTED),
                "the submitted event");
        assertEquals(
                1,
                replicas.count(
                        "SELECT count(*) FROM audit_entry WHERE entity_id = ? AND action = ?",
                        id,
                        "measurement.submitted"),
                "the audit row, chained before the answer");
    }

    @Test
    void aLockMadeWhileTheSnapshotIsCurrentIsEnforcedByTheWritingStatement() {
        currentSnapshot();
        String reason = "Đã chốt số liệu quý I năm 2027";
        String lock = given().contentType(ContentType.JSON)
                .body(Map.of("indicatorId", ratio, "period", "2027-Q1", "reason", reason))
                .post("/api/period-locks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        double before = snapshotChecks();
        TableCounts.assertNothingWritten(
                        dataSource,
                        () -> submit(figure(ratio, world.homeAffairs, "2027-Q1", 90, 100)),
                        "measurement",
                        "measurement_revision")
                .then()
                .statusCode(409)
                .body("lockReason", equalTo(reason));
        assertEquals(before + 1, snapshotChecks(), "decided by the snapshot's statement, not the tables");
        given().delete("/api/period-locks/" + lock).then().statusCode(204);
        submit(figure(ratio, world.homeAffairs, "2027-Q1", 90, 100)).then().statusCode(201);
    }

    @Test
    void aTargetChangeRacingWithSubmissionsLeavesEveryFigureJudgedByTheNewTarget() throws Exception {
        String indicator = create(Bodies.onTimeDossiers(world, "RS", "2", "QUARTERLY"));
        currentSnapshot();
        int figures = 48;
        CountDownLatch halfway = new CountDownLatch(figures / 2);
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < figures; i++) {
                String period = (2031 + i / 4) + "-Q" + (i % 4 + 1);
                work.add(pool.submit(() -> {
                    int status = submit(figure(indicator, world.homeAffairs, period, 90, 100))
                            .statusCode();
                    if (status == 201) {
                        created.incrementAndGet();
                    }
                    halfway.countDown();
                    return status;
                }));
            }
            halfway.await();
            Map<String, Object> lowered = Bodies.onTimeDossiers(world, "RS", "2", "QUARTERLY");
            lowered.put("targets", List.of(Bodies.target("AT_LEAST", 50, Map.of())));
            given().contentType(ContentType.JSON)
                    .header("If-Match", "\"1\"")
                    .body(lowered)
                    .put("/api/indicators/" + indicator)
                    .then()
                    .statusCode(200);
            for (Future<?> f : work) {
                assertEquals(201, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(figures, created.get());
        assertEquals(
                0L,
                replicas.count(
                        "SELECT count(*) FROM measurement WHERE indicator_id = ? AND achievement_status <> 'MET'",
                        UUID.fromString(indicator)),
                "90 % against the new floor of 50 % is MET for every figure, whenever it was submitted");
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeySubmitOneFigure() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> figure = figure(ratio, world.homeAffairs, "2028-Q2", 91, 100);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON)
                        .header("Idempotency-Key", key)
                        .body(figure)
                        .post("/api/measurements")));
            }
            String id = null;
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                assertEquals(201, r.statusCode(), r.asString());
                String got = r.path("id");
                if (id == null) {
                    id = got;
                }
                assertEquals(id, got, "every retry answers the first figure");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                1L,
                replicas.count(
                        "SELECT count(*) FROM measurement WHERE indicator_id = ? AND agency_id = ? AND period = ?",
                        UUID.fromString(ratio),
                        world.homeAffairs,
                        "2028-Q2"));
        Map<String, Object> other = figure(ratio, world.homeAffairs, "2028-Q2", 92, 100);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(other)
                .post("/api/measurements")
                .then()
                .statusCode(409);
    }

    /** Makes the loader catch up with the database and returns the snapshot then in use. */
    private ReferenceSnapshot currentSnapshot() {
        long generation = Long.parseLong(replicas.text("SELECT generation::text FROM reference_generation"));
        reference.seen(generation);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> reference
                        .current()
                        .map(s -> s.generation() >= generation)
                        .orElse(false));
        return reference.current().orElseThrow();
    }

    private static double snapshotChecks() {
        return checks("snapshot");
    }

    private static double tableChecks() {
        return checks("tables");
    }

    private static double checks(String against) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = "partracker_figure_checks_total{against=\"" + against + "\"";
        return metrics.lines()
                .filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static Map<String, Object> figure(String indicator, UUID agency, String period, int b, int a) {
        Map<String, Object> figure = new HashMap<>();
        figure.put("indicatorId", indicator);
        figure.put("agencyId", agency.toString());
        figure.put("period", period);
        figure.put("numerator", b);
        figure.put("denominator", a);
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
}
