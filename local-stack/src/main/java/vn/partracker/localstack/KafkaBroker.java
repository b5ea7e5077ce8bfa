package vn.partracker.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.partracker.events.Topics;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) running inside the launcher JVM.
 *
 * <p>Unlike the test kit, which formats fresh temporary directories on each start, the log directory is formatted
 * once with {@code StorageTool} and reused, so topics and consumer offsets survive restarts. The quorum is static
 * ({@code controller.quorum.voters}), so the ports can change between runs without reformatting.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private static final String NODE_ID = "1";

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Returns the broker configuration: one node, listeners on 127.0.0.1 only, replication factors of 1, three
     * partitions for auto-created topics and no initial rebalance delay, sized for a laptop rather than production.
     */
    public static Properties serverProperties(Path logDirectory, int port, int controllerPort) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", NODE_ID);
        props.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", logDirectory.toAbsolutePath().toString());
        props.setProperty("num.partitions", "3");
        props.setProperty("default.replication.factor", "1");
        props.setProperty("min.insync.replicas", "1");
        props.setProperty("auto.create.topics.enable", "true");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "5");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "5");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // After an unclean stop (kill -9) the restarted node waits for its old broker session to expire before it
        // is unfenced; the default 9 s session makes that restart 10 s slower.
        props.setProperty("broker.session.timeout.ms", "3000");
        props.setProperty("broker.heartbeat.interval.ms", "500");
        props.setProperty("num.network.threads", "2");
        props.setProperty("num.io.threads", "4");
        props.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return props;
    }

    /**
     * Formats the log directory if it has never been formatted, then starts the broker and waits until it answers.
     *
     * @param kafkaDirectory holds {@code server.properties} and the log directory {@code data}
     */
    public static KafkaBroker start(Path kafkaDirectory, int port, int controllerPort) throws IOException {
        Path logDirectory = kafkaDirectory.resolve("data");
        Files.createDirectories(logDirectory);
        Properties props = serverProperties(logDirectory, port, controllerPort);
        Path configFile = kafkaDirectory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            props.store(out, "Written by the PAR Tracker local stack on every start; edits are overwritten.");
        }
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(configFile);
        }
        KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            throw new LaunchException(
                    "Kafka did not start on 127.0.0.1:" + port + " (controller " + controllerPort + "): " + e
                            + System.lineSeparator() + "If its log directory is damaged, start again with --fresh.",
                    e);
        }
        KafkaBroker broker = new KafkaBroker(server, "127.0.0.1:" + port);
        broker.awaitReady(Duration.ofSeconds(60));
        return broker;
    }

    /** Returns the bootstrap servers string for clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates the topics that do not exist yet, with replication factor 1 and the retention each topic needs
     * ({@link Topics#configOf}); on topics that exist already (a data directory from an earlier version) the same
     * settings are set, so a kept stack converges to them. The partition count of an existing topic is left alone.
     */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1).configs(Topics.configOf(t)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.info(
                        "Created topics {}",
                        missing.stream().map(NewTopic::name).toList());
            }
            Map<ConfigResource, Collection<AlterConfigOp>> settings = new HashMap<>();
            for (String topic : topics) {
                if (existing.contains(topic)) {
                    settings.put(
                            new ConfigResource(ConfigResource.Type.TOPIC, topic),
                            Topics.configOf(topic).entrySet().stream()
                                    .map(e -> new AlterConfigOp(
                                            new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                                    .toList());
                }
            }
            if (!settings.isEmpty()) {
                admin.incrementalAlterConfigs(settings).all().get(30, TimeUnit.SECONDS);
            }
            awaitSettings(topics, Duration.ofSeconds(30));
        } catch (ExecutionException | TimeoutException e) {
            throw new LaunchException("Could not create the Kafka topics " + topics + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while creating Kafka topics", e);
        }
    }

    /**
     * Waits until the broker reports each topic's settings: an altered configuration reaches the broker's metadata
     * a moment after the controller accepted it, and the services must not start before.
     */
    private void awaitSettings(Collection<String> topics, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String topic : topics) {
            Map<String, String> wanted = Topics.configOf(topic);
            while (!topicConfig(topic).entrySet().containsAll(wanted.entrySet())) {
                if (System.nanoTime() > deadline) {
                    throw new LaunchException("Kafka did not apply the settings " + wanted + " to " + topic);
                }
                Thread.sleep(100);
            }
        }
    }

    /** The settings of one topic as the broker reports them (for checks and the tests). */
    public Map<String, String> topicConfig(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = admin()) {
            Config config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource);
            Map<String, String> values = new HashMap<>();
            config.entries().forEach(e -> values.put(e.name(), e.value()));
            return values;
        } catch (ExecutionException | TimeoutException e) {
            throw new LaunchException("Could not read the settings of topic " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while reading topic settings", e);
        }
    }

    /** Shuts the broker down (controlled shutdown) and waits for it. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LaunchException("Interrupted while waiting for Kafka", e);
                }
                Processes.sleep(Duration.ofMillis(200));
            }
        }
        throw new LaunchException("Kafka did not answer on " + bootstrapServers + " within " + timeout.toSeconds()
                + " s" + (last == null ? "" : ": " + last));
    }

    private Admin admin() {
        Properties config = new Properties();
        config.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "partracker-local-stack");
        config.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return Admin.create(config);
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(
                    new String[] {"format", "--config", configFile.toString(), "--cluster-id", clusterId}, print);
        } catch (RuntimeException e) {
            throw new LaunchException("Formatting the Kafka log directory failed: " + e.getMessage(), e);
        }
        String text = output.toString(StandardCharsets.UTF_8).trim();
        if (status != 0) {
            throw new LaunchException("Formatting the Kafka log directory failed (" + status + "): " + text);
        }
        LOG.info("Formatted the Kafka log directory (cluster id {})", clusterId);
    }
}
