package vn.partracker.reporting.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;

/**
 * {@code POST /api/admin/rebuild} as a durable job: 202 with a Location whose GET shows progress and outcome, a rebuild
 * that repairs a corrupted aggregate row and names it, one active job at a time (a second request is a 409 that
 * writes nothing), and a restart that fails the job its instance left RUNNING (or one whose heartbeat is stale) with a
 * reason, while a live job of another instance keeps running.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RebuildJobIT {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RebuildWorker worker;

    /** Starts a rebuild (waiting for one another test started to end first) and waits for its outcome. */
    static JsonPath rebuildAndWait() {
        AtomicReference<String> location = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response r = given().post("/api/admin/rebuild");
            if (r.statusCode() == 202) {
                location.set(r.header("Location"));
                return true;
            }
            assertEquals(409, r.statusCode(), r.asString());
            return false;
        });
        AtomicReference<JsonPath> job = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath j =
                    given().get(location.get()).then().statusCode(200).extract().jsonPath();
            job.set(j);
            return List.of("SUCCEEDED", "FAILED").contains(j.getString("status"));
        });
        return job.get();
    }

    @Test
    void aRebuildIsAJobThatRepairsAndNamesADifferingRow() throws SQLException {
        UUID indicator = UUID.randomUUID();
        UUID agency = UUID.randomUUID();
        UUID figure = UUID.randomUUID();
        sql(
                "INSERT INTO measurement (id, indicator_id, agency_id, period, version, revision, status, numerator,"
                        + " denominator, value) VALUES (?, ?, ?, '2024-Q1', 1, 1, 'SUBMITTED', 9, 10, 90)",
                figure,
                indicator,
                agency);
        sql(
                "INSERT INTO indicator_contribution (indicator_id, period, agency_id, submitted, ratio_count,"
                        + " numerator_sum, denominator_sum, value_count, value_sum)"
                        + " VALUES (?, '2024-Q1', ?, 3, 1, 9, 10, 1, 90)",
                indicator,
                agency);

        JsonPath job = rebuildAndWait();

        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(job.getInt("indicatorsTotal"), job.getInt("indicatorsDone"));
        assertTrue(job.getInt("indicatorsTotal") >= 1);
        assertNull(job.get("failureReason"));
        List<Map<String, Object>> mine = job.getList("differences.findAll { it.indicatorId == '" + indicator + "' }");
        assertEquals(1, mine.size(), "the corrupted row is named: " + job.prettify());
        assertEquals(
                "1",
                TableCounts.text(
                        dataSource,
                        "SELECT submitted::text FROM indicator_contribution WHERE indicator_id = ?",
                        indicator),
                "the row is repaired");
        String id = job.getString("id");
        String admin = job.getString("requestedBy");
        assertTrue(admin != null && !admin.isBlank() && !"system".equals(admin), "requested by " + admin);
        // the request and the outcome (written by the worker, outside the request) both name the admin who asked
        assertEquals(
                1,
                TableCounts.count(
                        dataSource,
                        "SELECT count(*) FROM audit_entry WHERE entity_type = 'RebuildJob' AND entity_id = ?"
                                + " AND action = 'aggregates.rebuild-requested' AND actor_subject = ?",
                        id,
                        admin));
        assertEquals(
                1,
                TableCounts.count(
                        dataSource,
                        "SELECT count(*) FROM audit_entry WHERE entity_type = 'RebuildJob' AND entity_id = ?"
                                + " AND action = 'aggregates.rebuilt' AND actor_subject = ?",
                        id,
                        admin));
    }

    @Test
    void postAnswers202WithTheLocationOfTheJob() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> activeJobs() == 0);
        Response r = given().post("/api/admin/rebuild");
        r.then()
                .statusCode(202)
                .header(
                        "Location",
                        endsWith("/api/admin/rebuild/" + r.jsonPath().getString("id")));
        assertTrue(
                List.of("QUEUED", "RUNNING", "SUCCEEDED").contains(r.jsonPath().getString("status")));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> "SUCCEEDED"
                        .equals(given().get(r.header("Location")).jsonPath().getString("status")));
    }

    @Test
    void aSecondRebuildWhileOneIsRunningIsAConflictThatWritesNothing() throws SQLException {
        UUID running = UUID.randomUUID();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> activeJobs() == 0);
        sql(
                "INSERT INTO rebuild_job (id, status, requested_by, worker, started_at, heartbeat_at)"
                        + " VALUES (?, 'RUNNING', 'admin', 'another-instance:8083', now(), now())",
                running);
        try {
            TableCounts.assertNothingWritten(
                    dataSource,
                    () -> given().post("/api/admin/rebuild")
                            .then()
                            .statusCode(409)
                            .contentType("application/problem+json")
                            .extract()
                            .asString(),
                    "rebuild_job",
                    "audit_entry");
            JsonPath job = given().get("/api/admin/rebuild/" + running)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals("RUNNING", job.getString("status"));
        } finally {
            sql("UPDATE rebuild_job SET status = 'FAILED', failure_reason = 'test' WHERE id = ?", running);
        }
    }

    @Test
    void aRestartFailsTheJobsItsWorkerLeftRunningOrWhoseHeartbeatIsStale() throws SQLException {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> activeJobs() == 0);
        UUID mine = UUID.randomUUID();
        sql(
                "INSERT INTO rebuild_job (id, status, requested_by, worker, started_at, heartbeat_at, indicators_total,"
                        + " indicators_done) VALUES (?, 'RUNNING', 'admin', ?, now(), now(), 21, 7)",
                mine,
                worker.worker());
        assertEquals(List.of(mine), worker.recoverAfterRestart());
        JsonPath failed = given().get("/api/admin/rebuild/" + mine).jsonPath();
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("failureReason").contains("restarted"), failed.getString("failureReason"));
        assertEquals(7, failed.getInt("indicatorsDone"), "progress is kept");

        UUID stale = UUID.randomUUID();
        sql(
                "INSERT INTO rebuild_job (id, status, requested_by, worker, started_at, heartbeat_at)"
                        + " VALUES (?, 'RUNNING', 'admin', 'dead-instance:8083', now() - interval '1 hour',"
                        + " now() - interval '10 minutes')",
                stale);
        assertEquals(List.of(stale), worker.recoverAfterRestart());
        assertTrue(given().get("/api/admin/rebuild/" + stale)
                .jsonPath()
                .getString("failureReason")
                .contains("heartbeats"));

        UUID live = UUID.randomUUID();
        sql(
                "INSERT INTO rebuild_job (id, status, requested_by, worker, started_at, heartbeat_at)"
                        + " VALUES (?, 'RUNNING', 'admin', 'live-instance:8083', now(), now())",
                live);
        try {
            assertEquals(List.of(), worker.recoverAfterRestart(), "a live job of another instance keeps running");
            assertEquals(
                    "RUNNING",
                    given().get("/api/admin/rebuild/" + live).jsonPath().getString("status"));
        } finally {
            sql("UPDATE rebuild_job SET status = 'FAILED', failure_reason = 'test' WHERE id = ?", live);
        }
        assertEquals(
                1,
                TableCounts.count(
                        dataSource,
                        "SELECT count(*) FROM audit_entry WHERE entity_id = ? AND action = 'aggregates.rebuild-failed'"
                                + " AND actor_subject = 'admin'",
                        mine.toString()),
                "the failure is recorded for the admin who asked, not as 'system'");
    }

    @Test
    void unknownOrMalformedJobIdsAreProblems() {
        given().get("/api/admin/rebuild/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        int status =
                given().get("/api/admin/rebuild/not-a-job").then().extract().statusCode();
        assertTrue(status == 400 || status == 404, "malformed id is a 4xx, was " + status);
    }

    private long activeJobs() {
        return TableCounts.count(dataSource, "SELECT count(*) FROM rebuild_job WHERE status IN ('QUEUED', 'RUNNING')");
    }

    private void sql(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
