package vn.partracker.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jboss.logging.Logger;
import vn.partracker.events.Topics;

/**
 * Real PostgreSQL (embedded binaries) and a real single-node Kafka KRaft broker for one test JVM, started once and
 * shared by every test class of a module. No Docker: PostgreSQL runs from the zonky binaries, Kafka in-process
 * from Kafka's own test kit, reached through a {@link KafkaProxy} so tests can make it unreachable.
 */
public final class TestInfrastructure {

    private static final Logger LOG = Logger.getLogger(TestInfrastructure.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestInfrastructure instance;

    private final EmbeddedPostgres postgres;
    private final KafkaClusterTestKit kafka;
    private final KafkaProxy proxy;

    private TestInfrastructure(EmbeddedPostgres postgres, KafkaClusterTestKit kafka, KafkaProxy proxy) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.proxy = proxy;
    }

    /** Starts both servers on first use; later calls return the running ones. */
    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-infrastructure-stop"));
        }
        return instance;
    }

    private static TestInfrastructure start() {
        long began = System.nanoTime();
        try {
            Path work = Files.createDirectories(Path.of("target", "test-infra"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work.resolve("pg").toFile())
                    .setDataDirectory(Files.createTempDirectory(work, "pgdata").toFile())
                    .setCleanDataDirectory(true)
                    .start();
            KafkaProxy proxy = new KafkaProxy();
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(work, "kafka").toAbsolutePath())
                    .build();
            String listener = nodes.brokerListenerName().value();
            KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("advertised.listeners", listener + "://127.0.0.1:" + proxy.port())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            kafka.format();
            kafka.startup();
            String direct = kafka.bootstrapServers().split(",")[0];
            int colon = direct.lastIndexOf(':');
            proxy.forwardTo(direct.substring(0, colon), Integer.parseInt(direct.substring(colon + 1)));
            kafka.waitForReadyBrokers();
            TestInfrastructure infra = new TestInfrastructure(postgres, kafka, proxy);
            infra.createTopics(Topics.ALL);
            LOG.infof(
                    "test infrastructure up in %d ms: PostgreSQL on port %d, Kafka at %s",
                    (System.nanoTime() - began) / 1_000_000, postgres.getPort(), infra.bootstrapServers());
            return infra;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test PostgreSQL and Kafka", e);
        }
    }

    private void stop() {
        proxy.close();
        try {
            kafka.close();
        } catch (Exception e) {
            LOG.warn("Kafka test broker did not stop cleanly", e);
        }
        try {
            postgres.close();
        } catch (Exception e) {
            LOG.warn("test PostgreSQL did not stop cleanly", e);
        }
    }

    /** Bootstrap address clients use (through the proxy). */
    public String bootstrapServers() {
        return "127.0.0.1:" + proxy.port();
    }

    /** The proxy in front of the broker, to make Kafka unreachable in a test. */
    public KafkaProxy kafkaProxy() {
        return proxy;
    }

    /** Creates a fresh, empty database and returns its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (Exception e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /**
     * Creates topics with three partitions each and, for the suite's topics, the retention they have in production
     * ({@link Topics#configOf}); other topics (dead-letter topics, test topics) get the broker's defaults. Existing
     * ones are left as they are.
     */
    public void createTopics(List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                                    .configs(Topics.ALL.contains(topic) ? Topics.configOf(topic) : Map.of())))
                            .all()
                            .get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics " + topics, e);
        }
    }

    /** Directory of the embedded servers' files, for diagnostics. */
    public File workDirectory() {
        return new File("target", "test-infra");
    }
}
