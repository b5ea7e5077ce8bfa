package vn.partracker.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import vn.partracker.events.Topics;
import vn.partracker.localstack.AppService;
import vn.partracker.localstack.DevTokens;
import vn.partracker.localstack.KafkaBroker;
import vn.partracker.localstack.PostgresServer;
import vn.partracker.localstack.ServiceProcess;

/**
 * PostgreSQL, Kafka and the three services as separate processes, built from the local stack's own parts
 * ({@link PostgresServer}, {@link KafkaBroker}, {@link ServiceProcess}, {@link DevTokens}) but on free ports chosen at
 * run time and in a temporary directory, so that CI and parallel runs never clash and no {@code .local-data} is
 * touched. Unlike the launcher it does not restart a dead service by itself: the fault tests kill and restart
 * processes on purpose and must know when each one is back.
 */
final class E2eStack implements AutoCloseable {

    static final String DB_USER = "partracker";
    static final String DB_PASSWORD = "partracker";
    /** How long a service may take to answer UP after a (re)start; -De2e.readyTimeout=PT8M on a crowded machine. */
    private static final Duration READY_TIMEOUT = Duration.parse(System.getProperty("e2e.readyTimeout", "PT4M"));

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path root;
    private final Path repositoryRoot;
    private final int postgresPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final Map<AppService, Integer> ports = new EnumMap<>(AppService.class);
    private final Map<String, ServiceProcess> processes = new HashMap<>();
    private final List<String> extraDatabases = new ArrayList<>();
    private final DevTokens tokens;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Thread shutdownHook = new Thread(this::close, "e2e-stack-shutdown");

    private volatile PostgresServer postgres;
    private volatile KafkaBroker kafka;
    private boolean closed;

    private E2eStack(Path repositoryRoot, Path root) throws IOException {
        this.repositoryRoot = repositoryRoot;
        this.root = root;
        this.postgresPort = freePort();
        this.kafkaPort = freePort();
        this.kafkaControllerPort = freePort();
        for (AppService service : AppService.values()) {
            ports.put(service, freePort());
        }
        this.tokens = DevTokens.loadOrCreate(root.resolve("jwt"));
    }

