package vn.partracker.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One PAR Tracker service running as a child JVM ({@code java -jar quarkus-run.jar}) with its output in a log file. */
public final class ServiceProcess {

    /** File name of the class-data archive Quarkus writes beside {@code quarkus-run.jar}. */
    static final String CLASS_DATA_ARCHIVE = "app-cds.jsa";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final File NULL_INPUT = new File("/dev/null");

    private final AppService service;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final Instant startedAt;

    private ServiceProcess(AppService service, int port, Process process, Path logFile) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
        this.startedAt = Instant.now();
    }

    /**
     * Starts the service. The launcher's environment is inherited, with the configuration contract of the services
     * ({@code HTTP_PORT}, {@code DB_*}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code JWT_*}) set on top, plus
     * {@code QUARKUS_HTTP_HOST} so that the HTTP server listens on the loopback interface only.
     */
    public static ServiceProcess start(
            AppService service,
            Path runnerJar,
            int port,
            Map<String, String> environment,
            List<String> jvmOptions,
            Path logFile)
            throws IOException {
        return start(service, runnerJar, port, environment, jvmOptions, logFile, null);
    }

    /**
     * Starts the service as {@link #start(AppService, Path, int, Map, List, Path)} does, except that a restart
     * ({@code restartNote} not {@code null}) appends to the log after a line with that note instead of rotating it, so
     * that the output of the process that died stays next to that of its replacement.
     */
    public static ServiceProcess start(
            AppService service,
            Path runnerJar,
            int port,
            Map<String, String> environment,
            List<String> jvmOptions,
            Path logFile,
            String restartNote)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        classDataArchive(runnerJar, jvmOptions).ifPresent(archive -> command.add("-XX:SharedArchiveFile=" + archive));
        command.add("-jar");
        command.add(runnerJar.toString());
        return startCommand(service, command, port, environment, logFile, restartNote);
    }

    /**
     * The class-data archive the build wrote beside the runner ({@code app-cds.jsa}, Quarkus'
     * {@code quarkus.package.jar.appcds.enabled}), unless the options name one already. The JVM maps the classes the
     * service loads at start from it instead of reading and verifying them from the jars: a shorter start and less
     * resident memory. An archive written by another JVM build is ignored by the JVM with a warning ({@code -Xshare}
     * defaults to {@code auto}), so a stale one never stops a service.
     */
    static Optional<Path> classDataArchive(Path runnerJar, List<String> jvmOptions) {
        if (jvmOptions.stream()
                .anyMatch(option -> option.startsWith("-XX:SharedArchiveFile=") || option.equals("-Xshare:off"))) {
            return Optional.empty();
        }
        Path archive = runnerJar.toAbsolutePath().resolveSibling(CLASS_DATA_ARCHIVE);
        return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    /** Starts any command as the process of {@code service}, in the directory of its last argument (a file). */
    static ServiceProcess startCommand(
            AppService service,
            List<String> command,
            int port,
            Map<String, String> environment,
            Path logFile,
            String restartNote)
            throws IOException {
        Files.createDirectories(logFile.getParent());
        if (restartNote == null) {
            LogFiles.rotate(logFile);
        } else {
            Files.writeString(
                    logFile,
                    System.lineSeparator() + "----- " + restartNote + " -----" + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        Path directory =
                Path.of(command.get(command.size() - 1)).toAbsolutePath().getParent();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(NULL_INPUT));
        builder.environment().putAll(environment);
        builder.environment().put("HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return new ServiceProcess(service, port, builder.start(), logFile);
    }

    /** Returns which service this is. */
    public AppService service() {
        return service;
    }

    /** Returns the process id. */
    public long pid() {
        return process.pid();
    }

    /** Returns when the process was started. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Returns whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Returns the exit code; only meaningful once the process has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Completes when the process exits. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Returns the log file the process writes to. */
    public Path logFile() {
        return logFile;
    }

    /** Returns the readiness URL polled by the launcher. */
    public URI readinessUri() {
        return URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    }

    /**
     * Asks the readiness endpoint once.
     *
     * @return a short description of the state, {@code null} when the service reports {@code UP}
     */
    public String probeReadiness(HttpClient http) {
        HttpRequest request = HttpRequest.newBuilder(readinessUri())
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && "UP".equals(status(response.body()))) {
                return null;
            }
            return "HTTP " + response.statusCode() + " "
                    + abbreviate(response.body().replaceAll("\\s+", " "), 300);
        } catch (IOException e) {
            return "not answering (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Stops the process and its descendants: SIGTERM, up to {@code grace} to exit, then SIGKILL. */
    public boolean stop(Duration grace) {
        return Processes.stopTree(process.toHandle(), grace);
    }

    private static String status(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path("status").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
