package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;

/**
 * The set-based write of bulk imports (COPY into a transaction's staging table, then one statement per chunk): what
 * a failed import leaves behind (nothing, not even its staging table), duplicate rows in chunks far apart, and a
 * single submission of the same figure racing the import.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class BatchImportWriteIT {

    /** More rows than one chunk of the importer, so every test crosses a chunk boundary. */
    private static final int ROWS = 5_003;

    private static IndicatorsWorld world;
    private static int indicators;

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
    void aRejectedImportAcrossChunksLeavesNoFigureNoEventAndNoStagingTable() {
        String indicator = newIndicator();
        List<Map<String, Object>> rows = rows(indicator, ROWS);
        rows.get(ROWS - 1).put("numerator", 11);
        long outbox = replicas.count("SELECT count(*) FROM outbox_event");
        batch(rows, "")
                .then()
                .statusCode(422)
                .body("importStatus", equalTo("REJECTED"))
                .body("rejectedRows", equalTo(1))
                .body("rejected[0].row", equalTo(ROWS))
                .body("rejected[0].field", equalTo("numerator"));
        assertEquals(0, figures(indicator), "the first chunk, written before the bad row, is rolled back");
        assertEquals(outbox, replicas.count("SELECT count(*) FROM outbox_event"));
        assertEquals(0, stagingTables(), "the staging table goes with the transaction");

        rows.get(ROWS - 1).put("numerator", 9);
        batch(rows, "").then().statusCode(200).body("imported", equalTo(ROWS));
        assertEquals(ROWS, figures(indicator));
        assertEquals(outbox + ROWS, replicas.count("SELECT count(*) FROM outbox_event"));
        assertEquals(0, stagingTables());
    }

    @Test
    void anImportTheDatabaseRefusesMidwayIsA400AndTheNextImportOnThePoolWorks() {
        String indicator = newIndicator();
        int count = 60;
        List<Map<String, Object>> rows = rows(indicator, count);
        rows.get(count - 2).put("note", "ghi chú\u0000");
        assertRefusedWithNothingWritten(indicator, rows, "?mode=valid-rows");

        rows.get(count - 2).put("note", "ghi chú\ttab \\ gạch chéo\nxuống dòng");
        for (int i = 0; i < 4; i++) {
            // several imports in a row reuse pooled connections: none may find a staging table left over
            batch(rows, "").then().statusCode(200);
        }
        assertEquals(count, figures(indicator));
        assertEquals(
                "ghi chú\ttab \\ gạch chéo\nxuống dòng",
                replicas.text(
                        "SELECT note FROM measurement WHERE indicator_id = ? AND note IS NOT NULL",
                        UUID.fromString(indicator)),
                "tabs, backslashes and line breaks survive the COPY text format");
        assertEquals(
                "ghi chú\ttab \\ gạch chéo\nxuống dòng",
                replicas.text(
                        "SELECT r.note FROM measurement_revision r JOIN measurement m ON m.id = r.measurement_id"
                                + " WHERE m.indicator_id = ? AND r.note IS NOT NULL",
                        UUID.fromString(indicator)));
    }

    @Test
    void rowsWithLongNotesCrossingChunksBoundedByTheirTextArriveWhole() {
        // 1,200 rows with 4,000-character notes: 4.8 million characters, written in three chunks bounded by text
        // (BatchImporter.CHUNK_TEXT_CHARS) instead of one chunk of rows
        String indicator = newIndicator();
        int count = 1_200;
        List<Map<String, Object>> rows = rows(indicator, count);
        String note =
                "Đã rà soát, đơn giản hóa thủ tục hành chính; ".repeat(100).substring(0, 4000);
        for (int i = 0; i < count; i++) {
            rows.get(i).put("note", i + " " + note.substring(String.valueOf(i).length() + 1));
        }
        long outbox = replicas.count("SELECT count(*) FROM outbox_event");
        batch(rows, "").then().statusCode(200).body("imported", equalTo(count)).body("rejectedRows", equalTo(0));
        assertEquals(count, figures(indicator));
        assertEquals(count, revisionsOf(indicator));
        assertEquals(outbox + count, replicas.count("SELECT count(*) FROM outbox_event"));
        assertEquals(
                count,
                replicas.count(
                        "SELECT count(*) FROM measurement WHERE indicator_id = ? AND length(note) = 4000"
                                + " AND note LIKE '%thủ tục hành chính%'",
                        UUID.fromString(indicator)));
        assertEquals(
                "1199 " + note.substring(5),
                replicas.text(
                        "SELECT note FROM measurement WHERE indicator_id = ? AND note LIKE '1199 %'",
                        UUID.fromString(indicator)));
    }

    @Test
    void aChunkTheDatabaseRefusesWhileTheNextIsCheckedRollsBackTheWholeImportAndFreesItsTransaction() {
        // the first chunk fails in the writer thread (a NUL character PostgreSQL refuses in text) while the import's
        // own thread checks the second: the failure reaches the request, the transaction comes back and rolls back
        String indicator = newIndicator();
        List<Map<String, Object>> rows = rows(indicator, ROWS);
        rows.get(10).put("note", "ghi chú\u0000");
        long outbox = replicas.count("SELECT count(*) FROM outbox_event");
        assertRefusedWithNothingWritten(indicator, rows, "");

        rows.get(10).put("note", "ghi chú");
        batch(rows, "").then().statusCode(200).body("imported", equalTo(ROWS));
        assertEquals(ROWS, figures(indicator));
        assertEquals(ROWS, revisionsOf(indicator));
        assertEquals(outbox + ROWS, replicas.count("SELECT count(*) FROM outbox_event"));
    }

    @Test
    void aDuplicateRowInALaterChunkIsRejectedAndTheFirstRowWins() {
        String indicator = newIndicator();
        List<Map<String, Object>> rows = rows(indicator, ROWS);
        Map<String, Object> again = new HashMap<>(rows.get(0));
        again.put("numerator", 1);
        rows.add(again);
        batch(rows, "?mode=valid-rows")
                .then()
                .statusCode(200)
                .body("imported", equalTo(ROWS))
                .body("rejectedRows", equalTo(1))
                .body("rejected[0].row", equalTo(ROWS + 1))
                .body("rejected[0].message", equalTo("an earlier row has the same indicator, agency and period"));
        assertEquals(
                "5",
                replicas.text(
                        "SELECT numerator::text FROM measurement WHERE indicator_id = ? AND agency_id = ?"
                                + " AND period = ?",
                        UUID.fromString(indicator),
                        UUID.fromString((String) rows.get(0).get("agencyId")),
                        rows.get(0).get("period")));

        batch(rows, "").then().statusCode(422).body("rejectedRows", equalTo(1));
        rows.remove(ROWS);
        rows.get(1).put("numerator", 7);
        batch(rows, "")
                .then()
                .statusCode(200)
                .body("imported", equalTo(0))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(ROWS - 1));
        assertEquals(ROWS + 1, revisionsOf(indicator));
    }

    @Test
    void aSubmissionCommittedWhileTheImportRunsBecomesTheFigureTheImportRevises() throws Exception {
        String indicator = newIndicator();
        List<Map<String, Object>> rows = rows(indicator, 20);
        Map<String, Object> raced = rows.get(13);
        UUID figure = UUID.randomUUID();
        long outbox = replicas.count("SELECT count(*) FROM outbox_event");
        CompletableFuture<Response> answer;
        try (Connection submission = dataSource.getConnection()) {
            submission.setAutoCommit(false);
            // a single submission of the same figure, inserted but not yet committed when the import writes
            try (PreparedStatement insert = submission.prepareStatement("INSERT INTO measurement (id, indicator_id,"
                    + " agency_id, period, status, revision, version, numerator, denominator, computed_value,"
                    + " achievement_status, achievement, submitted_at, submitted_by) VALUES (?, ?, ?, ?, 'SUBMITTED',"
                    + " 1, 1, 1, 10, 10, 'NOT_MET', '{\"status\":\"NOT_MET\"}', now(), 'racer')")) {
                insert.setObject(1, figure);
                insert.setObject(2, UUID.fromString(indicator));
                insert.setObject(3, UUID.fromString((String) raced.get("agencyId")));
                insert.setString(4, (String) raced.get("period"));
                insert.executeUpdate();
            }
            try (PreparedStatement revision = submission.prepareStatement("INSERT INTO measurement_revision"
                    + " (measurement_id, revision, numerator, denominator, computed_value, achievement_status,"
                    + " achievement, submitted_at, submitted_by) VALUES (?, 1, 1, 10, 10, 'NOT_MET',"
                    + " '{\"status\":\"NOT_MET\"}', now(), 'racer')")) {
                revision.setObject(1, figure);
                revision.executeUpdate();
            }
            answer = CompletableFuture.supplyAsync(() -> batch(rows, ""));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> replicas.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND query LIKE '%INSERT INTO measurement (%'")
                            > 0);
            submission.commit();
        }
        answer.get(60, TimeUnit.SECONDS)
                .then()
                .statusCode(200)
                .body("rows", equalTo(20))
                .body("imported", equalTo(19))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(0));
        assertEquals(20, figures(indicator));
        assertEquals(
                "2|2|5|SUBMITTED",
                replicas.text(
                        "SELECT revision || '|' || version || '|' || numerator || '|' || status FROM measurement"
                                + " WHERE id = ?",
                        figure),
                "the racing figure keeps its id and gets the import's numbers as its second revision");
        assertEquals(2, replicas.count("SELECT count(*) FROM measurement_revision WHERE measurement_id = ?", figure));
        assertEquals(
                20,
                replicas.count(
                        "SELECT count(*) FROM outbox_event WHERE topic = 'partracker.measurements' AND payload LIKE ?",
                        "%" + indicator + "%"));
        assertEquals(outbox + 20, replicas.count("SELECT count(*) FROM outbox_event"));
        assertEquals(
                "partracker.measurement.revised",
                replicas.text("SELECT ce_type FROM outbox_event WHERE msg_key = ?", figure.toString()));
    }

    @Test
    void concurrentSingleSubmissionsAndAnImportOfTheSameFiguresLeaveOneFigureEachWithItsWholeHistory()
            throws Exception {
        String indicator = newIndicator();
        List<Map<String, Object>> rows = rows(indicator, 300);
        CompletableFuture<Response> imported = CompletableFuture.supplyAsync(() -> batch(rows, ""));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 300; i += 10) {
            Map<String, Object> single = new HashMap<>(rows.get(i));
            single.put("numerator", 3);
            statuses.add(given().contentType(ContentType.JSON)
                    .body(single)
                    .post("/api/measurements")
                    .then()
                    .extract()
                    .statusCode());
        }
        Response answer = imported.get(120, TimeUnit.SECONDS);
        answer.then().statusCode(200).body("rows", equalTo(300)).body("rejectedRows", equalTo(0));
        int created = (int) statuses.stream().filter(s -> s == 201).count();
        assertEquals(30, created + statuses.stream().filter(s -> s == 409).count(), "201 or 409, never a 500");
        int fromImport = answer.path("imported");
        int revised = answer.path("updated");
        assertEquals(300, fromImport + created, "each figure was created once, by the import or by a submission");
        assertEquals(created, revised, "the import revised every figure a submission created first");
        assertEquals(300, figures(indicator));
        assertEquals(300 + revised, revisionsOf(indicator));
        assertEquals(
                0,
                replicas.count(
                        "SELECT count(*) FROM measurement m WHERE indicator_id = ? AND revision <> (SELECT count(*)"
                                + " FROM measurement_revision r WHERE r.measurement_id = m.id)",
                        UUID.fromString(indicator)));
    }

    private String newIndicator() {
        indicators++;
        return given().contentType(ContentType.JSON)
                .body(Bodies.onTimeDossiers(world, "STAGE", String.valueOf(indicators), "MONTHLY"))
                .post("/api/indicators")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Rows for distinct figures: three performing agencies, one month after another from January 2030. */
    private static List<Map<String, Object>> rows(String indicator, int count) {
        List<UUID> agencies = List.of(world.homeAffairs, world.environment, world.commune);
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("indicatorId", indicator);
            row.put("agencyId", agencies.get(i % agencies.size()).toString());
            row.put(
                    "period",
                    YearMonth.of(2030, 1).plusMonths(i / agencies.size()).toString());
            row.put("numerator", 5);
            row.put("denominator", 10);
            rows.add(row);
        }
        return rows;
    }

    /**
     * Sends an import PostgreSQL refuses while writing it and checks that it is a 400 validation problem and left no
     * figure, revision, event or staging table.
     */
    private void assertRefusedWithNothingWritten(String indicator, List<Map<String, Object>> rows, String query) {
        long outbox = replicas.count("SELECT count(*) FROM outbox_event");
        long revisions = replicas.count("SELECT count(*) FROM measurement_revision");
        batch(rows, query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partracker.vn/problems/validation"));
        assertEquals(0, figures(indicator));
        assertEquals(outbox, replicas.count("SELECT count(*) FROM outbox_event"));
        assertEquals(revisions, replicas.count("SELECT count(*) FROM measurement_revision"));
        assertEquals(0, stagingTables());
    }

    private long figures(String indicator) {
        return replicas.count("SELECT count(*) FROM measurement WHERE indicator_id = ?", UUID.fromString(indicator));
    }

    private long revisionsOf(String indicator) {
        return replicas.count(
                "SELECT count(*) FROM measurement_revision r JOIN measurement m ON m.id = r.measurement_id"
                        + " WHERE m.indicator_id = ?",
                UUID.fromString(indicator));
    }

    private long stagingTables() {
        return replicas.count("SELECT count(*) FROM pg_class WHERE relname = 'measurement_stage'");
    }

    private static Response batch(List<Map<String, Object>> rows, String query) {
        return given().contentType(ContentType.JSON).body(rows).post("/api/measurements/batch" + query);
    }
}
