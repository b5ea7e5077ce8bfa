package vn.partracker.indicators.service;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.partracker.indicators.api.ImportSummary;
import vn.partracker.indicators.config.ImportsConfig;
import vn.partracker.support.problem.ApiException;
import vn.partracker.support.problem.ValidationException;

/**
 * Runs bulk imports of figures, synchronously or in the background. A background import first copies the body to a
 * temporary file (the request ends before the import does), answers with the import's id, and reports progress at
 * {@code GET /api/imports/{id}}.
 *
 * <p>Background imports are durable jobs: the body is stored in the imports directory ({@link ImportsConfig}) and
 * the job recorded {@code QUEUED} before the 202; the import thread claims it ({@code RUNNING}) and records its end.
 * The queue is bounded: with one import running and {@code partracker.imports.queue-capacity} waiting, another is
 * refused with 503 problem+json before its body is stored. A process that dies leaves its jobs {@code QUEUED} or
 * {@code RUNNING}; {@link ImportRecovery} fails them (nothing of them was committed) and removes their bodies at the
 * next start. They are not resumed: the caller's identity, which the rows are checked against, is not stored.
 *
 * <p>A background import runs as the caller of its request: the request's security identity is carried to the
 * import thread (inside a request context of its own), so the per-row agency scope, {@code submittedBy} and the
 * audit row's actor are the same as for a synchronous import.
 */
@ApplicationScoped
public class ImportService {

    /** How a bulk import treats rejected rows. */
    public enum Mode {
        /** One rejected row cancels the whole import. */
        ALL_OR_NOTHING("all-or-nothing"),
        /** Valid rows are written, rejected ones listed. */
        VALID_ROWS("valid-rows");

        private final String code;

        Mode(String code) {
            this.code = code;
        }

        /** @return the query parameter form */
        public String code() {
            return code;
        }

        /**
         * @param code {@code all-or-nothing} (default when {@code null}) or {@code valid-rows}
         * @throws ValidationException for anything else
         */
        public static Mode parse(String code) {
            if (code == null || code.isBlank()) {
                return ALL_OR_NOTHING;
            }
            for (Mode mode : values()) {
                if (mode.code.equals(code.strip())) {
                    return mode;
                }
            }
            throw new ValidationException("mode", "must be all-or-nothing or valid-rows");
        }
    }

