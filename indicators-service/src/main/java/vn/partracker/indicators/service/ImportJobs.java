package vn.partracker.indicators.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.partracker.indicators.api.ImportSummary;
import vn.partracker.indicators.api.RejectedRow;
import vn.partracker.indicators.domain.ImportJob;
import vn.partracker.indicators.repository.ImportJobRepository;
import vn.partracker.support.problem.NotFoundException;

/**
 * The progress and outcome of bulk imports. A running import's counters live in memory (the import's own
 * transaction is not visible until it commits), and each import is recorded in {@code import_job} in transactions
 * of its own when it starts and when it ends, so {@code GET /api/imports/{id}} answers during and after it.
 */
@ApplicationScoped
public class ImportJobs {

    private final ImportJobRepository jobs;
    private final ObjectMapper mapper;
    private final Map<UUID, ImportSummary> running = new ConcurrentHashMap<>();

    public ImportJobs(ImportJobRepository jobs, ObjectMapper mapper) {
        this.jobs = jobs;
        this.mapper = mapper;
    }

    /** Records the start of an import and returns its first progress. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ImportSummary start(String kind, String mode, boolean dryRun) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.kind = kind;
        job.mode = mode;
        job.dryRun = dryRun;
        job.status = "RUNNING";
        job.startedAt = Instant.now();
        jobs.persist(job);
        ImportSummary summary = toSummary(job, List.of());
        running.put(job.id, summary);
        return summary;
    }

    /** Publishes the counters of a running import. */
    public void progress(ImportSummary summary) {
        running.put(summary.id(), summary);
    }

    /** Records the outcome of an import. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ImportSummary finish(ImportSummary summary) {
        ImportJob job = jobs.findById(summary.id());
        job.status = summary.status();
        job.rowsRead = summary.rows();
        job.imported = summary.imported();
        job.updated = summary.updated();
        job.unchanged = summary.unchanged();
        job.rejectedCount = summary.rejectedRows();
        job.committed = summary.committed();
        job.error = summary.error();
        job.finishedAt = Instant.now();
        try {
            job.rejected = mapper.writeValueAsString(summary.rejected());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not record the rejected rows of import " + job.id, e);
        }
        running.remove(job.id);
        return toSummary(job, summary.rejected());
    }

    /** @return the progress of a running import or the outcome of a finished one */
    public ImportSummary get(UUID id) {
        ImportSummary live = running.get(id);
        if (live != null) {
            return live;
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
