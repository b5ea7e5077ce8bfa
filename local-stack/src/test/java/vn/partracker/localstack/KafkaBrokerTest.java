package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

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
}
