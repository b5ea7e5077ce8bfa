package vn.partracker.indicators.support;

import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import vn.partracker.events.EventTypes;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * Waits for this service's replicas (agency, agency group and plan rows at a source version) after events were
 * published with {@link TestEvents}, and probes the database with {@link TableCounts}.
 */
public final class Replicas {

    private final AgroalDataSource dataSource;

    public Replicas(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Publishes an issued plan of that number and year and waits for its replica. */
    public UUID plan(String number, int year) {
        UUID id = UUID.randomUUID();
        TestEvents.publish(UUID.randomUUID(), EventTypes.PLAN_ISSUED, TestEvents.plan(id, 1, number, year, "ISSUED"));
        awaitVersion("plan_replica", id, 1);
        return id;
    }

    /** Waits until a replica table holds the given version of a row. */
    public void awaitVersion(String table, UUID id, long version) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> String.valueOf(version)
                        .equals(text("SELECT source_version::text FROM " + table + " WHERE id = ?", id)));
    }

    /** The first column of the first row, as text. */
    public String text(String sql, Object... params) {
        return TableCounts.text(dataSource, sql, params);
    }

    /**
     * The outbox rows of a key as one line each (sequence, type, sent, attempts, claim, park and last error), for the
     * message of an assertion about events that did not reach Kafka: it tells an unsent row from a parked one.
     */
    public String outboxRowsOf(String key) {
        return text(
                "SELECT string_agg(concat_ws(' ', seq, ce_type, 'sent=' || coalesce(sent_at::text, '-'),"
                        + " 'attempts=' || attempts, 'claimed_until=' || coalesce(claimed_until::text, '-'),"
                        + " 'parked=' || coalesce(parked_at::text, '-'), 'error=' || coalesce(last_error, '-')),"
                        + " E'\\n' ORDER BY seq) FROM outbox_event WHERE msg_key = ?",
                key);
    }

    /** A row count. */
    public long count(String sql, Object... params) {
        return TableCounts.count(dataSource, sql, params);
    }
}
