package vn.partracker.plans.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partracker.support.audit.AuditSealer;
import vn.partracker.support.housekeeping.Housekeeping;
import vn.partracker.testsupport.InfrastructureResource;

/**
 * Housekeeping (issue 11, item 8): sent outbox rows, processed events and idempotency keys older than their
 * retention (7, 30 and 7 days by default) are purged in batches; recent rows, unsent and parked outbox rows stay.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class HousekeepingIT {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Housekeeping housekeeping;

    @Inject
    AuditSealer sealer;

    @Test
    void oldRowsArePurgedInBatchesAndRecentUnsentAndParkedRowsStay() throws InterruptedException {
        String tag = "hk-" + UUID.randomUUID();
        // 2,500 sent outbox rows from 8 days ago: three batches of at most 1,000
        exec("INSERT INTO outbox_event (id, topic, msg_key, ce_type, ce_source, ce_time, payload, created_at, sent_at)"
                + " SELECT gen_random_uuid(), 'partracker.test.housekeeping', '" + tag + "-old', 'test.old', '/t',"
                + " now(), '{}', now() - interval '8 days', now() - interval '8 days' FROM generate_series(1, 2500)");
        exec("INSERT INTO outbox_event (id, topic, msg_key, ce_type, ce_source, ce_time, payload, created_at, sent_at)"
                + " VALUES (gen_random_uuid(), 'partracker.test.housekeeping', '" + tag + "-recent', 'test.recent',"
                + " '/t', now(), '{}', now() - interval '6 days', now() - interval '6 days')");
        // an old row that was never sent, and an old parked one: evidence, never purged
        exec("INSERT INTO outbox_event (id, topic, msg_key, ce_type, ce_source, ce_time, payload, created_at,"
                + " next_attempt_at) VALUES (gen_random_uuid(), 'partracker.test.housekeeping', '" + tag
                + "-unsent', 'test.unsent', '/t', now(), '{}', now() - interval '20 days', now() + interval '1 day')");
        exec("INSERT INTO outbox_event (id, topic, msg_key, ce_type, ce_source, ce_time, payload, created_at,"
                + " parked_at, attempts, last_error) VALUES (gen_random_uuid(), 'partracker.test.housekeeping', '"
                + tag + "-parked', 'test.parked', '/t', now(), '{}', now() - interval '20 days',"
                + " now() - interval '19 days', 10, 'InvalidTopicException')");
        exec("INSERT INTO processed_event (consumer, event_id, event_type, processed_at) SELECT '" + tag
                + "-old', gen_random_uuid(), 'test', now() - interval '31 days' FROM generate_series(1, 1200)");
        exec("INSERT INTO processed_event (consumer, event_id, event_type, processed_at) VALUES ('" + tag
                + "-recent', gen_random_uuid(), 'test', now() - interval '29 days')");
        exec("INSERT INTO idempotency_key (scope, idem_key, request_hash, status, created_at) SELECT '" + tag
                + "-old', g::text, 'h', 201, now() - interval '8 days' FROM generate_series(1, 10) g");
        exec("INSERT INTO idempotency_key (scope, idem_key, request_hash, status, created_at) VALUES ('" + tag
                + "-recent', 'k', 'h', 201, now() - interval '6 days')");

        Housekeeping.Result result = housekeeping.purgeOnce();

        assertTrue(result.outboxEvents() >= 2500, result.toString());
        assertTrue(result.processedEvents() >= 1200, result.toString());
        assertTrue(result.idempotencyKeys() >= 10, result.toString());
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE msg_key = ?", tag + "-old"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE msg_key = ?", tag + "-recent"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE msg_key = ?", tag + "-unsent"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE msg_key = ?", tag + "-parked"));
        assertEquals(0, count("SELECT count(*) FROM processed_event WHERE consumer = ?", tag + "-old"));
        assertEquals(1, count("SELECT count(*) FROM processed_event WHERE consumer = ?", tag + "-recent"));
        assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE scope = ?", tag + "-old"));
        assertEquals(1, count("SELECT count(*) FROM idempotency_key WHERE scope = ?", tag + "-recent"));

        // the purge ran outside a request, so nothing waited for its audit row to be chained (an HTTP write's answer
        // does, AuditSealFilter): wait for a sealing round as that filter does before reading the chain
        assertTrue(sealer.awaitSealed(30_000), "the purge's audit row is chained");
        given().get("/api/audit?entityType=Housekeeping")
                .then()
                .statusCode(200)
                .body("items[0].action", equalTo("housekeeping.purged"))
                .body("items[0].actorSubject", equalTo("system"));

        Housekeeping.Result again = housekeeping.purgeOnce();
        assertEquals(0, again.total(), "nothing left to purge");
        exec("DELETE FROM outbox_event WHERE msg_key LIKE '" + tag + "%'");
    }

    private void exec(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
