package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.partracker.events.Topics;

class KafkaBrokerTest {

    @Test
    void singleCombinedNodeOnLoopbackWithReplicationFactorOne() {
        Properties props = KafkaBroker.serverProperties(Path.of("/data/kafka/data"), 59092, 59093);

        assertEquals("broker,controller", props.getProperty("process.roles"));
        assertEquals("1@127.0.0.1:59093", props.getProperty("controller.quorum.voters"));
        assertEquals("PLAINTEXT://127.0.0.1:59092,CONTROLLER://127.0.0.1:59093", props.getProperty("listeners"));
        assertEquals("PLAINTEXT://127.0.0.1:59092", props.getProperty("advertised.listeners"));
        assertEquals("/data/kafka/data", props.getProperty("log.dirs"));
        assertEquals("3", props.getProperty("num.partitions"));
        assertEquals("true", props.getProperty("auto.create.topics.enable"));
        assertEquals("0", props.getProperty("group.initial.rebalance.delay.ms"));
        for (String key : new String[] {
            "default.replication.factor",
            "offsets.topic.replication.factor",
            "transaction.state.log.replication.factor",
            "transaction.state.log.min.isr",
            "share.coordinator.state.topic.replication.factor",
            "share.coordinator.state.topic.min.isr",
            "min.insync.replicas"
        }) {
            assertEquals("1", props.getProperty(key), key);
        }
    }

    /**
     * A real broker: the suite's topics are created compacted (full-state topics) or kept forever (plans), and a
     * topic left by an earlier version with the broker's 7-day default is brought to the same settings.
     */
    @Test
    void topicsAreCreatedAndConvergedToTheirRetention(@TempDir Path directory) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(directory, freePort(), freePort());
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.MEASUREMENTS, 3, (short) 1)))
                    .all()
                    .get();
            assertEquals("delete", broker.topicConfig(Topics.MEASUREMENTS).get("cleanup.policy"));

            broker.createTopics(Topics.ALL, 3);

            for (String topic : Topics.ALL) {
                Map<String, String> actual = broker.topicConfig(topic);
                Topics.configOf(topic).forEach((key, value) -> assertEquals(value, actual.get(key), topic + " " + key));
            }
            assertEquals("compact", broker.topicConfig(Topics.MEASUREMENTS).get("cleanup.policy"));
            assertEquals("-1", broker.topicConfig(Topics.PLANS).get("retention.ms"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
