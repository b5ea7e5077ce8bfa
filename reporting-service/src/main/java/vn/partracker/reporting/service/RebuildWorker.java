package vn.partracker.reporting.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.partracker.reporting.api.RebuildJob;
import vn.partracker.reporting.config.ReportingConfig;
import vn.partracker.reporting.service.RebuildService.ClaimedJob;

/**
 * Runs the queued rebuild jobs on one background thread of this instance, one indicator per transaction, renewing
 * the job's heartbeat after each. At startup it fails the jobs this instance (same worker name) left RUNNING when it
 * died, and any job whose worker's heartbeat is stale, then picks up jobs still queued; so no job stays RUNNING
 * after a restart.
 */
@ApplicationScoped
public class RebuildWorker {

    private final RebuildService rebuild;
    private final String worker;
    private final Duration staleAfter;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rebuild-worker");
        t.setDaemon(true);
        return t;
    });

    public RebuildWorker(
            RebuildService rebuild,
            ReportingConfig config,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8083") int port) {
        this.rebuild = rebuild;
        this.worker = config.rebuild().worker().orElseGet(() -> host() + ":" + port);
        this.staleAfter = config.rebuild().staleAfter();
    }

    /** This instance's name on the jobs it runs. */
    public String worker() {
        return worker;
    }

    void onStart(@Observes StartupEvent event) {
        List<UUID> failed = recoverAfterRestart();
        if (!failed.isEmpty()) {
            Log.warnf("rebuild: %d job(s) left RUNNING before this start were failed: %s", failed.size(), failed);
        }
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        thread.shutdownNow();
    }

    /**
     * Fails the jobs this worker left RUNNING when it stopped (it runs none yet) and those with a stale heartbeat.
     *
     * @return the ids of the jobs failed
     */
    public List<UUID> recoverAfterRestart() {
        return rebuild.failAbandoned(worker, staleAfter);
    }

    /** Queues a job; the worker starts on it after the calling request's transaction committed. */
    public RebuildJob request() {
        RebuildJob job = rebuild.request(staleAfter);
        wake();
        return job;
    }

    /** Makes the worker look for queued jobs. */
    public void wake() {
        try {
            thread.execute(this::runQueued);
        } catch (RejectedExecutionException e) {
            Log.debug("rebuild worker is stopping; queued jobs wait for the next start");
        }
    }

    private void runQueued() {
        Optional<ClaimedJob> next;
        while ((next = claim()).isPresent()) {
            run(next.get());
        }
    }

    private Optional<ClaimedJob> claim() {
        try {
            return rebuild.claimNext(worker);
        } catch (RuntimeException e) {
            Log.errorf(e, "rebuild worker could not claim a job");
            return Optional.empty();
        }
    }

    private void run(ClaimedJob job) {
        long began = System.nanoTime();
        Log.infof(
                "rebuild job %s: started on %s, %d indicators",
                job.id(), worker, job.indicators().size());
        try {
            for (UUID indicator : job.indicators()) {
                if (Thread.currentThread().isInterrupted()) {
                    rebuild.fail(job.id(), "the service instance " + worker + " stopped during the rebuild");
                    return;
                }
                rebuild.rebuildIndicator(job.id(), indicator);
            }
            rebuild.succeed(job.id());
            Log.infof("rebuild job %s: done in %d ms", job.id(), (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException e) {
            Log.errorf(e, "rebuild job %s failed", job.id());
            try {
                rebuild.fail(job.id(), "rebuild stopped: " + reason(e));
            } catch (RuntimeException failing) {
                Log.errorf(failing, "rebuild job %s could not be marked FAILED; a restart will", job.id());
            }
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e ? message : message + " (" + root.getClass().getSimpleName() + ")";
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
