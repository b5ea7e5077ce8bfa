package vn.partracker.indicators.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.AchievementState;
import vn.partracker.events.period.Period;
import vn.partracker.indicators.api.ImportSummary;
import vn.partracker.indicators.api.MeasurementRow;
import vn.partracker.indicators.api.RejectedRow;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.domain.Measurement;
import vn.partracker.indicators.domain.PeriodLock;
import vn.partracker.indicators.domain.PlanReplica;
import vn.partracker.indicators.domain.lifecycle.MeasurementStatus;
import vn.partracker.indicators.messaging.MeasurementEvents;
import vn.partracker.indicators.repository.MeasurementBatchRepository;
import vn.partracker.indicators.repository.PlanReplicaRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.jdbc.CopyText;
import vn.partracker.support.number.NumberPolicy;
import vn.partracker.support.outbox.OutboxBulkWriter;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;
import vn.partracker.support.security.Caller;

/**
 * Imports many figures in one transaction. Rows are read one at a time, checked with the same {@link FigureRules}
 * as a single submission, and written in chunks of {@value #CHUNK}: per chunk every row goes to PostgreSQL as a new
 * figure (one {@code COPY} into a staging table that lives only as long as the transaction, and one statement that
 * inserts the figures whose key is new with their first revisions, see {@link MeasurementBatchRepository}); only the
 * rows whose figure exists already are then read and locked, with one query, and the revised figures, their
 * revisions and the chunk's outbox events each go as one {@code COPY} or statement, so a 100,000-row import needs
 * about a hundred statements and its memory stays one chunk deep.
 *
 * <p>While a writer thread writes one chunk, the import's own thread reads and checks the next: the transaction is
 * lent to the writer for the chunk ({@code suspend} here, {@code resume} there, and back), so it and its connection
 * are in one thread's hands at a time, and the database works while Java reads, checks and serialises, instead of
 * each waiting for the other (a 100,000-row import spent about as long in Java as in PostgreSQL). A chunk whose
 * check needs the database (no current snapshot, a plan named by a number not yet looked up) is checked after the
 * writer is done, as before.
 *
 * <p>A single submission of the same figure that commits while the import runs is not a failure: the import's row
 * then finds that figure and is treated like any row for an existing figure (a new revision, unchanged, or rejected
 * when approved); a submission that comes after the import's row waits for the import and gets 409.
 *
 * <p>A row for a figure that exists already makes a new revision when its numbers differ, counts as unchanged when
 * they are equal (re-sending a file is harmless), and is rejected when the figure is approved. With
 * {@code all-or-nothing} a single rejected row rolls everything back; with {@code valid-rows} the valid rows are
 * written and the others listed. A dry run checks everything and rolls back.
 *
 * <p>Rows are checked chunk by chunk against the in-memory reference data ({@link ReferenceData}) when a current
 * snapshot is loaded: indicators (also by plan, group and ordinal), agencies, groups and the agency hierarchy are then
 * looked up in memory, and before the chunk is written one statement confirms that the database is still at the
 * snapshot's generation and share-locks the chunk's indicators at the versions they were checked against
 * ({@link ReferenceData#confirm}). A chunk whose snapshot proved stale, or that came while none was current, waits
 * for the reload the stale confirmation started (at most {@value #SNAPSHOT_WAIT_MILLIS} ms per import in all) and is
 * checked again against the new snapshot and confirmed again; when none comes in time it is checked against the
 * tables (indicators read {@code FOR SHARE}). Each check has a context of its own, so nothing read before the
 * change is reused. Either way the chunk gets the same verdicts; a 500-row import reads no reference row
 * through Hibernate.
 *
 * <p>Each row is also checked against the caller's agency scope ({@link FigureScope}): a row for an agency the
 * caller may not act for is a rejected row like any other, with the reason. A committed import leaves one audit row
 * ({@code MeasurementImport}, the import's id) with its counts and the ids of the figures it wrote, and its
 * {@code import_job} record in the same transaction: the figures, their revisions and events, the record and the
 * audit row commit together or not at all, so a record a dead process left {@code RUNNING} committed nothing.
 */
@ApplicationScoped
public class BatchImporter {

    /** Most rows one import may carry. */
    public static final int MAX_ROWS = 100_000;

