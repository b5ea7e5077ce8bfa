package vn.partracker.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.partracker.events.Topics;

/**
 * One-command local run without Docker: embedded PostgreSQL, an in-process KRaft Kafka broker and the three services
 * as child JVMs, with demo data and a table of URLs. Everything is stopped by the shutdown hook on Ctrl-C or SIGTERM.
 * A service that dies before it was first ready stops the whole stack (a broken build or configuration, which a
 * restart would not fix); one that dies later is restarted under its {@link RestartPolicy}, as compose's
 * {@code restart: unless-stopped} would, and the status table shows it.
 */
public final class LocalStack {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    /** The topics the services use, created at broker start: the event catalogue's list, not a copy of it. */
    public static final List<String> TOPICS = Topics.ALL;

    private static final int TOPIC_PARTITIONS = 3;
    private static final String DB_USER = "partracker";
    private static final String DB_PASSWORD = "partracker";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration KAFKA_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POSTGRES_START_TIMEOUT = Duration.ofSeconds(90);
    private static final int LOG_TAIL_LINES = 40;

    private final LaunchOptions options;
    private final Path repositoryRoot;
    private final PrintStream console;
    private final Object lifecycle = new Object();
    private final List<SupervisedService> services = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    private volatile boolean stopping;
    private volatile DataDirectory data;
    private volatile CompletableFuture<PostgresServer> postgresStart;
    private volatile KafkaBroker kafka;
    private volatile DevTokens tokens;

    /** Creates a launcher for the repository at {@code repositoryRoot}, printing its UI to {@code console}. */
    public LocalStack(LaunchOptions options, Path repositoryRoot, PrintStream console) {
        this.options = options;
        this.repositoryRoot = repositoryRoot;
        this.console = console;
    }

