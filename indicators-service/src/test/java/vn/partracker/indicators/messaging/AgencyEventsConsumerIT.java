package vn.partracker.indicators.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.ParentLink;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;

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
        String payload = payload(agency, 0, "UBND huyện Đăk Hà", "DISTRICT", null);
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

    private static void send(UUID eventId, UUID agency, String payload) {
        KafkaTestClient.send(
                Topics.AGENCIES,
                agency.toString(),
                payload,
                Map.of(
                        CloudEventHeaders.ID,
                        eventId.toString(),
                        CloudEventHeaders.TYPE,
                        EventTypes.AGENCY_UPSERTED,
                        CloudEventHeaders.SOURCE,
                        "/plans-service",
                        CloudEventHeaders.SUBJECT,
                        agency.toString(),
                        CloudEventHeaders.TIME,
                        OffsetDateTime.now().toString(),
                        CloudEventHeaders.SPEC_VERSION,
                        "1.0"));
    }

    private static String payload(UUID id, long version, String name, String level, UUID parent) {
        return EventJson.write(new AgencyUpserted(
                1,
                id,
                version,
                "KT." + id.toString().substring(0, 8),
                name,
                null,
                "PEOPLES_COMMITTEE",
                level,
                parent,
                List.of(new ParentLink(parent, LocalDate.of(2020, 1, 1), null)),
                List.of(),
                LocalDate.of(2020, 1, 1),
                null,
                List.of()));
    }

    private void awaitReplica(UUID id, long version) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> String.valueOf(version)
                        .equals(text("SELECT source_version::text FROM agency_replica WHERE id = ?", id)));
    }

    private String text(String sql, UUID param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
