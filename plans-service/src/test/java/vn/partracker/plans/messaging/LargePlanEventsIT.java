package vn.partracker.plans.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventTypes;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.fixtures.TableCounts;

/**
 * Issue 11 item 3: a plan of 3,000 agencies × 29 tasks (87,000 assignments, ~25 MB as one event) publishes as
 * events under 256 KB each, all of them reach Kafka, and a consumer applying them in order holds every task and
 * assignment.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class LargePlanEventsIT {

    static final int AGENCIES = 3_000;
    static final int TASKS = 29;
    static final int LIMIT = 256 * 1024;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPlanOf3000AgenciesBy29TasksPublishesInEventsUnder256KB() {
        LargePlan big = new LargePlan(dataSource, AGENCIES, TASKS);
        long started = System.nanoTime();
        big.issue();
        long issueMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(
                AGENCIES * TASKS,
                TableCounts.count(dataSource, "SELECT count(*) FROM assignment WHERE plan_id = ?::uuid", big.planId));

        long rows = TableCounts.count(
                dataSource,
                "SELECT count(*) FROM outbox_event WHERE msg_key = ? AND topic = 'partracker.plans'",
                big.planId);
        long largest = TableCounts.count(
                dataSource, "SELECT max(octet_length(payload)) FROM outbox_event WHERE msg_key = ?", big.planId);
        long total = TableCounts.count(
                dataSource, "SELECT sum(octet_length(payload)) FROM outbox_event WHERE msg_key = ?", big.planId);
        assertTrue(largest < LIMIT, "largest payload " + largest);
        assertTrue(rows > TASKS, "split into " + rows + " events");

        List<ConsumerRecord<String, String>> records = big.read(rows);
        assertEquals(rows, records.size(), "every event published once");
        for (ConsumerRecord<String, String> r : records) {
            int size =
                    r.value().getBytes(StandardCharsets.UTF_8).length + r.key().length();
            for (var h : r.headers()) {
                size += h.key().length() + h.value().length;
            }
            assertTrue(size < LIMIT, "record of " + size + " bytes");
        }
        assertEquals(EventTypes.PLAN_ISSUED, KafkaTestClient.header(records.get(0), CloudEventHeaders.TYPE));
        assertEquals(
                rows - 1,
                records.stream()
                        .filter(r -> EventTypes.TASK_ASSIGNED.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)))
                        .count());

        LargePlan.Replica replica = new LargePlan.Replica();
        records.forEach(replica::apply);
        assertEquals("ISSUED", replica.status);
        assertEquals(TASKS, replica.tasks.size());
        assertEquals(AGENCIES * TASKS, replica.assignments.size());
        Set<UUID> agencies = new HashSet<>();
        replica.assignments.values().forEach(a -> agencies.add(a.agencyId()));
        assertEquals(AGENCIES, agencies.size());
        replica.tasks
                .keySet()
                .forEach(task -> assertEquals(
                        AGENCIES,
                        replica.assignments.values().stream()
                                .filter(a -> a.taskId().equals(task))
                                .count()));
        Log.infof(
                "large plan: %d assignments issued in %d ms as %d events, %d bytes in all, largest %d bytes",
                AGENCIES * TASKS, issueMs, rows, total, largest);
        big.delete(dataSource);
    }
}