    /** Entry point; see {@link LaunchOptions#usage()}. */
    public static void main(String[] args) {
        if (args.length > 0 && "token".equals(args[0])) {
            System.exit(printToken(
                    List.of(args).subList(1, args.length), Path.of("").toAbsolutePath()));
            return;
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LaunchOptions.usage());
            return;
        }
        LocalStack stack = new LocalStack(options, Path.of("").toAbsolutePath(), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (LaunchException e) {
            LOG.error(e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            LOG.error("The local stack failed to start", e);
            System.exit(1);
        }
        stack.awaitStop();
    }

    /**
     * {@code ./run-local.sh token <role> [agency-code] [--subtree]}: prints one signed token on stdout and nothing
     * else, so that {@code TOKEN=$(./run-local.sh token ...)} works. Starts nothing and takes no lock (a running stack
     * is fine); creates the key pair when there is none yet.
     *
     * @return the exit code: 0, or 2 for bad arguments (explained on stderr)
     */
    static int printToken(List<String> args, Path repositoryRoot) {
        DevTokens.Claims claims;
        try {
            claims = DevTokens.Claims.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("run-local.sh token: " + e.getMessage());
            System.err.println("Usage: ./run-local.sh token <role> [agency-code] [--subtree]   (see --help)");
            return 2;
        }
        try {
            DevTokens tokens = DevTokens.loadOrCreate(DataDirectory.jwt(repositoryRoot.resolve(".local-data")));
            System.out.println(tokens.sign(claims));
            return 0;
        } catch (IOException | LaunchException e) {
            System.err.println("run-local.sh token: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Starts the infrastructure, then (unless {@code --infra-only}) the services, waits until they are ready, loads
     * the demo data and prints the summary.
     *
     * @throws LaunchException with a message for the user when something does not start
     */
    public void start() throws IOException, SQLException {
        long begin = System.nanoTime();
        if (!options.infraOnly()) {
            requireRunnerJars();
        }
        data = DataDirectory.open(repositoryRoot.resolve(".local-data"));
        if (options.fresh()) {
            LOG.info("--fresh: deleting the data in {}", data.root());
            data.wipe();
        }
        tokens = DevTokens.loadOrCreate(data.jwt());
        data.stopLeftoverServices();
        data.stopLeftoverPostgres();
        Ports.requireFree(options.allPorts());

        startInfrastructure();
        if (stopping) {
            return;
        }
        Duration infrastructure = Duration.ofNanos(System.nanoTime() - begin);
        LOG.info("Infrastructure ready in {}", ConsoleReport.seconds(infrastructure));
        if (options.infraOnly()) {
            console.print(report(infrastructure, null, Map.of()));
            return;
        }

        long servicesBegin = System.nanoTime();
        startServices();
        if (!awaitReady(servicesBegin)) {
            return;
        }
        Duration servicesReady = Duration.ofNanos(System.nanoTime() - servicesBegin);
        Map<AppService, Long> rss = new EnumMap<>(AppService.class);
        services.forEach(s ->
                rss.put(s.service(), Processes.residentMegabytes(s.process().pid())));
        services.forEach(s -> {
            s.ready();
            watch(s, s.process());
        });

        if (options.demo()) {
            loadDemoData();
        }
        console.print(report(infrastructure, servicesReady, rss));
    }

    /** Blocks until the shutdown hook has stopped everything. */
    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the services (SIGTERM, 20 s grace, then SIGKILL for them and their descendants), then Kafka, then
     * PostgreSQL. Safe to call more than once and while {@link #start()} is still running.
     */
    public void stop() {
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        stopRequested.countDown();
        long begin = System.nanoTime();
        boolean started = postgresStart != null || kafka != null || !services.isEmpty();
        if (started) {
            LOG.info("Stopping the local stack...");
        }
        stopServices();
        stopKafka();
        stopPostgres();
        DataDirectory directory = data;
        if (directory != null) {
            try {
                directory.clearServicePids();
                directory.close();
            } catch (IOException e) {
                LOG.warn("Could not release {}: {}", directory.root(), e.toString());
            }
        }
        if (started) {
            LOG.info("Stopped in {}", ConsoleReport.seconds(Duration.ofNanos(System.nanoTime() - begin)));
        }
        stopped.countDown();
    }

    private void requireRunnerJars() {
        List<String> missing = new ArrayList<>();
        for (AppService service : AppService.values()) {
            Path jar = service.runnerJar(repositoryRoot);
            if (!Files.isRegularFile(jar)) {
                missing.add(repositoryRoot.relativize(jar).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchException("Not built yet: " + String.join(", ", missing)
                    + ". Run ./run-local.sh --rebuild (or ./mvnw -DskipTests install).");
        }
    }

    private void startInfrastructure() throws IOException, SQLException {
        Path logs = data.logs();
        Files.createDirectories(logs);
        LogFiles.rotate(logs.resolve("postgres.log"));
        CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(() -> {
            try {
                return PostgresServer.start(
                        data.postgresData(), data.postgresWork(), logs.resolve("postgres.log"), options.postgresPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        postgresStart = postgres;
        KafkaBroker broker = KafkaBroker.start(data.kafka(), options.kafkaPort(), options.kafkaControllerPort());
        synchronized (lifecycle) {
            kafka = broker;
            if (stopping) {
                return;
            }
        }
        broker.createTopics(TOPICS, TOPIC_PARTITIONS);
        PostgresServer server = join(postgres);
        server.ensureDatabases(
                DB_USER,
                DB_PASSWORD,
                Stream.of(AppService.values()).map(AppService::database).toList());
    }

    private void startServices() throws IOException {
        for (AppService service : AppService.values()) {
            ServiceProcess process;
            synchronized (lifecycle) {
                if (stopping) {
                    return;
                }
                process = spawn(service, null);
                services.add(new SupervisedService(service, process, RestartPolicy.standard()));
            }
            LOG.info("Started {} (pid {}) on port {}", service.moduleName(), process.pid(), options.httpPort(service));
        }
        recordServicePids();
    }

    /** Starts one service process; the caller holds {@link #lifecycle} and has checked {@link #stopping}. */
    private ServiceProcess spawn(AppService service, String restartNote) throws IOException {
        PostgresServer postgres = join(postgresStart);
        Map<String, String> environment = new HashMap<>();
        environment.put("DB_URL", postgres.jdbcUrl(service.database()));
        environment.put("DB_USERNAME", DB_USER);
        environment.put("DB_PASSWORD", DB_PASSWORD);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("JWT_ISSUER", DevTokens.ISSUER);
        environment.put("JWT_PUBLIC_KEY_LOCATION", tokens.publicKeyFile().toString());
        if (!options.corsOrigins().isEmpty()) {
            environment.put("CORS_ORIGINS", options.corsOrigins());
        }
        return ServiceProcess.start(
                service,
                service.runnerJar(repositoryRoot),
                options.httpPort(service),
                environment,
                options.serviceJvmOptions(),
                data.logs().resolve(service.moduleName() + ".log"),
                restartNote);
    }

    private void recordServicePids() throws IOException {
        data.recordServicePids(services.stream().map(s -> s.process().pid()).toList());
    }

    /** Polls every readiness endpoint; returns {@code false} if the stack began stopping meanwhile. */
    private boolean awaitReady(long servicesBegin) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        Map<ServiceProcess, String> pending = new LinkedHashMap<>();
        services.forEach(s -> pending.put(s.process(), "not started"));
        long deadline = servicesBegin + options.readyTimeout().toNanos();
        while (!pending.isEmpty()) {
            if (stopping) {
                return false;
            }
            for (ServiceProcess service : List.copyOf(pending.keySet())) {
                if (!service.isAlive()) {
                    throw new LaunchException(service.service().moduleName() + " exited with code "
                            + service.exitValue() + " before it was ready." + logTail(service));
                }
                String state = service.probeReadiness(http);
                if (state == null) {
                    pending.remove(service);
                    LOG.info(
                            "{} ready after {}",
                            service.service().moduleName(),
                            ConsoleReport.seconds(Duration.ofNanos(System.nanoTime() - servicesBegin)));
                } else {
                    pending.put(service, state);
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder();
                pending.forEach(
                        (service, state) -> message.append(service.service().moduleName())
                                .append(" was not ready within ")
                                .append(options.readyTimeout().toSeconds())
                                .append(" s (")
                                .append(service.readinessUri())
                                .append(": ")
                                .append(state)
                                .append(").")
                                .append(logTail(service))
                                .append(System.lineSeparator()));
                throw new LaunchException(message.toString().trim());
            }
            if (!pending.isEmpty()) {
                Processes.sleep(Duration.ofMillis(500));
            }
        }
        return true;
    }

    private void loadDemoData() {
        Path manifestFile = repositoryRoot.resolve(options.demoManifest()).normalize();
        if (!Files.isRegularFile(manifestFile)) {
            console.println("  no demo data manifest (" + options.demoManifest() + ")");
            return;
        }
        DemoManifest manifest;
        try {
            manifest = DemoManifest.parse(
                    Files.readString(manifestFile, StandardCharsets.UTF_8), manifestFile.getParent());
        } catch (IOException | IllegalArgumentException e) {
            console.println("  demo data not loaded: " + manifestFile + ": " + e.getMessage());
            return;
        }
        long begin = System.nanoTime();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        boolean complete = new DemoLoader(
                        http, options.httpPorts(), tokens.sign(DevTokens.Claims.launcherAdmin()), console)
                .load(manifest);
        if (complete) {
            console.println("  demo data loaded (" + manifest.steps().size() + " steps) in "
                    + ConsoleReport.seconds(Duration.ofNanos(System.nanoTime() - begin)));
        }
    }

    private void watch(SupervisedService supervised, ServiceProcess process) {
        process.onExit().thenRun(() -> onServiceExit(supervised, process));
    }

    /**
     * Handles a process that exited while the stack runs: logs its exit code and log tail, asks the service's
     * {@link RestartPolicy}, and restarts it on a thread of its own or gives up loudly. Nothing is restarted once the
     * stack is stopping.
     */
    private void onServiceExit(SupervisedService supervised, ServiceProcess process) {
        if (stopping) {
            return;
        }
        Instant now = Instant.now();
        // On Ctrl-C in a terminal the services get SIGINT too and may exit before our hook has set the flag.
        Processes.sleep(Duration.ofMillis(500));
        if (stopping) {
            return;
        }
        Duration uptime = Duration.between(process.startedAt(), now);
        RestartPolicy.Decision decision = supervised.policy().onExit(now, uptime);
        supervised.exited(process.exitValue(), now, decision);
        String name = supervised.service().moduleName();
        LOG.error(
                "{} (pid {}) exited unexpectedly with code {} after {} up.{}",
                name,
                process.pid(),
                process.exitValue(),
                ConsoleReport.seconds(uptime),
                logTail(process));
        if (decision instanceof RestartPolicy.Restart restart) {
            LOG.warn(
                    "Restarting {} in {} (restart {}; {} of {} exits within {} min before the launcher gives up)",
                    name,
                    ConsoleReport.seconds(restart.delay()),
                    restart.restart(),
                    restart.failuresInWindow(),
                    restart.maxFailures(),
                    restart.window().toMinutes());
            Thread restarter = new Thread(() -> restart(supervised, restart), "restart-" + name);
            restarter.setDaemon(true);
            restarter.start();
        } else if (decision instanceof RestartPolicy.GiveUp giveUp) {
            String rule = "!".repeat(100);
            String nl = System.lineSeparator();
            LOG.error(
                    "{}{}  GAVE UP on {}: it exited {} times within {} min, so the launcher no longer restarts it.{}"
                            + "  It stays down; the other services keep running. See {},{}"
                            + "  fix the cause, then stop this launcher (Ctrl-C) and start it again.{}{}",
                    nl,
                    rule + nl,
                    name,
                    giveUp.failures(),
                    giveUp.window().toMinutes(),
                    nl,
                    repositoryRoot.relativize(process.logFile()),
                    nl,
                    nl,
                    rule);
        }
        printStatus(name + " exited with code " + process.exitValue() + ":");
    }

    /** Waits out the backoff, starts a new process (unless the stack is stopping) and waits until it is ready. */
    private void restart(SupervisedService supervised, RestartPolicy.Restart restart) {
        String name = supervised.service().moduleName();
        try {
            if (stopRequested.await(restart.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ServiceProcess replacement;
        try {
            synchronized (lifecycle) {
                if (stopping) {
                    return;
                }
                replacement = spawn(
                        supervised.service(),
                        "restarted by the launcher at " + Instant.now() + " (restart " + restart.restart() + ")");
                supervised.restarted(replacement);
            }
            recordServicePids();
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not restart {}: {}", name, e.toString());
            return;
        }
        LOG.info("Restarted {} (pid {})", name, replacement.pid());
        watch(supervised, replacement);
        awaitReadyAgain(supervised, replacement);
    }

    /**
     * Polls a restarted process until it is ready. One that is not ready within the start timeout is killed, which
     * counts as another exit for its policy.
     */
    private void awaitReadyAgain(SupervisedService supervised, ServiceProcess process) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        String state = "not started";
        while (!stopping && process.isAlive()) {
            state = process.probeReadiness(http);
            if (state == null) {
                Duration down = supervised.readyAgain(Instant.now());
                LOG.info(
                        "{} is ready again, {} after its exit was detected (restart {})",
                        supervised.service().moduleName(),
                        ConsoleReport.seconds(down),
                        supervised.policy().restarts());
                printStatus(supervised.service().moduleName() + " is back:");
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.error(
                        "{} was not ready within {} s after its restart ({}); killing it",
                        supervised.service().moduleName(),
                        options.readyTimeout().toSeconds(),
                        state);
                supervised.notReady(state);
                process.stop(Duration.ZERO);
                return;
            }
            Processes.sleep(Duration.ofMillis(250));
        }
    }

    private void printStatus(String heading) {
        if (!stopping) {
            console.print(ConsoleReport.status(
                    heading, services.stream().map(SupervisedService::status).toList()));
        }
    }

    private void stopServices() {
        List<Thread> stoppers = new ArrayList<>();
        for (SupervisedService service : services) {
            Thread stopper = new Thread(
                    () -> {
                        boolean graceful = service.process().stop(STOP_GRACE);
                        LOG.info(
                                "Stopped {}{}",
                                service.service().moduleName(),
                                graceful ? "" : " (killed after " + STOP_GRACE.toSeconds() + " s)");
                    },
                    "stop-" + service.service().moduleName());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stopKafka() {
        KafkaBroker broker;
        synchronized (lifecycle) {
            broker = kafka;
        }
        if (broker == null) {
            return;
        }
        Thread stopper = new Thread(broker::close, "stop-kafka");
        stopper.start();
        try {
            stopper.join(KAFKA_STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            LOG.warn("Kafka did not stop within {} s; it ends with this JVM", KAFKA_STOP_TIMEOUT.toSeconds());
        } else {
            LOG.info("Stopped Kafka");
        }
    }

    private void stopPostgres() {
        CompletableFuture<PostgresServer> start = postgresStart;
        PostgresServer postgres = null;
        if (start != null) {
            try {
                // A start that is still under way must finish first, or its server would outlive this JVM.
                postgres = start.get(POSTGRES_START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("PostgreSQL start did not complete", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (postgres != null) {
                postgres.close();
                LOG.info("Stopped PostgreSQL");
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not stop PostgreSQL cleanly: {}", e.toString());
        }
        DataDirectory directory = data;
        if (directory != null) {
            directory.stopLeftoverPostgres();
        }
    }

    private String logTail(ServiceProcess service) {
        return System.lineSeparator() + "  Last lines of " + repositoryRoot.relativize(service.logFile()) + ":"
                + System.lineSeparator() + LogFiles.indent(LogFiles.tail(service.logFile(), LOG_TAIL_LINES), "    ");
    }

    private String report(Duration infrastructure, Duration servicesReady, Map<AppService, Long> rss) {
        return ConsoleReport.render(
                options,
                TOPICS,
                DB_USER,
                DB_PASSWORD,
                data.root(),
                tokens.publicKeyFile(),
                infrastructure,
                servicesReady,
                rss,
                restarts());
    }

    private Map<AppService, Integer> restarts() {
        Map<AppService, Integer> restarts = new EnumMap<>(AppService.class);
        services.forEach(s -> restarts.put(s.service(), s.policy().restarts()));
        return restarts;
    }

    private static <T> T join(CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LaunchException launch) {
                throw launch;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }
}
