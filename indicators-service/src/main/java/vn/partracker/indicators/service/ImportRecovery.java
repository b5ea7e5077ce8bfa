package vn.partracker.indicators.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.partracker.indicators.config.ImportsConfig;
import vn.partracker.indicators.domain.ImportJob;
import vn.partracker.indicators.repository.ImportJobRepository;

/**
 * At start-up, ends the background imports a previous process left behind: every {@code import_job} still
 * {@code QUEUED} or {@code RUNNING} becomes {@code FAILED} with the reason, and the stored bodies of dead jobs are
 * removed from the imports directory. None stays {@code RUNNING} forever.
 *
 * <p>The reason is true because a committed import writes its figures, their events, its audit row and its own
 * record as {@code DONE} in one transaction ({@link BatchImporter}): a record still {@code RUNNING} belongs to a
 * transaction that never committed. A record whose import is running right now in another live process is locked by
 * that import's transaction and skipped ({@code FOR UPDATE SKIP LOCKED}), as is its body. A job still waiting in a
 * live peer's queue is not locked and is failed too; that peer then does not run it (its claim finds it failed).
 */
@ApplicationScoped
public class ImportRecovery {

    /** Why a job that was running when its process died failed. */
    public static final String RUNNING_REASON =
            "the service restarted during the import; nothing of it was committed (its rows and this record commit"
                    + " in one transaction); send the file again";

    /** Why a job that was still waiting when its process died failed. */
    public static final String QUEUED_REASON =
            "the service restarted before the import started; nothing of it was committed; send the file again";

    private final ImportJobRepository jobs;
    private final Path directory;

    public ImportRecovery(ImportJobRepository jobs, ImportsConfig config) {
        this.jobs = jobs;
        this.directory = ImportService.bodyDirectory(config);
    }

    void onStart(@Observes StartupEvent event) {
        recover();
    }

    /**
     * Fails the jobs left {@code QUEUED} or {@code RUNNING} and removes the bodies no live job needs.
     *
     * @return how many jobs were failed
     */
    public int recover() {
        List<String> ended = QuarkusTransaction.requiringNew().call(this::failUnfinished);
        Set<String> alive = new HashSet<>(QuarkusTransaction.requiringNew().call(jobs::unfinishedBodies));
        int removed = 0;
        for (String body : ended) {
            if (body != null && !alive.contains(body)) {
                ImportService.deleteQuietly(Path.of(body));
                removed++;
            }
        }
        removed += sweep(alive);
        if (!ended.isEmpty() || removed > 0) {
            Log.warnf(
                    "start-up: %d import jobs left unfinished by a previous process failed, %d stored bodies removed",
                    ended.size(), removed);
        }
        return ended.size();
    }

    private List<String> failUnfinished() {
        List<ImportJob> unfinished = jobs.lockUnfinished();
        Instant now = Instant.now();
        for (ImportJob job : unfinished) {
            job.error = ImportJobs.QUEUED.equals(job.status) ? QUEUED_REASON : RUNNING_REASON;
            job.status = "FAILED";
            job.committed = false;
            job.finishedAt = now;
            Log.warnf("import %s (%s, started %s) failed: %s", job.id, job.kind, job.startedAt, job.error);
        }
        List<String> bodies = unfinished.stream().map(j -> j.bodyFile).toList();
        unfinished.forEach(j -> j.bodyFile = null);
        return bodies;
    }

    /** Removes stored bodies in the imports directory that no queued or running job refers to. */
    private int sweep(Set<String> alive) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "import-*.body")) {
            for (Path file : files) {
                if (!alive.contains(file.toString())) {
                    ImportService.deleteQuietly(file);
                    removed++;
                }
            }
        } catch (IOException e) {
            Log.warnf("could not list the imports directory %s: %s", directory, e.getMessage());
        }
        return removed;
    }
}
