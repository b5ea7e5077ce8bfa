package vn.partracker.support.housekeeping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of {@link Housekeeping} ({@code partracker.housekeeping.*}). */
@ConfigMapping(prefix = "partracker.housekeeping")
public interface HousekeepingConfig {

    /** Whether this instance purges; several instances may (they skip each other's locked rows). */
    @WithDefault("true")
    boolean enabled();

    /** Time between two purges. */
    @WithDefault("10m")
    Duration every();

    /** Wait after startup before the first purge. */
    @WithDefault("1m")
    Duration initialDelay();

    /** How long sent outbox rows are kept (for "was it published?" questions); unsent and parked rows stay. */
    @WithDefault("7d")
    Duration outboxRetention();

    /**
     * How long a consumer remembers an applied event id. Must exceed how far back a redelivery can come: see
     * {@link Housekeeping}.
     */
    @WithDefault("30d")
    Duration processedEventRetention();

    /** How long the answer to an Idempotency-Key is kept; a client retrying later than this creates anew. */
    @WithDefault("7d")
    Duration idempotencyRetention();

    /** Rows deleted per statement (at most 1,000: short transactions, no long lock). */
    @WithDefault("1000")
    int batchSize();
}
