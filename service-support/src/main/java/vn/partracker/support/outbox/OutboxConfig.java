package vn.partracker.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay ({@code partracker.outbox.*}). */
@ConfigMapping(prefix = "partracker.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay; every instance may, only one relays at a time. */
    @WithDefault("true")
    boolean enabled();

    /** Wait before the first relay run, so the application finishes starting first. */
    @WithDefault("1s")
    Duration initialDelay();

    /** Longest wait between two looks at the table when no commit signalled new rows. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Rows published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * After a run that published events, how long the relay lets further commits gather before its next run: under
     * load one run then carries the events of many requests (one claim, one send, one mark per run instead of per few
     * events). A relay that was idle still sends a lone event at once.
     */
    @WithDefault("5ms")
    Duration linger();

    /** First retry delay after Kafka refused or timed out; doubles on each failure. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Upper bound of the retry delay while Kafka stays down. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long one publish may wait for the broker before the batch counts as failed. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * Tries a row gets while the broker answers but refuses it (e.g. an unknown topic); the row is then parked
     * ({@code GET /api/admin/outbox/parked}) and holds back only the later rows of its key. Failures while the
     * broker is unreachable are not counted: an outage parks nothing.
     */
    @WithDefault("10")
    int maxAttempts();

    /** Wait before a refused row's second try; doubles on each further refusal, other keys flow meanwhile. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Upper bound of a refused row's wait between tries (10 tries with the defaults take about 8.5 minutes). */
    @WithDefault("5m")
    Duration retryMaxBackoff();

    /**
     * How long a run's claim on its rows lasts; another instance may take them over when it expires (the
     * claimer died). Must exceed one run: a send timeout per topic of a batch plus a broker
     * probe.
     */
    @WithDefault("60s")
    Duration relayLease();

    /** Producer compression ({@code none}, {@code gzip}, {@code snappy}, {@code lz4}, {@code zstd}). */
    @WithDefault("lz4")
    String compression();

    /** The CloudEvents {@code ce_source} of this service's events. */
    @WithDefault("/partracker")
    String source();
}
