package vn.partracker.indicators.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.partracker.indicators.api.ImportSummary;
import vn.partracker.indicators.api.RejectedRow;
import vn.partracker.indicators.domain.ImportJob;
import vn.partracker.indicators.repository.ImportJobRepository;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.problem.NotFoundException;

/**
 * The progress and outcome of bulk imports. A running import's counters live in memory (the import's own
 * transaction is not visible until it commits).
 *
 * <p>Only imports that were accepted are recorded in {@code import_job}: a synchronous import that committed (the
 * record is written in the import's own transaction), and a background import (answered 202) from its acceptance
 * ({@code QUEUED}, with its stored body) to its end. A rejected request writes nothing, so the outcome of
 * an import that was refused ({@code REJECTED}, {@code FAILED}) or only checked ({@code dryRun}) is kept in memory
 * only — the last {@value #RECENT} of them — for {@code GET /api/imports/{id}} right after the answer.
 */
@ApplicationScoped
public class ImportJobs {

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";

    /** How many unrecorded outcomes stay readable. */
    static final int RECENT = 1000;

    private final ImportJobRepository jobs;
    private final ObjectMapper mapper;
    private final Map<UUID, ImportSummary> running = new ConcurrentHashMap<>();
    private final Map<UUID, ImportSummary> recent = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ImportSummary> eldest) {
            return size() > RECENT;
        }
    });

    public ImportJobs(ImportJobRepository jobs, ObjectMapper mapper) {
        this.jobs = jobs;
        this.mapper = mapper;
    }

    /** Starts an import in memory only; {@link #finish} or {@link #forget} ends it. */
    public ImportSummary start(String kind, String mode, boolean dryRun) {
        ImportJob job = newJob(kind, mode, dryRun);
        ImportSummary summary = toSummary(job, List.of());
        running.put(job.id, summary);
        return summary;
    }

    /**
     * Records an accepted background import as {@code QUEUED}, with the path of its stored body, and returns its
     * first progress.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ImportSummary startRecorded(String kind, String mode, boolean dryRun, String bodyFile) {
        ImportJob job = newJob(kind, mode, dryRun);
        job.status = QUEUED;
        job.bodyFile = bodyFile;
        jobs.persist(job);
        ImportSummary summary = toSummary(job, List.of());
        running.put(job.id, summary);
        return summary;
    }

    /**
     * Moves a queued background import to {@code RUNNING}, in a transaction of its own.
     *
     * @return the import as running, or empty when it is no longer queued (a restarting peer failed it)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ImportSummary> claim(UUID id) {
        Optional<ImportJob> job = jobs.findForUpdate(id).filter(j -> QUEUED.equals(j.status));
        if (job.isEmpty()) {
            running.remove(id);
            return Optional.empty();
        }
        job.get().status = RUNNING;
        ImportSummary summary = toSummary(job.get(), List.of());
        running.put(id, summary);
        return Optional.of(summary);
    }

    /**
     * Locks a background import's record for the import's transaction, so a restarting peer's recovery skips it
     * while it runs ({@link ImportJobRepository#lockUnfinished}). Synchronous imports have no record yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(UUID id) {
        jobs.findForUpdate(id);
    }

    /**
     * Records a committed import's outcome in the import's own transaction: its rows and this record commit
     * together, so a record left {@code RUNNING} by a dead process means nothing of the import was committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCommitted(ImportSummary outcome) {
        ImportJob job = jobs.findById(outcome.id());
        if (job == null) {
            job = newJob(outcome.kind(), outcome.mode(), outcome.dryRun());
            job.id = outcome.id();
            job.startedAt = outcome.startedAt();
            jobs.persist(job);
        }
        copy(outcome, job);
    }

    /** Publishes the counters of a running import. */
    public void progress(ImportSummary summary) {
        running.put(summary.id(), summary);
    }

    /** Records the outcome of an accepted import (creating its record when it was started in memory). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ImportSummary finish(ImportSummary summary) {
        ImportJob job = jobs.findById(summary.id());
        if (job == null) {
            job = newJob(summary.kind(), summary.mode(), summary.dryRun());
            job.id = summary.id();
            job.startedAt = summary.startedAt();
            jobs.persist(job);
        }
        copy(summary, job);
        running.remove(job.id);
        return toSummary(job, summary.rejected());
    }

    private void copy(ImportSummary summary, ImportJob job) {
        job.status = summary.status();
        job.rowsRead = summary.rows();
        job.imported = summary.imported();
        job.updated = summary.updated();
        job.unchanged = summary.unchanged();
        job.rejectedCount = summary.rejectedRows();
        job.committed = summary.committed();
        job.error = summary.error();
        job.bodyFile = null;
        job.finishedAt = summary.finishedAt() == null ? Instant.now() : summary.finishedAt();
        try {
            job.rejected = mapper.writeValueAsString(summary.rejected());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not record the rejected rows of import " + job.id, e);
        }
    }

    /** Ends an import whose request is refused or only checked, without writing: its outcome stays in memory. */
    public ImportSummary forget(ImportSummary summary) {
        recent.put(summary.id(), summary);
        running.remove(summary.id());
        return summary;
    }

    private static ImportJob newJob(String kind, String mode, boolean dryRun) {
        ImportJob job = new ImportJob();
        job.id = TimeOrderedIds.next();
        job.kind = kind;
        job.mode = mode;
        job.dryRun = dryRun;
        job.status = RUNNING;
        job.startedAt = Instant.now();
        return job;
    }

    /** @return the progress of a running import or the outcome of a finished one */
    public ImportSummary get(UUID id) {
        ImportSummary live = running.get(id);
        if (live != null) {
            return live;
        }
        ImportSummary kept = recent.get(id);
        if (kept != null) {
            return kept;
        }
        ImportJob job = jobs.findByIdOptional(id).orElseThrow(() -> new NotFoundException("import", id));
        List<RejectedRow> rejected = List.of();
        if (job.rejected != null) {
            try {
                rejected = mapper.readValue(job.rejected, new TypeReference<List<RejectedRow>>() {});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored rejected rows of import " + id + " are not JSON", e);
            }
        }
        return toSummary(job, rejected);
    }

    private static ImportSummary toSummary(ImportJob job, List<RejectedRow> rejected) {
        return new ImportSummary(
                job.id,
                job.kind,
                job.status,
                job.mode,
                job.dryRun,
                job.committed,
                job.rowsRead,
                job.imported,
                job.updated,
                job.unchanged,
                job.rejectedCount,
                rejected,
                job.error,
                job.startedAt,
                job.finishedAt);
    }
}
