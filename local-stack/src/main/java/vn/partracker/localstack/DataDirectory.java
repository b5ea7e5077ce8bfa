package vn.partracker.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's state directory ({@code ./.local-data}): PostgreSQL data, Kafka logs, process logs and the ids of the
 * service processes of the running stack.
 *
 * <p>A file lock makes sure only one launcher uses the directory at a time. Holding it is also what makes it safe to
 * clean up processes a previous launcher left behind (for example after {@code kill -9}): they cannot belong to a
 * launcher that is still running.
 */
public final class DataDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    private static final String LOCK_FILE = "launcher.lock";
    private static final String PID_FILE = "services.pid";
    private static final String PG_WORK = "pg-work";

    /** Entries kept by {@code --fresh}: the lock we hold and the unpacked PostgreSQL binaries (a cache, not data). */
    private static final Set<String> KEPT_BY_FRESH = Set.of(LOCK_FILE, PG_WORK);

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed and locks it.
     *
     * @throws LaunchException when another launcher holds the lock
     */
    public static DataDirectory open(Path root) throws IOException {
        Files.createDirectories(root);
        Path lockFile = root.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new LaunchException("Another local stack is already running with data directory " + root
                    + ". Stop it first (Ctrl-C in its terminal).");
        }
        channel.truncate(0);
        channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + System.lineSeparator()));
        channel.force(false);
        return new DataDirectory(root, channel, lock);
    }

    /** Deletes all data (databases, Kafka logs, process logs) but keeps the lock and the PostgreSQL binaries. */
    public void wipe() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                if (!KEPT_BY_FRESH.contains(entry.getFileName().toString())) {
                    deleteRecursively(entry);
                }
            }
        }
    }

    /** Returns the directory itself. */
    public Path root() {
        return root;
    }

    /** Returns the PostgreSQL data directory. */
    public Path postgresData() {
        return root.resolve("postgres");
    }

    /** Returns the directory the PostgreSQL binaries are unpacked to. */
    public Path postgresWork() {
        return root.resolve(PG_WORK);
    }

    /** Returns the Kafka directory (configuration file and log directory). */
    public Path kafka() {
        return root.resolve("kafka");
    }

    /** Returns the directory of the dev key pair the local tokens are signed with ({@link DevTokens}). */
    public Path jwt() {
        return jwt(root);
    }

    /** Returns the key pair directory of the data directory {@code root}, without locking it. */
    public static Path jwt(Path root) {
        return root.resolve("jwt");
    }

    /** Returns the directory of the process logs. */
    public Path logs() {
        return root.resolve("logs");
    }

    /** Records the ids of the service processes so that a later launcher can clean them up after a crash. */
    public void recordServicePids(List<Long> pids) throws IOException {
        List<String> lines = pids.stream().map(String::valueOf).toList();
        Files.write(root.resolve(PID_FILE), lines, StandardCharsets.UTF_8);
    }

    /** Forgets the recorded service process ids after a clean stop. */
    public void clearServicePids() throws IOException {
        Files.deleteIfExists(root.resolve(PID_FILE));
    }

    /**
     * Stops service processes a previous launcher left running. Only processes whose command line still runs a
     * {@code quarkus-run.jar} are touched, so a recycled process id is never killed by mistake.
     */
    public void stopLeftoverServices() throws IOException {
        Path pidFile = root.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (String line : Files.readAllLines(pidFile, StandardCharsets.UTF_8)) {
            parsePid(line)
                    .flatMap(ProcessHandle::of)
                    .filter(Processes::isRunning)
                    .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
                    .ifPresent(leftovers::add);
        }
        if (!leftovers.isEmpty()) {
            LOG.warn(
                    "Stopping service processes left over from a previous run: {}",
                    leftovers.stream().map(ProcessHandle::pid).toList());
            Processes.stopAll(leftovers, Duration.ofSeconds(10));
        }
        Files.deleteIfExists(pidFile);
    }

    /**
     * Stops a PostgreSQL server left running on this data directory by a previous launcher, using the process id in
     * its {@code postmaster.pid}. Without this, the next start fails with "another server might be running".
     */
    public void stopLeftoverPostgres() {
        Path pidFile = postgresData().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster;
        try {
            postmaster = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .flatMap(DataDirectory::parsePid)
                    .flatMap(ProcessHandle::of)
                    .filter(Processes::isRunning)
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postmaster.ifPresent(p -> {
            LOG.warn("Stopping PostgreSQL process {} left over from a previous run", p.pid());
            Processes.stopTree(p, Duration.ofSeconds(15));
        });
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        lockChannel.close();
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
