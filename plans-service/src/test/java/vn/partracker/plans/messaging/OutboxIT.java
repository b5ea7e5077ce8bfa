package vn.partracker.plans.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.plans.KonTumAgencies;
import vn.partracker.support.outbox.OutboxRelay;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.TestInfrastructure;

/** The transactional outbox against the real broker: nothing lost, nothing phantom, order kept per key. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OutboxIT {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RollbackProbe rollbackProbe;

    @Inject
    RelayCrashHook crashHook;

    @Inject
    OutboxRelay relay;

    @Test
    void anAgencyChangeIsPublishedWithCloudEventsHeaders() {
        String code = "KT.VPUBND." + KonTumAgencies.suffix();
        String id = KonTumAgencies.create(code, "Văn phòng UBND tỉnh", "OFFICE", "PROVINCE", null);

        List<ConsumerRecord<String, String>> events = eventsFor(id, 1);
        assertEquals(1, events.size());
        ConsumerRecord<String, String> event = events.get(0);
        assertEquals(EventTypes.AGENCY_UPSERTED, KafkaTestClient.header(event, CloudEventHeaders.TYPE));
        assertEquals("/plans-service", KafkaTestClient.header(event, CloudEventHeaders.SOURCE));
        assertEquals(id, KafkaTestClient.header(event, CloudEventHeaders.SUBJECT));
        assertEquals("1.0", KafkaTestClient.header(event, CloudEventHeaders.SPEC_VERSION));
        UUID.fromString(KafkaTestClient.header(event, CloudEventHeaders.ID));
        assertTrue(KafkaTestClient.header(event, CloudEventHeaders.TIME).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        AgencyUpserted payload = EventJson.read(event.value(), AgencyUpserted.class);
        assertEquals(1, payload.schemaVersion());
        assertEquals(code, payload.code());
        assertEquals("Văn phòng UBND tỉnh", payload.name());
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverPublished() {
        String phantomKey = "rolled-back-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> rollbackProbe.appendThenFail(phantomKey));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE msg_key = ?", phantomKey));

        String marker = KonTumAgencies.create(
                "KT.STC." + KonTumAgencies.suffix(), "Sở Tài chính", "DEPARTMENT", "PROVINCE", null);
        List<ConsumerRecord<String, String>> all = KafkaTestClient.readUntil(
                Topics.AGENCIES,
                Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> r.key().equals(marker)));
        assertTrue(all.stream().anyMatch(r -> r.key().equals(marker)), "the marker event arrived");
        assertTrue(all.stream().noneMatch(r -> r.key().equals(phantomKey)), "the rolled-back event never did");
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndEveryEventFollowsInOrder() {
        String s = KonTumAgencies.suffix();
        String code = "KT.SNNPTNT." + s;
        var proxy = TestInfrastructure.get().kafkaProxy();
        String id;
        proxy.cut();
        try {
            id = KonTumAgencies.create(code, "Sở Nông nghiệp và PTNT", "DEPARTMENT", "PROVINCE", null);
            for (int version = 0; version < 3; version++) {
                Map<String, Object> body =
                        KonTumAgencies.body(code, "Sở Nông nghiệp và PTNT", "DEPARTMENT", "PROVINCE", null);
                body.put("shortName", "SNN v" + (version + 1));
                given().contentType(ContentType.JSON)
                        .header("If-Match", "\"" + version + "\"")
                        .body(body)
                        .put("/api/agencies/" + id)
                        .then()
                        .statusCode(200);
            }
            Awaitility.await()
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            count("SELECT count(*) FROM outbox_event WHERE msg_key = ? AND sent_at IS NULL", id) == 4);
        } finally {
            proxy.restore();
        }

        List<ConsumerRecord<String, String>> events = eventsFor(id, 4);
        List<Long> versions = events.stream()
                .map(r -> EventJson.read(r.value(), AgencyUpserted.class).version())
                .toList();
        assertEquals(List.of(0L, 1L, 2L, 3L), versions.subList(0, 4), "per-key order kept after the outage");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM outbox_event WHERE msg_key = ? AND sent_at IS NULL", id) == 0);
    }

    @Test
    void aRelayKilledBetweenPublishAndMarkPublishesAgain() {
        crashHook.armOnce();
        int crashesBefore = crashHook.crashes();
        String id = KonTumAgencies.create(
                "KT.SCT." + KonTumAgencies.suffix(), "Sở Công Thương", "DEPARTMENT", "PROVINCE", null);

        List<ConsumerRecord<String, String>> events = eventsFor(id, 2);
        assertEquals(crashesBefore + 1, crashHook.crashes());
        assertEquals(2, events.size(), "published once before the crash and once after");
        Set<String> ids = events.stream()
                .map(r -> KafkaTestClient.header(r, CloudEventHeaders.ID))
                .collect(Collectors.toSet());
        assertEquals(1, ids.size(), "both deliveries carry the same ce_id, so consumers can drop the second");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM outbox_event WHERE msg_key = ? AND sent_at IS NULL", id) == 0);
    }

    @Test
    void theRelayOutlivesAnErrorInARun() {
        crashHook.armErrorOnce();
        int crashesBefore = crashHook.crashes();
        String id =
                KonTumAgencies.create("KT.SNV." + KonTumAgencies.suffix(), "Sở Nội vụ", "DEPARTMENT", "PROVINCE", null);

        List<ConsumerRecord<String, String>> events = eventsFor(id, 2);
        assertEquals(crashesBefore + 1, crashHook.crashes());
        assertEquals(2, events.size(), "published before the Error and again by the same relay thread after it");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM outbox_event WHERE msg_key = ? AND sent_at IS NULL", id) == 0);
        String later = KonTumAgencies.create(
                "KT.STP." + KonTumAgencies.suffix(), "Sở Tư pháp", "DEPARTMENT", "PROVINCE", null);
        assertEquals(1, eventsFor(later, 1).size(), "and it keeps relaying");
    }

    @Test
    void aProducerClosedUnderTheRelayIsReplacedAndNoRowIsBlamed() throws Exception {
        String first =
                KonTumAgencies.create("KT.SYT." + KonTumAgencies.suffix(), "Sở Y tế", "DEPARTMENT", "PROVINCE", null);
        assertEquals(1, eventsFor(first, 1).size());
        // a producer in a state it cannot leave (closed here; a fatal idempotence error is the same to the relay)
        OutboxRelay target = io.quarkus.arc.ClientProxy.unwrap(relay);
        java.lang.reflect.Field field = OutboxRelay.class.getDeclaredField("producer");
        field.setAccessible(true);
        synchronized (target) {
            @SuppressWarnings("unchecked")
            var producer = (org.apache.kafka.clients.producer.KafkaProducer<String, String>) field.get(target);
            producer.close(Duration.ZERO);
        }
        String id = KonTumAgencies.create(
                "KT.SGD." + KonTumAgencies.suffix(), "Sở Giáo dục và Đào tạo", "DEPARTMENT", "PROVINCE", null);

        assertEquals(1, eventsFor(id, 1).size(), "published by a new producer");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM outbox_event WHERE msg_key = ? AND sent_at IS NULL", id) == 0);
        assertEquals(
                0,
                count("SELECT count(*) FROM outbox_event WHERE msg_key = ? AND parked_at IS NOT NULL", id),
                "a broken producer parks nothing");
    }

    private static List<ConsumerRecord<String, String>> eventsFor(String key, int expected) {
        return KafkaTestClient.readUntil(
                        Topics.AGENCIES,
                        Duration.ofSeconds(30),
                        read -> read.stream().filter(r -> key.equals(r.key())).count() >= expected)
                .stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    private long count(String sql, String param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
