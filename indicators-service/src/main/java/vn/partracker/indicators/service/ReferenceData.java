package vn.partracker.indicators.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.repository.ReferenceDataRepository;

/**
 * Keeps the reference data of figure checks in memory ({@link ReferenceSnapshot}) so that a single submission reads
 * no indicator, agency or group row: the issue-13 profile had those reads (and Hibernate loading them) at about a
 * fifth of the service's CPU per figure.
 *
 * <p>Correctness never rests on the snapshot being fresh. Every committed change of those tables moves
 * {@code reference_generation} (database triggers, so consumers, the API, other instances and hand edits all count),
 * and a figure checked against a snapshot is written only by a statement that finds the generation unchanged (and
 * share-locks the indicator at the version it was checked against); a refusal is confirmed against the generation
 * before it is answered. When either finds the snapshot behind, the request is checked against the tables as before
 * and a reload starts on this class's own thread. A stale snapshot therefore costs one slow request, never a wrong
 * answer.
 *
 * <p>Reloads run one at a time, at most every {@link #MIN_RELOAD_MILLIS}, outside any request: while the directory
 * changes quickly (an agency import streaming events) submissions simply take the table path. The counter
 * {@code partracker_figure_checks_total{against=snapshot|tables}} shows which way submissions went.
 *
 * <p>Bulk imports ({@link BatchImporter}) check a chunk of rows against the snapshot and then {@link #confirm} it
 * with one statement before anything of the chunk is written; a chunk whose snapshot proved stale waits (within a
 * bounded time per import, {@link #awaitCurrent}) for the reload that {@link #confirm} started and is checked again
 * against the new snapshot, or against the tables when none came in time. {@code partracker_import_chunk_checks_total{against=snapshot|tables}} counts the chunks.
 */
@ApplicationScoped
public class ReferenceData {

    /** Shortest time between the starts of two reloads. */
    static final long MIN_RELOAD_MILLIS = 200;

    private final ReferenceDataRepository repository;
    private final Counter againstSnapshot;
    private final Counter againstTables;
    private final Counter chunksAgainstSnapshot;
    private final Counter chunksAgainstTables;
    private final AtomicLong newestSeen = new AtomicLong();
    private final Object wakeUp = new Object();
    private final Object published = new Object();
    private volatile ReferenceSnapshot snapshot;
    private volatile boolean running;
    private Thread loader;

    public ReferenceData(ReferenceDataRepository repository, MeterRegistry registry) {
        this.repository = repository;
        this.againstSnapshot = Counter.builder("partracker.figure.checks")
                .description("Single submissions by what they were checked against: the in-memory snapshot or the"
                        + " tables (no current snapshot, or it proved stale)")
                .tag("against", "snapshot")
                .register(registry);
        this.againstTables = Counter.builder("partracker.figure.checks")
                .description("Single submissions by what they were checked against: the in-memory snapshot or the"
                        + " tables (no current snapshot, or it proved stale)")
                .tag("against", "tables")
                .register(registry);
        this.chunksAgainstSnapshot = Counter.builder("partracker.import.chunk.checks")
                .description("Chunks of bulk-import rows by what they were checked against: the in-memory snapshot,"
                        + " confirmed current before the chunk was written, or the tables")
                .tag("against", "snapshot")
                .register(registry);
        this.chunksAgainstTables = Counter.builder("partracker.import.chunk.checks")
                .description("Chunks of bulk-import rows by what they were checked against: the in-memory snapshot,"
                        + " confirmed current before the chunk was written, or the tables")
                .tag("against", "tables")
                .register(registry);
    }

    /** Counts a submission answered from the snapshot (written, or refused with the snapshot confirmed current). */
    public void answeredFromSnapshot() {
        againstSnapshot.increment();
    }

    /** Counts a submission checked against the tables. */
    public void answeredFromTables() {
        againstTables.increment();
    }

    /** Counts a chunk of import rows checked against the tables (no current snapshot, or it proved stale). */
    public void chunkFromTables() {
        chunksAgainstTables.increment();
    }

