package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
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
import org.awaitility.Awaitility;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.indicators.service.ReferenceData;
import vn.partracker.indicators.service.ReferenceSnapshot;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * Issue 13: a bulk import checks its rows chunk by chunk against the in-memory reference data and confirms the
 * snapshot with one statement per chunk, instead of reading indicators, agencies, groups and the hierarchy through
 * Hibernate row by row (a 500-commune batch took 1,013 Hibernate statements). A chunk that comes right after a
 * reference change, while the snapshot in memory is behind, waits for the reload and is judged against the new
 * snapshot (or the tables, when none comes in time): a new agency is accepted, an agency that ceased is refused, a new
 * lock is enforced and a changed target is the one applied.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class BatchReferenceDataIT {

    /** Communes of the statement-count import, one row each. */
    private static final int COMMUNES = 500;

    /**
     * Hibernate statements a 500-row import may take: the import record, the period locks, the plan by number, the
     * completion and the audit row (8 measured). Checked row by row through Hibernate it took 1,013.
     */
    private static final long STATEMENT_BOUND = 12;

    private static IndicatorsWorld world;
    private static String monthly;
    private static List<String> communeCodes;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReferenceData reference;

    @Inject
    SessionFactory sessions;

    private Replicas replicas;

    @BeforeEach
    void world() {
        replicas = new Replicas(dataSource);
        if (world == null) {
            world = IndicatorsWorld.create(replicas);
            monthly = create(Bodies.onTimeDossiers(world, "BR", "1", "MONTHLY"));
            communeCodes = new ArrayList<>();
            for (int i = 0; i < COMMUNES; i++) {
                String code = "KT.DH.X" + i + "." + world.suffix;
                communeCodes.add(code);
                TestEvents.publish(
                        UUID.randomUUID(),
                        TestEvents.agency(
                                UUID.randomUUID(),
                                1,
                                code,
                                "Ủy ban nhân dân xã số " + i,
                                "PEOPLES_COMMITTEE",
                                "COMMUNE",
                                world.district));
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> replicas.count(
                                    "SELECT count(*) FROM agency_replica WHERE code LIKE ?", "KT.DH.X%." + world.suffix)
                            == COMMUNES);
        }
    }

    @Test
    void aBatchOf500CommunesIsCheckedAgainstTheSnapshotWithAFewStatements() {
        currentSnapshot();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < COMMUNES; i++) {
            rows.add(byCode(communeCodes.get(i), "2024-01", 80 + i % 20));
        }
        double snapshotChunks = chunks("snapshot");
        Statistics statistics = sessions.getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        long statements;
        try {
            batch(rows)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("DONE"))
                    .body("imported", equalTo(COMMUNES))
                    .body("rejectedRows", equalTo(0));
            statements = statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
        assertTrue(
                statements <= STATEMENT_BOUND,
                "a " + COMMUNES + "-row import took " + statements + " Hibernate statements (at most " + STATEMENT_BOUND
                        + " expected)");
        assertEquals(snapshotChunks + 1, chunks("snapshot"), "the one chunk was checked against the snapshot");
        assertEquals(
                COMMUNES,
                replicas.count(
                        "SELECT count(*) FROM measurement WHERE indicator_id = ? AND period = '2024-01'",
                        UUID.fromString(monthly)));
    }

    @Test
    void anAgencyThatArrivedAfterTheSnapshotIsAcceptedAtOnce() {
        ReferenceSnapshot before = currentSnapshot();
        UUID agency = UUID.randomUUID();
        String code = "KT.DH.NEW." + world.suffix;
        TestEvents.publish(
                UUID.randomUUID(),
                TestEvents.agency(
                        agency, 1, code, "Ủy ban nhân dân xã mới", "PEOPLES_COMMITTEE", "COMMUNE", world.district));
        replicas.awaitVersion("agency_replica", agency, 1);
        assertEquals(before.generation(), reference.current().orElseThrow().generation(), "the snapshot is behind");
        double fromTables = chunks("tables");
        double fromSnapshot = chunks("snapshot");

        batch(List.of(byCode(code, "2024-02", 95), byId(agency, "2024-03", 96)))
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("imported", equalTo(2));
        assertEquals(fromTables, chunks("tables"), "not checked against the tables");
        assertEquals(
                fromSnapshot + 1, chunks("snapshot"), "checked again against the reloaded snapshot, and confirmed");
        assertTrue(reference.current().orElseThrow().generation() > before.generation());
    }

    /**
     * The runner's case: an import right after its indicator was defined. The first chunk finds the snapshot behind
     * (the indicator is unknown to it), waits for the reload its confirmation started and is checked against the new
     * snapshot; no chunk reads the tables, and every row is written.
     */
    @Test
    void anImportRightAfterItsIndicatorWasDefinedIsCheckedAgainstTheReloadedSnapshot() {
        ReferenceSnapshot before = currentSnapshot();
        String indicator = create(Bodies.onTimeDossiers(world, "BR", "3", "MONTHLY"));
        assertEquals(before.generation(), reference.current().orElseThrow().generation(), "the snapshot is behind");
        double fromTables = chunks("tables");
        double fromSnapshot = chunks("snapshot");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < COMMUNES; i++) {
            Map<String, Object> row = byCode(communeCodes.get(i), "2024-07", 70 + i % 30);
            row.put("ordinal", "3");
            rows.add(row);
        }

        batch(rows)
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("imported", equalTo(COMMUNES))
                .body("rejectedRows", equalTo(0));
        assertEquals(fromTables, chunks("tables"), "no chunk read the tables");
        assertEquals(fromSnapshot + 1, chunks("snapshot"));
        assertEquals(
                COMMUNES,
                replicas.count("SELECT count(*) FROM measurement WHERE indicator_id = ?", UUID.fromString(indicator)));
    }

    @Test
    void anAgencyThatCeasedAfterTheSnapshotIsRefused() {
        UUID agency = UUID.randomUUID();
        String code = "KT.DH.OLD." + world.suffix;
        TestEvents.publish(
                UUID.randomUUID(),
                TestEvents.agency(
                        agency, 1, code, "Ủy ban nhân dân xã cũ", "PEOPLES_COMMITTEE", "COMMUNE", world.district));
        replicas.awaitVersion("agency_replica", agency, 1);
        ReferenceSnapshot knowing = currentSnapshot();
        TestEvents.publish(
                UUID.randomUUID(),
                TestEvents.agency(
                        agency,
                        2,
                        code,
                        "Ủy ban nhân dân xã cũ",
                        "PEOPLES_COMMITTEE",
                        "COMMUNE",
                        world.district,
                        LocalDate.of(2020, 1, 1),
                        LocalDate.of(2023, 12, 31)));
        replicas.awaitVersion("agency_replica", agency, 2);
        assertEquals(knowing.generation(), reference.current().orElseThrow().generation(), "the snapshot is behind");

        batch(List.of(byId(agency, "2024-04", 90)))
                .then()
                .statusCode(422)
                .body("importStatus", equalTo("REJECTED"))
                .body("committed", equalTo(false))
                .body("rejected.field", hasItem("agencyId"));
        assertEquals(
                0L,
                replicas.count("SELECT count(*) FROM measurement WHERE agency_id = ?", agency),
                "nothing written for the ceased agency");
    }

    @Test
    void aLockMadeAfterTheSnapshotIsEnforcedAndItsRemovalToo() {
        currentSnapshot();
        String reason = "Đã chốt số liệu tháng 5 năm 2024";
        String lock = given().contentType(ContentType.JSON)
                .body(Map.of("indicatorId", monthly, "period", "2024-05", "reason", reason))
                .post("/api/period-locks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        batch(List.of(byCode(communeCodes.get(0), "2024-05", 90)))
                .then()
                .statusCode(422)
                .body("importStatus", equalTo("REJECTED"))
                .body("rejected.message", hasItem(startsWith("period is locked: " + reason)));

        given().delete("/api/period-locks/" + lock).then().statusCode(204);
        batch(List.of(byCode(communeCodes.get(0), "2024-05", 90)))
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("imported", equalTo(1));
    }

    @Test
    void aTargetChangedAfterTheSnapshotIsTheOneApplied() {
        String indicator = create(Bodies.onTimeDossiers(world, "BR", "2", "MONTHLY"));
        currentSnapshot();
        Map<String, Object> lowered = Bodies.onTimeDossiers(world, "BR", "2", "MONTHLY");
        lowered.put("targets", List.of(Bodies.target("AT_LEAST", 50, Map.of())));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(lowered)
                .put("/api/indicators/" + indicator)
                .then()
                .statusCode(200);

        Map<String, Object> row = byCode(communeCodes.get(1), "2024-06", 60);
        row.put("ordinal", "2");
        batch(List.of(row)).then().statusCode(200).body("imported", equalTo(1));
        assertEquals(
                "MET",
                replicas.text(
                        "SELECT achievement_status FROM measurement WHERE indicator_id = ? AND period = '2024-06'",
                        UUID.fromString(indicator)),
                "60 % against the new floor of 50 %");
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

    private static double chunks(String against) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = "partracker_import_chunk_checks_total{against=\"" + against + "\"";
        return metrics.lines()
                .filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static Map<String, Object> byCode(String agencyCode, String period, int onTime) {
        Map<String, Object> row = new HashMap<>();
        row.put("plan", world.planNumber);
        row.put("group", "BR");
        row.put("ordinal", "1");
        row.put("agencyCode", agencyCode);
        row.put("period", period);
        row.put("numerator", onTime);
        row.put("denominator", 100);
        return row;
    }

    private static Map<String, Object> byId(UUID agency, String period, int onTime) {
        Map<String, Object> row = new HashMap<>();
        row.put("indicatorId", monthly);
        row.put("agencyId", agency.toString());
        row.put("period", period);
        row.put("numerator", onTime);
        row.put("denominator", 100);
        return row;
    }

    private static Response batch(List<Map<String, Object>> rows) {
        return given().contentType(ContentType.JSON).body(rows).post("/api/measurements/batch");
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
