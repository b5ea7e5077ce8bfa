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
     * Waits until the relay has published every outbox row written so far, then returns. A test that reads its events
     * from Kafka waits here first: the suite's earlier classes leave a backlog of thousands of events (a 5,003-row
     * import, two republishes of every figure) that a loaded machine relays in tens of seconds, and a fixed wait on
     * the topic alone could not tell that from a relay that stopped. This wait can: when it runs out, its message
     * names how many rows are still unsent and the last error the relay recorded.
     */
    public void awaitOutboxDrained() {
        long upTo = count("SELECT coalesce(max(seq), 0) FROM outbox_event");
        String unsent = "FROM outbox_event WHERE seq <= ? AND sent_at IS NULL AND parked_at IS NULL";
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> count("SELECT count(*) " + unsent, upTo) == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "the relay did not publish the outbox in 180 s: " + count("SELECT count(*) " + unsent, upTo)
                            + " rows unsent; first of them: "
                            + text(
                                    "SELECT concat_ws(' ', seq, ce_type, 'attempts=' || attempts, 'claimed_until='"
                                            + " || coalesce(claimed_until::text, '-'), 'error=' ||"
                                            + " coalesce(last_error, '-')) "
                                            + unsent + " ORDER BY seq LIMIT 1",
                                    upTo),
                    e);
        }
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