    private final BatchImporter importer;
    private final ImportJobs jobs;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "figure-import");
        thread.setDaemon(true);
        return thread;
    });

    private final CurrentIdentityAssociation identities;
    private final int capacity;
    private final Semaphore slots;
    private final Path directory;

    public ImportService(
            BatchImporter importer, ImportJobs jobs, CurrentIdentityAssociation identities, ImportsConfig config) {
        this.importer = importer;
        this.jobs = jobs;
        this.identities = identities;
        this.capacity = config.queueCapacity();
        this.slots = new Semaphore(capacity + 1);
        this.directory = bodyDirectory(config);
    }

    /** @return where the bodies of background imports wait */
    static Path bodyDirectory(ImportsConfig config) {
        return Path.of(config.directory()
                .filter(d -> !d.isBlank())
                .orElse(System.getProperty("java.io.tmpdir") + "/partracker-indicators-imports"));
    }

    /**
     * Imports the rows now and answers with the outcome.
     *
     * @throws ValidationException when the body is unreadable; nothing is written
     */
    public ImportSummary importNow(String kind, Mode mode, boolean dryRun, RowSource source) {
        try (source) {
            ImportSummary started = jobs.start(kind, mode.code(), dryRun);
            return execute(started, mode, dryRun, () -> source, true);
        }
    }

    /**
     * Stores the body, checks that it can be read (format and headings), and imports it in the background. A body
     * that cannot be read is refused now (400) and nothing is recorded.
     *
     * @param reader turns the stored body into rows
     * @return the import as started; follow it at {@code /api/imports/{id}}
     * @throws ValidationException when the body is unreadable
     */
    public ImportSummary importLater(
            String kind, Mode mode, boolean dryRun, InputStream body, Function<InputStream, RowSource> reader) {
        if (!slots.tryAcquire()) {
            throw new ImportQueueFullException(capacity);
        }
        Path file;
        ImportSummary started;
        try {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, "import-", ".body");
        } catch (IOException e) {
            slots.release();
            throw new UncheckedIOException("could not store the import body", e);
        }
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            try (InputStream in = Files.newInputStream(file)) {
                reader.apply(in).close();
            }
            started = jobs.startRecorded(kind, mode.code(), dryRun, file.toString());
        } catch (IOException e) {
            slots.release();
            deleteQuietly(file);
            throw new UncheckedIOException("could not store the import body", e);
        } catch (RuntimeException e) {
            slots.release();
            deleteQuietly(file);
            throw e;
        }
        SecurityIdentity identity = identities.getIdentity();
        try {
            background.submit(() -> {
                try {
                    asCaller(identity, () -> runQueued(started, mode, dryRun, file, reader));
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            deleteQuietly(file);
            jobs.finish(failed(started, dryRun, "the service is shutting down; nothing of the import was committed"));
            throw new ImportQueueFullException(capacity);
        }
        return started;
    }

    /** Runs a queued import once the import thread gets to it, unless a restarting peer failed it meanwhile. */
    private void runQueued(
            ImportSummary queued, Mode mode, boolean dryRun, Path file, Function<InputStream, RowSource> reader) {
        try {
            Optional<ImportSummary> claimed = jobs.claim(queued.id());
            if (claimed.isEmpty()) {
                Log.warnf("import %s is no longer queued (failed by a restart); not run", queued.id());
                return;
            }
            ImportSummary started = claimed.get();
            try (InputStream in = Files.newInputStream(file)) {
                execute(started, mode, dryRun, () -> reader.apply(in), false);
            } catch (IOException e) {
                execute(
                        started,
                        mode,
                        dryRun,
                        () -> {
                            throw new UncheckedIOException("could not read the stored import body", e);
                        },
                        false);
            }
        } finally {
            deleteQuietly(file);
        }
    }

    /** @return how many background imports may wait behind the running one */
    public int queueCapacity() {
        return capacity;
    }

    /** Runs {@code work} in a request context of its own whose caller is {@code identity}. */
    private void asCaller(SecurityIdentity identity, Runnable work) {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            identities.setIdentity(identity);
            work.run();
        } finally {
            context.terminate();
        }
    }

    /** @return the progress or outcome of an import */
    public ImportSummary get(UUID id) {
        return jobs.get(id);
    }

    /**
     * Runs an import. A synchronous one ({@code now}) is recorded only when it committed: a refused or dry-run
     * request writes nothing (its outcome stays readable in memory). A background one was accepted with 202 and is
     * recorded whatever its outcome.
     */
    private ImportSummary execute(
            ImportSummary started, Mode mode, boolean dryRun, Supplier<RowSource> source, boolean now) {
        try (RowSource rows = source.get()) {
            ImportSummary outcome = importer.importRows(started, rows, mode == Mode.ALL_OR_NOTHING, dryRun);
            Log.infof(
                    "import %s %s: %d rows, %d imported, %d updated, %d unchanged, %d rejected",
                    started.id(),
                    outcome.status(),
                    outcome.rows(),
                    outcome.imported(),
                    outcome.updated(),
                    outcome.unchanged(),
                    outcome.rejectedRows());
            return now && !outcome.committed() ? jobs.forget(outcome) : jobs.finish(outcome);
        } catch (RuntimeException e) {
            String error = e instanceof ApiException ? e.getMessage() : "the import failed; see the service log";
            ImportSummary failed = failed(started, dryRun, error);
            if (now) {
                jobs.forget(failed);
                throw e;
            }
            jobs.finish(failed);
            Log.errorf(e, "import %s failed", started.id());
            return null;
        }
    }

    private static ImportSummary failed(ImportSummary started, boolean dryRun, String error) {
        return new ImportSummary(
                started.id(),
                started.kind(),
                "FAILED",
                started.mode(),
                dryRun,
                false,
                0,
                0,
                0,
                0,
                0,
                List.of(),
                error,
                started.startedAt(),
                Instant.now());
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.warnf("could not delete temporary import file %s", file);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