    /**
     * Whether decisions taken against {@code s} about a chunk of import rows still hold, proved in the caller's
     * transaction by one statement: the database is at the snapshot's generation, and each indicator the chunk used
     * still has the snapshot's version and is share-locked at it until the transaction ends. When it does not hold,
     * the newer generation is {@link #seen} (a reload starts) and the caller checks the chunk against the tables.
     *
     * @param s the snapshot the chunk was checked against
     * @param used the indicators (of {@code s}) the chunk's rows were checked against
     * @return whether the chunk may be written as checked
     */
    public boolean confirm(ReferenceSnapshot s, Collection<Indicator> used) {
        Map<UUID, Long> versions = new HashMap<>();
        used.forEach(i -> versions.put(i.id, i.version));
        ReferenceDataRepository.Confirmation found = repository.confirm(versions);
        seen(found.generation());
        boolean current = found.generation() == s.generation() && found.indicatorsCurrent();
        if (current) {
            chunksAgainstSnapshot.increment();
        } else {
            Log.debugf(
                    "reference snapshot %d behind for an import chunk (database at %d, indicators current: %s)",
                    Long.valueOf(s.generation()),
                    Long.valueOf(found.generation()),
                    Boolean.valueOf(found.indicatorsCurrent()));
        }
        return current;
    }

    /**
     * Waits for the loader to publish a current snapshot newer than generation {@code after}: used by a bulk import
     * whose chunk found its snapshot behind ({@link #confirm} has then already woken the loader), so that its next
     * check reads the reloaded snapshot instead of the tables, which cost a Hibernate query per agency code of the
     * chunk. Nothing is decided by waiting: a chunk checked against the snapshot returned is confirmed again.
     *
     * @param after the generation the caller already knows to be stale ({@code -1}: any current snapshot will do)
     * @param maxMillis how long to wait at most
     * @return the snapshot, or empty when none came in time (the caller then reads the tables)
     */
    public Optional<ReferenceSnapshot> awaitCurrent(long after, long maxMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        synchronized (published) {
            while (true) {
                Optional<ReferenceSnapshot> s = current();
                if (s.isPresent() && s.get().generation() > after) {
                    return s;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return Optional.empty();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(published, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    void start(@Observes StartupEvent event) {
        running = true;
        loader = new Thread(this::loop, "reference-data");
        loader.setDaemon(true);
        loader.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (loader != null) {
            loader.interrupt();
        }
    }

    /**
     * @return the snapshot to check a figure against, or empty while none is loaded or the newest one is known to be
     *     behind the database (the caller then reads the tables)
     */
    public Optional<ReferenceSnapshot> current() {
        ReferenceSnapshot s = snapshot;
        if (s == null || s.generation() < newestSeen.get()) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /**
     * Records that the database is at {@code generation}; a snapshot older than that is no longer used and a reload
     * starts.
     */
    public void seen(long generation) {
        long before = newestSeen.getAndAccumulate(generation, Math::max);
        ReferenceSnapshot s = snapshot;
        if (generation > before && (s == null || s.generation() < generation)) {
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
        }
    }

    /**
     * Whether {@code s} still describes the committed reference data, asked of the database (one short query, in
     * the caller's transaction): used before answering a refusal that the snapshot decided.
     */
    public boolean stillCurrent(ReferenceSnapshot s) {
        long generation = repository.generation();
        seen(generation);
        return generation == s.generation();
    }

    private void loop() {
        while (running) {
            try {
                ReferenceSnapshot s = snapshot;
                if (s != null && s.generation() >= newestSeen.get()) {
                    synchronized (wakeUp) {
                        s = snapshot;
                        if (s != null && s.generation() >= newestSeen.get()) {
                            wakeUp.wait(TimeUnit.SECONDS.toMillis(30));
                        }
                    }
                    continue;
                }
                long began = System.nanoTime();
                ReferenceSnapshot loaded = new ReferenceSnapshot(repository.load());
                snapshot = loaded;
                newestSeen.getAndAccumulate(loaded.generation(), Math::max);
                synchronized (published) {
                    published.notifyAll();
                }
                Log.debugf(
                        "reference data loaded at generation %d in %d ms: %s",
                        loaded.generation(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), loaded.size());
                Thread.sleep(MIN_RELOAD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.warnf(e, "could not load the reference data; figures are checked against the tables meanwhile");
                try {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(2));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