    /** Longest note of a row, as of a single submission. */
    static final int MAX_NOTE = 4000;

    /** Longest source of a row, as of a single submission. */
    static final int MAX_SOURCE = 500;

    static final int CHUNK = 5000;

    /**
     * Most characters of text (notes and sources) a chunk carries: a chunk is written sooner when its rows' texts
     * reach this. Two chunks are in memory at once (one being written, one being checked), each text in the rows, the
     * staging rows and the events' JSON; 5,000 rows with 4,000-character Vietnamese notes would be ~160 MB of
     * characters in a service whose heap is 256 MB, while a chunk of rows without notes is a few MB.
     */
    static final int CHUNK_TEXT_CHARS = 2_000_000;

    /**
     * How long one import may wait in all for reloads of the reference snapshot, after chunks found theirs behind,
     * before its chunks are checked against the tables instead.
     */
    static final long SNAPSHOT_WAIT_MILLIS = 2000;

    private final FigureRules rules;
    private final MeasurementBatchRepository batch;
    private final MeasurementEvents events;
    private final PlanReplicaRepository plans;
    private final ImportJobs jobs;
    private final TransactionManager transactions;
    private final FigureScope scope;
    private final Caller caller;
    private final AuditTrail audit;
    private final ReferenceData reference;

    /** Writer threads: each import lends its transaction to one of them chunk by chunk ({@link Run#lend}). */
    private final ExecutorService writers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "figure-import-writer");
        thread.setDaemon(true);
        return thread;
    });

    public BatchImporter(
            FigureRules rules,
            MeasurementBatchRepository batch,
            MeasurementEvents events,
            PlanReplicaRepository plans,
            ImportJobs jobs,
            TransactionManager transactions,
            FigureScope scope,
            Caller caller,
            AuditTrail audit,
            ReferenceData reference) {
        this.reference = reference;
        this.rules = rules;
        this.batch = batch;
        this.events = events;
        this.plans = plans;
        this.jobs = jobs;
        this.transactions = transactions;
        this.scope = scope;
        this.caller = caller;
        this.audit = audit;
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }

    /**
     * Runs one import in one transaction, as the caller of the request (a background import runs with the
     * request's identity, see {@link ImportService}).
     *
     * @param started the import's record as started
     * @param source the rows
     * @param allOrNothing whether one rejected row cancels the import
     * @param dryRun whether to roll back in any case
     * @return the outcome, with status DONE or REJECTED
     * @throws ValidationException when the body is unreadable or has more than {@value #MAX_ROWS} rows
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public ImportSummary importRows(ImportSummary started, RowSource source, boolean allOrNothing, boolean dryRun) {
        long began = System.nanoTime();
        jobs.hold(started.id());
        Run run = new Run(started, allOrNothing, dryRun);
        try {
            RowSource.Row row;
            while ((row = source.next()) != null) {
                if (++run.rows > MAX_ROWS) {
                    throw new ValidationException("$", "an import carries at most " + MAX_ROWS + " rows");
                }
                run.accept(row);
                if (run.buffered.size() >= CHUNK || run.bufferedText >= CHUNK_TEXT_CHARS) {
                    run.flush();
                    jobs.progress(run.summary("RUNNING", false));
                }
            }
            run.flush();
            run.awaitWriter();
        } catch (RuntimeException | Error e) {
            run.settle(e);
            throw e;
        }
        boolean commit = run.writes(0);
        if (!commit) {
            try {
                transactions.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException("could not roll back import " + started.id(), e);
            }
        }
        ImportSummary outcome = run.summary(run.rejectedRows > 0 && allOrNothing ? "REJECTED" : "DONE", commit);
        if (commit) {
            jobs.recordCommitted(outcome);
            audit.record("measurement.imported", "MeasurementImport", started.id(), null, run.auditSummary(outcome));
        }
        if (Log.isDebugEnabled()) {
            long total = System.nanoTime() - began;
            Log.debugf(
                    "import %s: %d rows in %d ms before the commit: reading %d ms, checking %d ms, waiting for the"
                            + " writer %d ms",
                    started.id(),
                    Integer.valueOf(run.rows),
                    Long.valueOf(TimeUnit.NANOSECONDS.toMillis(total)),
                    Long.valueOf(TimeUnit.NANOSECONDS.toMillis(total - run.judgeNanos - run.writeWaitNanos)),
                    Long.valueOf(TimeUnit.NANOSECONDS.toMillis(run.judgeNanos)),
                    Long.valueOf(TimeUnit.NANOSECONDS.toMillis(run.writeWaitNanos)));
        }
        return outcome;
    }

    /** A row that passed every rule and awaits its chunk's write. */
    private record Pending(int number, FigureRules.Checked checked, Figures figures) {}

    /** A row refused by the rules, with every reason. */
    private record Refusal(int number, List<FieldError> errors) {}

    /**
     * What the rules decided about one chunk of rows, kept apart from the run until it is known to hold (a chunk
     * checked against a snapshot that proved stale is thrown away and checked again).
     */
    private static final class Verdict {
        private final List<Pending> pending = new ArrayList<>();
        private final List<Refusal> refusals = new ArrayList<>();
        /** The keys this verdict added to the run's {@code seen}, taken out again when the verdict is dropped. */
        private final List<MeasurementBatchRepository.Key> keys = new ArrayList<>();

        private final Map<UUID, Indicator> indicators = new HashMap<>();

        void reject(int number, List<FieldError> errors) {
            refusals.add(new Refusal(number, errors));
        }
    }

    /** The state of one import run, kept by the import's own thread. */
    private final class Run {
        private final ImportSummary started;
        private final boolean allOrNothing;
        private final boolean dryRun;
        private final Set<MeasurementBatchRepository.Key> seen = new HashSet<>();
        private final Map<String, Optional<PlanReplica>> plansByNumber = new HashMap<>();
        private final Map<String, LocalDate> periodEnds = new HashMap<>();
        private final List<RowSource.Row> buffered = new ArrayList<>();

        /** Characters of notes and sources in the buffered rows ({@link #CHUNK_TEXT_CHARS}). */
        private long bufferedText;

        private final List<Pending> chunk = new ArrayList<>();
        private final List<RejectedRow> rejected = new ArrayList<>();
        private final List<UUID> submittedIds = new ArrayList<>();
        private final List<UUID> revisedIds = new ArrayList<>();
        private final String actor = caller.subject();
        private int rows;
        private int imported;
        private int updated;
        private int unchanged;
        private int rejectedRows;
        private long judgeNanos;
        private long writeWaitNanos;
        private long snapshotWaitLeft = TimeUnit.MILLISECONDS.toNanos(SNAPSHOT_WAIT_MILLIS);

        /** The chunk the writer thread is writing, {@code null} when none. */
        private CompletableFuture<Written> inFlight;

        /** The import's transaction while the writer thread has it. */
        private Transaction lent;

        /** The buffered chunk built as new figures while it was judged ahead, when that verdict held. */
        private Prepared prepared;

        Run(ImportSummary started, boolean allOrNothing, boolean dryRun) {
            this.started = started;
            this.allOrNothing = allOrNothing;
            this.dryRun = dryRun;
        }

        /**
         * @param refusalsAhead rows refused by a verdict not yet taken into the run
         * @return whether the import writes (and commits) what it checked: not in a dry run, nor once an all-or-nothing
         *     import has a refused row
         */
        boolean writes(int refusalsAhead) {
            return !dryRun && !(allOrNothing && rejectedRows + refusalsAhead > 0);
        }

        void accept(RowSource.Row row) {
            buffered.add(row);
            MeasurementRow data = row.data();
            if (data != null) {
                bufferedText += (data.note() == null ? 0 : data.note().length())
                        + (data.source() == null ? 0 : data.source().length());
            }
        }

        /**
         * Checks the buffered rows — against the current snapshot while the writer thread still writes the previous
         * chunk, when they need nothing from the database — then takes the transaction back, confirms the snapshot
         * (or checks again, see {@link #judge(Ahead)}) and hands the chunk to the writer thread.
         */
        void flush() {
            long began = System.nanoTime();
            Ahead ahead = judgeAhead();
            long waited = System.nanoTime();
            awaitWriter();
            long resumed = System.nanoTime();
            judge(ahead);
            judgeNanos += waited - began + System.nanoTime() - resumed;
            writeWaitNanos += resumed - waited;
            if (!chunk.isEmpty()) {
                List<Pending> pending = List.copyOf(chunk);
                chunk.clear();
                boolean writes = writes(0);
                lend(new ChunkWrite(pending, writes, actor, writes ? prepared : null));
            }
            prepared = null;
        }

        /**
         * Lends the transaction to the writer thread for one chunk: this thread gives it up ({@code suspend}), the
         * writer takes it ({@code resume}) and gives it up again when the chunk is written, and {@link #awaitWriter}
         * takes it back, so the transaction and its connection are in one thread's hands at a time.
         */
        private void lend(ChunkWrite write) {
            try {
                lent = transactions.suspend();
            } catch (SystemException e) {
                throw new IllegalStateException("could not hand import " + started.id() + " to its writer", e);
            }
            Transaction tx = lent;
            try {
                inFlight = CompletableFuture.supplyAsync(() -> write.runIn(tx), writers);
            } catch (RejectedExecutionException e) {
                takeBack();
                throw new IllegalStateException("the service is shutting down; import " + started.id() + " stopped", e);
            }
        }

        /** Waits for the chunk in flight, takes the transaction back and counts what the chunk wrote. */
        void awaitWriter() {
            if (inFlight == null) {
                return;
            }
            CompletableFuture<Written> pending = inFlight;
            inFlight = null;
            Written written;
            try {
                written = pending.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            } finally {
                takeBack();
            }
            imported += written.imported();
            updated += written.updated();
            unchanged += written.unchanged();
            submittedIds.addAll(written.submitted());
            revisedIds.addAll(written.revised());
            written.refusals().forEach(r -> reject(r.number(), r.errors()));
        }

        /** After a failure of this thread: lets a chunk in flight finish and takes the transaction back. */
        void settle(Throwable failure) {
            try {
                awaitWriter();
            } catch (RuntimeException | Error e) {
                failure.addSuppressed(e);
            }
        }

        private void takeBack() {
            try {
                transactions.resume(lent);
            } catch (Exception e) {
                throw new IllegalStateException("could not take import " + started.id() + " back from its writer", e);
            } finally {
                lent = null;
            }
        }

        /**
         * Checks the buffered rows against the current snapshot without the database, or answers {@code null} when
         * there is no current snapshot or a row names a plan by a number not yet looked up.
         */
        private Ahead judgeAhead() {
            if (buffered.isEmpty()) {
                return null;
            }
            Optional<ReferenceSnapshot> snapshot = reference.current();
            if (snapshot.isEmpty() || !buffered.stream().allMatch(this::plansKnown)) {
                return null;
            }
            Verdict verdict = judge(buffered, rules.context(snapshot.get()));
            boolean writes = writes(verdict.refusals.size());
            return new Ahead(snapshot.get(), verdict, writes ? prepare(verdict.pending, actor) : null);
        }

        private boolean plansKnown(RowSource.Row row) {
            MeasurementRow data = row.data();
            return !row.errors().isEmpty()
                    || data == null
                    || data.indicatorId() != null
                    || data.planId() != null
                    || data.plan() == null
                    || plansByNumber.containsKey(data.plan().strip());
        }

        /**
         * Takes the verdict on the buffered rows into the run: the one judged ahead once its snapshot is confirmed,
         * or one checked now against the snapshot and confirmed, or against the tables.
         */
        private void judge(Ahead ahead) {
            if (buffered.isEmpty()) {
                return;
            }
            List<RowSource.Row> rows = List.copyOf(buffered);
            buffered.clear();
            bufferedText = 0;
            Optional<ReferenceSnapshot> snapshot;
            int attempt = 0;
            if (ahead != null) {
                if (reference.confirm(
                        ahead.snapshot(), ahead.verdict().indicators.values())) {
                    take(ahead.verdict());
                    prepared = ahead.prepared();
                    return;
                }
                drop(ahead.verdict());
                snapshot = awaitSnapshot(ahead.snapshot().generation());
                attempt = 1;
            } else {
                snapshot = reference.current();
                if (snapshot.isEmpty()) {
                    snapshot = awaitSnapshot(-1);
                }
            }
            for (; attempt < 2 && snapshot.isPresent(); attempt++) {
                Verdict verdict = judge(rows, rules.context(snapshot.get()));
                if (reference.confirm(snapshot.get(), verdict.indicators.values())) {
                    take(verdict);
                    return;
                }
                drop(verdict);
                // wait for a reload after the first stale snapshot only: a second one means the reference data keeps
                // changing, and waiting again would only spend the import's budget before the tables decide anyway
                snapshot = attempt == 0 ? awaitSnapshot(snapshot.get().generation()) : Optional.empty();
            }
            reference.chunkFromTables();
            take(judge(rows, rules.context()));
        }

        /**
         * Waits for a current snapshot newer than {@code after}, within what is left of the import's
         * {@value #SNAPSHOT_WAIT_MILLIS} ms.
         */
        private Optional<ReferenceSnapshot> awaitSnapshot(long after) {
            if (snapshotWaitLeft <= 0) {
                return Optional.empty();
            }
            long began = System.nanoTime();
            Optional<ReferenceSnapshot> s =
                    reference.awaitCurrent(after, TimeUnit.NANOSECONDS.toMillis(snapshotWaitLeft));
            snapshotWaitLeft -= System.nanoTime() - began;
            return s;
        }

        private Verdict judge(List<RowSource.Row> rows, FigureRules.Context ctx) {
            Verdict verdict = new Verdict();
            for (RowSource.Row row : rows) {
                judge(row, ctx, verdict);
            }
            return verdict;
        }

        private void judge(RowSource.Row row, FigureRules.Context ctx, Verdict verdict) {
            if (!row.errors().isEmpty()) {
                verdict.reject(row.number(), row.errors());
                return;
            }
            MeasurementRow data = row.data();
            List<FieldError> errors = numberErrors(data);
            errors.addAll(textErrors(data));
            if (!errors.isEmpty()) {
                verdict.reject(row.number(), errors);
                return;
            }
            UUID indicatorId = resolveIndicator(ctx, data, errors);
            UUID agencyId = resolveAgency(ctx, data, errors);
            if (!errors.isEmpty()) {
                verdict.reject(row.number(), errors);
                return;
            }
            Figures figures = new Figures(
                    data.numerator(), data.denominator(), data.value(), data.components(), data.note(), data.source());
            FigureRules.Checked checked = rules.check(ctx, indicatorId, agencyId, data.period(), figures);
            if (checked.indicator() != null) {
                verdict.indicators.put(checked.indicator().id, checked.indicator());
            }
            if (checked.agency() != null) {
                Optional<String> refusal = scope.refusal(ctx.view(), checked.agency(), checked.period());
                if (refusal.isPresent()) {
                    String field = data.agencyId() != null ? "agencyId" : "agencyCode";
                    verdict.reject(row.number(), List.of(new FieldError(field, refusal.get())));
                    return;
                }
            }
            if (!checked.valid()) {
                verdict.reject(row.number(), checked.errors());
                return;
            }
            Optional<PeriodLock> lock = rules.lockFor(ctx, checked.indicator(), checked.period());
            if (lock.isPresent()) {
                verdict.reject(
                        row.number(), List.of(new FieldError("period", "period is locked: " + lock.get().reason)));
                return;
            }
            MeasurementBatchRepository.Key key = new MeasurementBatchRepository.Key(
                    indicatorId, agencyId, checked.period().code());
            if (!seen.add(key)) {
                verdict.reject(
                        row.number(),
                        List.of(new FieldError("period", "an earlier row has the same indicator, agency and period")));
                return;
            }
            verdict.keys.add(key);
            verdict.pending.add(new Pending(row.number(), checked, figures));
        }

        /** Takes a verdict that holds into the run (its keys are in {@code seen} already). */
        private void take(Verdict verdict) {
            verdict.refusals.forEach(r -> reject(r.number(), r.errors()));
            chunk.addAll(verdict.pending);
        }

        /** Forgets a verdict that did not hold: its rows are checked again, so their keys are not seen yet. */
        private void drop(Verdict verdict) {
            verdict.keys.forEach(seen::remove);
        }

        private UUID resolveIndicator(FigureRules.Context ctx, MeasurementRow data, List<FieldError> errors) {
            if (data.indicatorId() != null) {
                return data.indicatorId();
            }
            if (data.group() == null || data.ordinal() == null || (data.plan() == null && data.planId() == null)) {
                errors.add(new FieldError(
                        "indicatorId", "give indicatorId, or plan (number) or planId with group and ordinal"));
                return null;
            }
            UUID planId = data.planId();
            if (planId == null) {
                Optional<PlanReplica> plan = plansByNumber.computeIfAbsent(
                        data.plan().strip(),
                        number -> plans.findByNumber(number).stream().findFirst());
                if (plan.isEmpty()) {
                    errors.add(new FieldError("plan", "unknown plan " + data.plan()));
                    return null;
                }
                planId = plan.get().id;
            }
            Optional<Indicator> indicator =
                    ctx.indicator(planId, data.group().strip(), data.ordinal().strip());
            if (indicator.isEmpty()) {
                errors.add(
                        new FieldError("ordinal", "the plan has no indicator " + data.group() + "." + data.ordinal()));
                return null;
            }
            return indicator.get().id;
        }

        private UUID resolveAgency(FigureRules.Context ctx, MeasurementRow data, List<FieldError> errors) {
            if (data.agencyId() != null) {
                return data.agencyId();
            }
            if (data.agencyCode() == null || data.agencyCode().isBlank()) {
                errors.add(new FieldError("agencyId", "give agencyId or agencyCode"));
                return null;
            }
            LocalDate day = LocalDate.now();
            try {
                day = periodEnds.computeIfAbsent(
                        data.period(), code -> Period.parse(code).calendarEnd());
            } catch (IllegalArgumentException e) {
                // the period is reported by the figure rules; the code is then looked up as of today
            }
            Optional<AgencyReplica> agency =
                    ctx.view().agencyByCode(data.agencyCode().strip(), day);
            if (agency.isEmpty()) {
                errors.add(new FieldError("agencyCode", "unknown agency code " + data.agencyCode()));
                return null;
            }
            return agency.get().id;
        }

        private void reject(int number, List<FieldError> errors) {
            rejectedRows++;
            for (FieldError error : errors) {
                if (rejected.size() < ImportSummary.MAX_LISTED) {
                    rejected.add(new RejectedRow(number, error.field(), error.message()));
                }
            }
        }

        /** What the audit row of a committed import says: its outcome and the figures it wrote. */
        Map<String, Object> auditSummary(ImportSummary outcome) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("kind", outcome.kind());
            summary.put("mode", outcome.mode());
            summary.put("rows", outcome.rows());
            summary.put("imported", outcome.imported());
            summary.put("updated", outcome.updated());
            summary.put("unchanged", outcome.unchanged());
            summary.put("rejectedRows", outcome.rejectedRows());
            summary.put("rejected", outcome.rejected());
            summary.put("submittedIds", submittedIds);
            summary.put("revisedIds", revisedIds);
            return summary;
        }

        ImportSummary summary(String status, boolean committed) {
            return new ImportSummary(
                    started.id(),
                    started.kind(),
                    status,
                    started.mode(),
                    dryRun,
                    committed,
                    rows,
                    imported,
                    updated,
                    unchanged,
                    rejectedRows,
                    List.copyOf(rejected),
                    null,
                    started.startedAt(),
                    "RUNNING".equals(status) ? null : Instant.now());
        }
    }

    /**
     * The rows judged ahead against a snapshot, still to be confirmed, and their figures and events built as new
     * ones.
     */
    private record Ahead(ReferenceSnapshot snapshot, Verdict verdict, Prepared prepared) {}

    /**
     * A chunk's rows built as new figures — their staging rows and {@code submitted} events serialised — before the
     * chunk is written, so the writer thread spends its time in the database (used as they are when every figure
     * turns out new, the common case; otherwise the writer builds the events of what it wrote).
     */
    private record Prepared(
            List<Measurement> inserts,
            Map<Measurement, AchievementState> achievements,
            CopyText staged,
            OutboxBulkWriter.Prepared events) {}

    /** Builds the rows of a chunk as new figures with their events (no database). */
    private Prepared prepare(List<Pending> pending, String actor) {
        List<Measurement> inserts = new ArrayList<>(pending.size());
        Map<Measurement, AchievementState> achievements = new IdentityHashMap<>();
        List<MeasurementEvents.Change> changes = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            Measurement m = carrier(p.checked());
            m.id = TimeOrderedIds.next();
            m.status = MeasurementStatus.SUBMITTED;
            m.revision = 1;
            m.version = 1;
            MeasurementService.applyFigures(m, p.figures(), p.checked().computed(), actor);
            AchievementState achievement = p.checked().computed().achievement();
            achievements.put(m, achievement);
            inserts.add(m);
            changes.add(new MeasurementEvents.Change(
                    EventTypes.MEASUREMENT_SUBMITTED, MeasurementMapper.toEvent(m, achievement)));
        }
        return new Prepared(
                inserts, achievements, MeasurementBatchRepository.newFiguresText(inserts), events.prepareAll(changes));
    }

    /** What writing one chunk did, counted into the run by the import's own thread. */
    private record Written(
            int imported,
            int updated,
            int unchanged,
            List<UUID> submitted,
            List<UUID> revised,
            List<Refusal> refusals) {}

    /**
     * The writing of one checked chunk, on a writer thread that holds the import's transaction meanwhile (see
     * {@link Run#lend}); it reads nothing the import's own thread changes and keeps its counts to itself.
     */
    private final class ChunkWrite {
        private final List<Pending> pending;
        private final boolean writes;
        private final String actor;
        private final Prepared prepared;
        private final Map<Measurement, AchievementState> achievements = new IdentityHashMap<>();
        private final List<Refusal> refusals = new ArrayList<>();
        private int imported;
        private int updated;
        private int unchanged;

        /**
         * @param pending the chunk's checked rows
         * @param writes whether to write them ({@code false}: a dry run, or an all-or-nothing import that has a
         *     rejected row already, which only counts what it would do)
         * @param actor who imports
         * @param prepared the rows built as new figures ahead, {@code null} when they were not
         */
        ChunkWrite(List<Pending> pending, boolean writes, String actor, Prepared prepared) {
            this.pending = pending;
            this.writes = writes;
            this.actor = actor;
            this.prepared = prepared;
        }

        /** Writes the chunk in the lent transaction and gives the transaction up again, whatever happens. */
        Written runIn(Transaction tx) {
            try {
                transactions.resume(tx);
            } catch (Exception e) {
                throw new IllegalStateException("the import's writer could not take its transaction", e);
            }
            try {
                return write();
            } finally {
                try {
                    transactions.suspend();
                } catch (SystemException e) {
                    Log.errorf(e, "the import's writer could not give its transaction back");
                }
            }
        }

        private Written write() {
            List<Measurement> updates = new ArrayList<>();
            if (!writes) {
                // nothing is written: the figures that exist are read to count what the import would do
                Map<MeasurementBatchRepository.Key, Measurement> existing = batch.findExisting(
                        pending.stream().map(p -> carrier(p.checked())).toList());
                for (Pending p : pending) {
                    Measurement current = existing.get(key(p.checked()));
                    if (current == null) {
                        imported++;
                    } else {
                        decide(p, current, updates);
                    }
                }
                return new Written(imported, updated, unchanged, List.of(), List.of(), refusals);
            }
            // every row is offered as a new figure first: the insert skips the keys that exist (ON CONFLICT DO
            // NOTHING), and only those are then read and locked, so an import of new figures (the common case)
            // spends no query on looking for them (1.3-1.6 s of database time per 100,000 rows when it did)
            Prepared built = prepared != null ? prepared : prepare(pending, actor);
            List<Measurement> inserts = built.inserts();
            achievements.putAll(built.achievements());
            Set<UUID> inserted = batch.insertNew(inserts, built.staged());
            List<Measurement> written = new ArrayList<>(inserts.size());
            List<Pending> existing = new ArrayList<>();
            for (int i = 0; i < inserts.size(); i++) {
                if (inserted.contains(inserts.get(i).id)) {
                    written.add(inserts.get(i));
                } else {
                    achievements.remove(inserts.get(i));
                    existing.add(pending.get(i));
                }
            }
            if (!existing.isEmpty()) {
                Map<MeasurementBatchRepository.Key, Measurement> found = batch.findExisting(
                        existing.stream().map(p -> carrier(p.checked())).toList());
                for (Pending p : existing) {
                    Measurement current = found.get(key(p.checked()));
                    if (current == null) {
                        throw new IllegalStateException(
                                "figure " + key(p.checked()) + " was neither inserted nor found");
                    }
                    decide(p, current, updates);
                }
            }
            imported += written.size();
            batch.update(updates);
            // the new figures' first revisions were written with them (insertNew)
            batch.insertRevisions(updates);
            if (existing.isEmpty()) {
                events.appendPrepared(built.events());
            } else {
                appendEvents(written, updates);
            }
            return new Written(
                    imported,
                    updated,
                    unchanged,
                    written.stream().map(m -> m.id).toList(),
                    updates.stream().map(m -> m.id).toList(),
                    refusals);
        }

        /** The events of a chunk some of whose figures existed: the new ones submitted, the others revised. */
        private void appendEvents(List<Measurement> written, List<Measurement> updates) {
            List<MeasurementEvents.Change> changes = new ArrayList<>(written.size() + updates.size());
            for (Measurement m : written) {
                changes.add(new MeasurementEvents.Change(
                        EventTypes.MEASUREMENT_SUBMITTED, MeasurementMapper.toEvent(m, achievements.get(m))));
            }
            for (Measurement m : updates) {
                changes.add(new MeasurementEvents.Change(
                        EventTypes.MEASUREMENT_REVISED, MeasurementMapper.toEvent(m, achievements.get(m))));
            }
            events.appendAll(changes);
        }

        /**
         * A row for a figure that exists: unchanged when its numbers are the same, rejected when the figure is
         * approved, otherwise the figure's next revision (added to {@code updates}).
         */
        private void decide(Pending p, Measurement current, List<Measurement> updates) {
            if (p.figures().sameAs(MeasurementMapper.figures(current))) {
                unchanged++;
            } else if (!current.status.acceptsRevision()) {
                refusals.add(new Refusal(
                        p.number(),
                        List.of(new FieldError(
                                "period",
                                "figure " + current.id + " is APPROVED; reopen it before importing a change"))));
            } else {
                current.revision++;
                current.status = MeasurementStatus.SUBMITTED;
                MeasurementService.applyFigures(
                        current, p.figures(), p.checked().computed(), actor);
                achievements.put(current, p.checked().computed().achievement());
                updates.add(current);
                updated++;
            }
        }
    }

    /**
     * The {@link NumberPolicy} for rows: JSON rows are not bean-validated one by one (they are read as a stream),
     * so their numbers are checked here, before any arithmetic or SQL sees them.
     */
    static List<FieldError> numberErrors(MeasurementRow data) {
        List<FieldError> errors = new ArrayList<>();
        checkNumber("numerator", data.numerator(), errors);
        checkNumber("denominator", data.denominator(), errors);
        checkNumber("value", data.value(), errors);
        if (data.components() != null) {
            data.components().forEach((code, points) -> checkNumber("components." + code, points, errors));
        }
        return errors;
    }

    /**
     * The text bounds of a single submission ({@code MeasurementRequest}: note ≤ {@value #MAX_NOTE}, source ≤
     * {@value #MAX_SOURCE} characters), so that a row of a JSON file — whose strings may be far longer — cannot store
     * what a single submission may not, nor make a figure's event larger than the outbox takes.
     */
    static List<FieldError> textErrors(MeasurementRow data) {
        List<FieldError> errors = new ArrayList<>();
        checkLength("note", data.note(), MAX_NOTE, errors);
        checkLength("source", data.source(), MAX_SOURCE, errors);
        return errors;
    }

    private static void checkLength(String field, String text, int max, List<FieldError> errors) {
        if (text != null && text.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters (has " + text.length() + ")"));
        }
    }

    private static void checkNumber(String field, java.math.BigDecimal value, List<FieldError> errors) {
        if (value != null && !NumberPolicy.accepts(value)) {
            errors.add(new FieldError(field, NumberPolicy.MESSAGE));
        }
    }

    private static MeasurementBatchRepository.Key key(FigureRules.Checked checked) {
        return new MeasurementBatchRepository.Key(
                checked.indicator().id, checked.agency().id, checked.period().code());
    }

    private static Measurement carrier(FigureRules.Checked checked) {
        Measurement m = new Measurement();
        m.indicatorId = checked.indicator().id;
        m.agencyId = checked.agency().id;
        m.period = checked.period().code();
        return m;
    }
}
