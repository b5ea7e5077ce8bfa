package vn.partracker.support.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chains committed audit rows: moves them from {@code audit_pending} to {@code audit_entry} in commit-visibility
 * order, giving each the next {@code seq} and its hash over the previous row's ({@link AuditChain}).
 *
 * <p>Why after the commit and not in the write's transaction: a chain needs one order, so chaining must be
 * serialised; done inside the write it held a lock through every commit's disk flush and serialised all writes of
 * the service. Here one short transaction chains every row committed so far (a batch under load), under the same
 * advisory lock, so concurrent sealers of several instances still append one gapless chain. Only committed rows
 * are visible to it, so a rolled-back write leaves no gap.
 *
 * <p>It runs on its own thread only: woken when a transaction with audit rows commits, and every
 * {@code POLL_MILLIS} as the safety net (rows of a crashed instance, a failed seal). A request that wrote rows waits
 * for the next round to finish before it answers ({@link #awaitSealed}, from {@link AuditSealFilter}): one round
 * chains the rows of every request waiting, so concurrent requests share one chaining transaction instead of
 * queueing for the lock one transaction each (the first version did that; the profile of 16 concurrent submissions
 * showed request threads waiting ~116 ms each on the chain lock).
 */
@ApplicationScoped
public class AuditSealer {

    /** Rows chained per transaction; more are chained by the next one at once. */
    static final int BATCH = 1_000;

    private static final long POLL_MILLIS = 2_000;

    /** The pending gauge is recounted at most this often, as the outbox relay does with its gauges. */
    private static final long GAUGE_EVERY_NANOS = 1_000_000_000L;

    private final AuditRepository repository;
    private final MeterRegistry registry;
    private final Semaphore signal = new Semaphore(0);
    private final AtomicLong pendingSeen = new AtomicLong();
    private final Object rounds = new Object();
    private long requestedRound;
    private long finishedRound;
    private volatile boolean running;
    private Thread worker;

    public AuditSealer(AuditRepository repository, MeterRegistry registry) {
        this.repository = repository;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("partracker.audit.pending", pendingSeen, AtomicLong::get)
                .description("Committed audit rows not chained yet, as the sealer last saw them")
                .register(registry);
        running = true;
        worker = new Thread(this::loop, "audit-sealer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits until a chaining round that began after this call has finished, so every row committed before the call
     * is chained; gives up after {@code maxMillis} (the rows are committed and get chained later).
     *
     * @return whether the round finished in time
     */
    public boolean awaitSealed(long maxMillis) throws InterruptedException {
        long ticket;
        synchronized (rounds) {
            ticket = ++requestedRound;
        }
        wake();
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        synchronized (rounds) {
            while (finishedRound < ticket) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                rounds.wait(left);
            }
        }
        return true;
    }

    /** Called after a commit that wrote audit rows. */
    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /**
     * Chains every audit row committed before this call, in batches of {@link #BATCH}, each in its own transaction.
     *
     * @return how many rows it chained (rows chained meanwhile by another sealer are not counted)
     */
    public int sealPending() {
        int total = 0;
        while (true) {
            int sealed = QuarkusTransaction.requiringNew().call(this::sealBatch);
            total += sealed;
            if (sealed < BATCH) {
                return total;
            }
        }
    }

    /**
     * One chaining transaction: the chain lock, then one statement that reads the pending rows with the chain's tail
     * and one that moves them into the chain (three round trips and the commit, however many rows).
     */
    private int sealBatch() {
        repository.lockChain(AuditTrail.CHAIN_LOCK);
        AuditRepository.Batch batch = repository.pending(BATCH);
        List<AuditEntry> pending = batch.rows();
        if (pending.isEmpty()) {
            return 0;
        }
        long seq = batch.tail().seq();
        String prevHash = batch.tail().hash();
        int n = pending.size();
        long[] pendingIds = new long[n];
        long[] seqs = new long[n];
        String[] prevHashes = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            AuditEntry p = pending.get(i);
            AuditEntry unsigned = new AuditEntry(
                    ++seq,
                    p.occurredAt(),
                    p.actorSubject(),
                    p.actorAgency(),
                    p.actorRoles(),
                    p.action(),
                    p.entityType(),
                    p.entityId(),
                    p.before(),
                    p.after(),
                    p.requestId(),
                    prevHash,
                    null);
            pendingIds[i] = p.seq();
            seqs[i] = seq;
            prevHashes[i] = prevHash;
            prevHash = AuditChain.hash(unsigned);
            hashes[i] = prevHash;
        }
        repository.seal(pendingIds, seqs, prevHashes, hashes);
        return n;
    }

    private void loop() {
        long backoff = 100;
        long countedAt = System.nanoTime() - GAUGE_EVERY_NANOS;
        while (running) {
            try {
                signal.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                signal.drainPermits();
                long round;
                synchronized (rounds) {
                    round = requestedRound;
                }
                sealPending();
                synchronized (rounds) {
                    finishedRound = Math.max(finishedRound, round);
                    rounds.notifyAll();
                }
                if (System.nanoTime() - countedAt >= GAUGE_EVERY_NANOS) {
                    pendingSeen.set(repository.pendingCount());
                    countedAt = System.nanoTime();
                }
                backoff = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.warnf(e, "audit sealer: could not chain pending rows; retrying in %d ms", backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }
}
