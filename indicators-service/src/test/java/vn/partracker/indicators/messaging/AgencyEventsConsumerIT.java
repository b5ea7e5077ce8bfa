package vn.partracker.indicators.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;

/** The agency replica consumer on the real broker: applied once, in version order, and nothing lost. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AgencyEventsConsumerIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSameEventDeliveredTwiceChangesStateOnce() {
        UUID agency = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        AgencyUpserted payload = payload(agency, 0, "UBND huyện Đăk Hà", "DISTRICT", null);
        send(eventId, agency, payload);
        awaitReplica(agency, 0);
        String firstReplicatedAt = text("SELECT replicated_at::text FROM agency_replica WHERE id = ?", agency);

        send(eventId, agency, payload);
        UUID marker = UUID.randomUUID();
        send(UUID.randomUUID(), marker, payload(marker, 0, "UBND xã Hà Mòn", "COMMUNE", agency));
        awaitReplica(marker, 0);

        assertEquals(firstReplicatedAt, text("SELECT replicated_at::text FROM agency_replica WHERE id = ?", agency));
        assertEquals("1", text("SELECT count(*)::text FROM processed_event WHERE event_id = ?", eventId));
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() {
        UUID agency = UUID.randomUUID();
        send(UUID.randomUUID(), agency, payload(agency, 2, "Sở Nội vụ (v2)", "PROVINCE", null));
        awaitReplica(agency, 2);
        send(UUID.randomUUID(), agency, payload(agency, 1, "Sở Nội vụ (v1)", "PROVINCE", null));
        UUID marker = UUID.randomUUID();
        send(UUID.randomUUID(), marker, payload(marker, 0, "Sở Tư pháp", "PROVINCE", null));
        awaitReplica(marker, 0);
        assertEquals("Sở Nội vụ (v2)", text("SELECT name FROM agency_replica WHERE id = ?", agency));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndConsumptionContinues() {
        UUID broken = UUID.randomUUID();
        KafkaTestClient.send(Topics.AGENCIES, broken.toString(), "{not json", Map.of());
        UUID next = UUID.randomUUID();
        send(UUID.randomUUID(), next, payload(next, 0, "Sở Y tế", "PROVINCE", null));
        awaitReplica(next, 0);
        var dead = KafkaTestClient.readUntil(
                "partracker.dlq.indicators-service",
                Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> broken.toString().equals(r.key())));
        assertTrue(dead.stream().anyMatch(r -> broken.toString().equals(r.key())), "kept on the dead-letter topic");
    }

    private static void send(UUID eventId, UUID agency, AgencyUpserted payload) {
        TestEvents.publish(eventId, payload);
    }

    private static AgencyUpserted payload(UUID id, long version, String name, String level, UUID parent) {
        return TestEvents.agency(
                id, version, "KT." + id.toString().substring(0, 8), name, "PEOPLES_COMMITTEE", level, parent);
    }

    private void awaitReplica(UUID id, long version) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> String.valueOf(version)
                        .equals(text("SELECT source_version::text FROM agency_replica WHERE id = ?", id)));
    }

    private String text(String sql, UUID param) {
        return TableCounts.text(dataSource, sql, param);
    }
}
