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

    /** First retry delay after Kafka refused or timed out; doubles on each failure. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Upper bound of the retry delay while Kafka stays down. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long one publish may wait for the broker before the batch counts as failed. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** The CloudEvents {@code ce_source} of this service's events. */
    @WithDefault("/partracker")
    String source();
}