    /**
     * Starts the infrastructure and the three services and waits until every service is ready. The repository root
     * comes from the system property {@code e2e.root} (set by the module's pom).
     */
    static E2eStack start() throws IOException, SQLException {
        Path repositoryRoot =
                Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
        for (AppService service : AppService.values()) {
            Path jar = service.runnerJar(repositoryRoot);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: the e2e tests run after `package` of the"
                        + " services (./mvnw verify, or ./mvnw -DskipTests install once before -pl e2e)");
            }
        }
        E2eStack stack = new E2eStack(repositoryRoot, Files.createTempDirectory("partracker-e2e-"));
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startPostgres();
            stack.startKafka();
            for (AppService service : AppService.values()) {
                stack.startService(service);
            }
            for (AppService service : AppService.values()) {
                stack.awaitReady(service.shortName());
            }
            return stack;
        } catch (IOException | SQLException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    DevTokens tokens() {
        return tokens;
    }

    HttpClient http() {
        return http;
    }

    int port(AppService service) {
        return ports.get(service);
    }

    Path logs() {
        return root.resolve("logs");
    }

    void startPostgres() throws IOException, SQLException {
        postgres = PostgresServer.start(
                root.resolve("postgres"), root.resolve("postgres-work"), logs().resolve("postgres.log"), postgresPort);
        List<String> databases = new ArrayList<>(
                Stream.of(AppService.values()).map(AppService::database).toList());
        databases.addAll(extraDatabases);
        postgres.ensureDatabases(DB_USER, DB_PASSWORD, databases);
    }

    /** Stops PostgreSQL with a fast shutdown (every connection of every service is cut). */
    void stopPostgres() throws IOException {
        PostgresServer server = postgres;
        postgres = null;
        if (server != null) {
            server.close();
        }
    }

    void startKafka() throws IOException {
        kafka = KafkaBroker.start(root.resolve("kafka"), kafkaPort, kafkaControllerPort);
        kafka.createTopics(Topics.ALL, 3);
    }

    /** Shuts the in-process broker down; it comes back on the same port and log directory with {@link #startKafka}. */
    void stopKafka() {
        KafkaBroker broker = kafka;
        kafka = null;
        if (broker != null) {
            broker.close();
        }
    }

    /** Σ over partitions of the end offsets of a topic: how many records it has ever received. */
    long topicRecords(String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p : partitions(admin, topic)) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            long total = 0;
            for (var info :
                    admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).values()) {
                total += info.offset();
            }
            return total;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Σ over partitions of a consumer group's committed offsets on a topic. */
    long committed(String group, String topic) {
        try (Admin admin = admin()) {
            long total = 0;
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
                if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                    total += e.getValue().offset();
                }
            }
            return total;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> partitions(Admin admin, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .stream()
                .map(TopicPartitionInfo::partition)
                .toList();
    }

    private Admin admin() {
        Properties config = new Properties();
        config.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        config.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return Admin.create(config);
    }

    /** Starts one of the three services under its own name ({@code plans}, {@code indicators}, {@code reporting}). */
    void startService(AppService service) throws IOException {
        start(service.shortName(), service, ports.get(service), service.database(), Map.of());
    }

    /**
     * Starts another reporting-service process with its own database (created empty when new) and its own name,
     * port and environment overrides (e.g. other consumer group ids).
     */
    void startExtraReporting(String name, int port, String database, Map<String, String> overrides)
            throws IOException, SQLException {
        if (!extraDatabases.contains(database)) {
            extraDatabases.add(database);
            postgres.ensureDatabases(DB_USER, DB_PASSWORD, List.of(database));
        }
        start(name, AppService.REPORTING, port, database, overrides);
        awaitReady(name);
    }

    private void start(String name, AppService service, int port, String database, Map<String, String> overrides)
            throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("DB_URL", PostgresServer.jdbcUrl(postgresPort, database));
        environment.put("DB_USERNAME", DB_USER);
        environment.put("DB_PASSWORD", DB_PASSWORD);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
        environment.put("JWT_ISSUER", DevTokens.ISSUER);
        environment.put("JWT_PUBLIC_KEY_LOCATION", tokens.publicKeyFile().toString());
        environment.putAll(overrides);
        ServiceProcess process = ServiceProcess.start(
                service,
                service.runnerJar(repositoryRoot),
                port,
                environment,
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                logs().resolve(name + ".log"),
                processes.containsKey(name) ? "restarted by the e2e test" : null);
        synchronized (processes) {
            processes.put(name, process);
        }
    }

    /** Waits until the named process answers UP on {@code /q/health/ready}; fails if it exits first. */
    Duration awaitReady(String name) {
        ServiceProcess process = process(name);
        long begin = System.nanoTime();
        long deadline = begin + READY_TIMEOUT.toNanos();
        String state = "not asked yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with code " + process.exitValue() + "; see " + process.logFile());
            }
            state = process.probeReadiness(http);
            if (state == null) {
                return Duration.ofNanos(System.nanoTime() - begin);
            }
            Waits.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(
                name + " not ready within " + READY_TIMEOUT + ": " + state + "; see " + process.logFile());
    }

    ServiceProcess process(String name) {
        synchronized (processes) {
            ServiceProcess process = processes.get(name);
            if (process == null) {
                throw new IllegalArgumentException("no process " + name);
            }
            return process;
        }
    }

    /** {@code kill -9} of the named service process (SIGKILL: no shutdown hook, no graceful Kafka close). */
    void kill9(String name) {
        ServiceProcess process = process(name);
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.onExit().join();
    }

    /** Stops every service, then Kafka, then PostgreSQL, and deletes the temporary directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ServiceProcess> running;
        synchronized (processes) {
            running = List.copyOf(processes.values());
        }
        running.forEach(p -> p.stop(STOP_GRACE));
        try {
            stopKafka();
        } catch (RuntimeException e) {
            // the broker may already be half down after a fault test; PostgreSQL must still stop
        }
        try {
            stopPostgres();
        } catch (IOException | RuntimeException e) {
            // nothing else to stop; the directory below is deleted anyway
        }
        if (!Boolean.getBoolean("e2e.keepData")) {
            deleteTree(root);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook itself
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
