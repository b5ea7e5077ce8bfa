package vn.partracker.indicators.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partracker.indicators.config.ImportsConfig;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;

/**
 * Issue 11, item 6: background imports a dead process left {@code QUEUED} or {@code RUNNING} are failed with the
 * reason at start-up and their stored bodies removed; one still running in a live process (its record locked by the
 * import's transaction) is left alone.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ImportRecoveryIT {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ImportRecovery recovery;

    @Inject
    ImportsConfig config;

    @Test
    void importsLeftQueuedOrRunningByADeadProcessFailWithTheReasonAndTheirBodiesGo() throws Exception {
        Path directory = ImportService.bodyDirectory(config);
        Files.createDirectories(directory);
        Path runningBody = Files.createTempFile(directory, "import-", ".body");
        Path queuedBody = Files.createTempFile(directory, "import-", ".body");
        Path orphan = Files.createTempFile(directory, "import-", ".body");
        Path liveBody = Files.createTempFile(directory, "import-", ".body");
        UUID running = insert("RUNNING", runningBody);
        UUID queued = insert("QUEUED", queuedBody);
        UUID live = insert("RUNNING", liveBody);

        try (Connection liveImport = dataSource.getConnection()) {
            liveImport.setAutoCommit(false);
            try (PreparedStatement hold =
                    liveImport.prepareStatement("SELECT id FROM import_job WHERE id = ? FOR UPDATE")) {
                hold.setObject(1, live);
                hold.executeQuery().close();
            }
            assertTrue(recovery.recover() >= 2);
            liveImport.rollback();
        }

        assertEquals("FAILED", status(running));
        assertEquals(ImportRecovery.RUNNING_REASON, text("SELECT error FROM import_job WHERE id = ?", running));
        assertEquals("FAILED", status(queued));
        assertEquals(ImportRecovery.QUEUED_REASON, text("SELECT error FROM import_job WHERE id = ?", queued));
        assertEquals("false", text("SELECT committed::text FROM import_job WHERE id = ?", running));
        assertEquals(
                "0",
                text(
                        "SELECT count(*)::text FROM import_job WHERE id IN (?, ?) AND (body_file IS NOT NULL"
                                + " OR finished_at IS NULL)",
                        running,
                        queued));
        assertFalse(Files.exists(runningBody), "the dead running import's body is removed");
        assertFalse(Files.exists(queuedBody), "the dead queued import's body is removed");
        assertFalse(Files.exists(orphan), "a body no job refers to is removed");
        assertEquals("RUNNING", status(live), "an import running in a live process is left alone");
        assertTrue(Files.exists(liveBody), "and so is its body");

        given().get("/api/imports/" + running)
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("committed", equalTo(false))
                .body("error", containsString("the service restarted during the import; nothing of it was committed"));

        assertEquals(1, recovery.recover(), "the live one is failed once its process is gone (lock released)");
        Files.deleteIfExists(liveBody);
    }

    private UUID insert(String status, Path body) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO import_job (id, kind, status, dry_run, mode, started_at, body_file)"
                                + " VALUES (?, 'CSV', ?, false, 'all-or-nothing', now() - interval '1 hour', ?)")) {
            s.setObject(1, id);
            s.setString(2, status);
            s.setString(3, body.toString());
            s.executeUpdate();
        }
        return id;
    }

    private String status(UUID id) {
        return text("SELECT status FROM import_job WHERE id = ?", id);
    }

    private String text(String sql, Object... params) {
        return TableCounts.text(dataSource, sql, params);
    }
}
