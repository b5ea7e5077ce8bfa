package vn.partracker.support.housekeeping;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.consumer.ProcessedEvents;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.outbox.OutboxRepository;

/**
 * Keeps the infrastructure tables from growing forever: every {@code partracker.housekeeping.every} (10 minutes)
 * it deletes sent outbox rows, processed-event ids and stored Idempotency-Key answers older than their retention,
 * in batches of at most 1,000 rows, each its own short transaction, so no lock is held for long and concurrent
 * writers are not blocked ({@code FOR UPDATE SKIP LOCKED}). Unsent and parked outbox rows are never deleted. A run
 * that deleted anything appends one audit row ({@code housekeeping.purged}) with the counts.
 *
 * <p><b>Why the processed-event retention must exceed how far back a redelivery can come.</b> A consumer is
 * idempotent because it finds an event's id in {@code processed_event} and changes nothing the second time. Once
 * the id is purged, a redelivery of that event is applied again — a figure counted twice. Redeliveries come from
 * a relay that died between publishing and marking (seconds), a consumer group rebalance or restart before the
 * offset commit (minutes), a dead-letter replay (as long as dead letters are kept) and a consumer group reset to
 * an old offset or a republish of state (as far back as the topic keeps data). The retention (30 days by default)
 * must be longer than all of these; for compacted full-state topics, whose old records never expire, the
 * consumers' version guards (an older or equal version changes nothing) are what keeps a very late redelivery
 * harmless, and the processed-event record is the first line only. Shortening it below the topics' retention or
 * the dead-letter replay window reopens double counting.
 *
 * <p>Quarkus scheduler is not a dependency of the services, so a single-thread executor started at startup runs
 * the job.
 */
@ApplicationScoped
public class Housekeeping {

    private final HousekeepingConfig config;
    private final OutboxRepository outbox;
    private final ProcessedEvents processedEvents;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditTrail audit;

    private ScheduledExecutorService executor;

    public Housekeeping(
            HousekeepingConfig config,
            OutboxRepository outbox,
            ProcessedEvents processedEvents,
            IdempotencyKeys idempotencyKeys,
            AuditTrail audit) {
        this.config = config;
        this.outbox = outbox;
        this.processedEvents = processedEvents;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("housekeeping disabled on this instance");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                this::runSafely,
                config.initialDelay().toMillis(),
                config.every().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void runSafely() {
        try {
            purgeOnce();
        } catch (RuntimeException e) {
            Log.warnf(e, "housekeeping run failed; trying again in %s", config.every());
        }
    }

    /**
     * One purge of all three tables up to their retention; also what the scheduled job runs. Public for tests and
     * operators' tooling.
     *
     * @return rows deleted per table
     */
    public Result purgeOnce() {
        Instant now = Instant.now();
        int limit = Math.max(1, Math.min(config.batchSize(), 1000));
        int sent = drain(cutoff -> outbox.purgeSent(cutoff, limit), now.minus(config.outboxRetention()), limit);
        int processed = drain(
                cutoff -> processedEvents.purgeOlderThan(cutoff, limit),
                now.minus(config.processedEventRetention()),
                limit);
        int keys = drain(
                cutoff -> idempotencyKeys.purgeOlderThan(cutoff, limit),
                now.minus(config.idempotencyRetention()),
                limit);
        Result result = new Result(sent, processed, keys);
        if (result.total() > 0) {
            QuarkusTransaction.requiringNew()
                    .run(() -> audit.record(
                            "housekeeping.purged",
                            "Housekeeping",
                            now.toString(),
                            null,
                            Map.of(
                                    "outboxEvents",
                                    sent,
                                    "processedEvents",
                                    processed,
                                    "idempotencyKeys",
                                    keys,
                                    "outboxRetention",
                                    config.outboxRetention().toString(),
                                    "processedEventRetention",
                                    config.processedEventRetention().toString(),
                                    "idempotencyRetention",
                                    config.idempotencyRetention().toString())));
            Log.infof(
                    "housekeeping: purged %d sent outbox rows, %d processed events, %d idempotency keys",
                    sent, processed, keys);
        }
        return result;
    }

    /** Deletes batch after batch (each its own transaction) until one comes back short. */
    private static int drain(ToIntFunction<Instant> purge, Instant cutoff, int limit) {
        int total = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> purge.applyAsInt(cutoff));
            total += deleted;
            if (deleted < limit) {
                break;
            }
        }
        return total;
    }

    /**
     * Rows one purge deleted.
     *
     * @param outboxEvents sent outbox rows
     * @param processedEvents processed-event ids
     * @param idempotencyKeys stored Idempotency-Key answers
     */
    public record Result(int outboxEvents, int processedEvents, int idempotencyKeys) {

        /** All rows deleted. */
        public int total() {
            return outboxEvents + processedEvents + idempotencyKeys;
        }
    }
}
