package vn.partracker.plans.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.support.outbox.NewEvent;
import vn.partracker.support.outbox.OutboxWriter;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.TestInfrastructure;
import vn.partracker.testsupport.security.TestTokens;

/**
 * An outbox that cannot jam (issue 11, item 3): a poisoned row is parked after {@code max-attempts} tries while
 * other keys flow and the later rows of its key wait; an operator releases it; a broker outage parks nothing.
 * Runs with three tries and short backoffs so the test does not wait minutes.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@TestProfile(OutboxParkingIT.FastParking.class)
class OutboxParkingIT {

    static final String TOPIC = "partracker.test.outbox-parking";
    static final int MAX_ATTEMPTS = 3;

    /** Three tries, backoffs of a fraction of a second, a short send time-out. */
    public static class FastParking implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "partracker.outbox.max-attempts", String.valueOf(MAX_ATTEMPTS),
                    "partracker.outbox.retry-backoff", "100ms",
                    "partracker.outbox.retry-max-backoff", "300ms",
                    "partracker.outbox.send-timeout", "3s",
                    "partracker.outbox.max-backoff", "1s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxWriter writer;

    @Test
    void aPoisonedRowIsParkedAfterMaxAttemptsWhileOtherKeysFlowAndItsKeyWaits() {
        String poisoned = "poisoned-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> writer.appendAll(List.of(
                        new NewEvent("no such topic!", poisoned, "test.first", Map.of("n", 1)),
                        new NewEvent(TOPIC, poisoned, "test.second", Map.of("n", 2)),
                        new NewEvent(TOPIC, other, "test.first", Map.of("n", 1)),
                        new NewEvent(TOPIC, other, "test.second", Map.of("n", 2)))));
        long poisonSeq = seq(poisoned, "test.first");
        long heldSeq = seq(poisoned, "test.second");

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> parkedEntry(poisonSeq) != null);
        Map<String, Object> parked = parkedEntry(poisonSeq);
        assertEquals(MAX_ATTEMPTS, parked.get("attempts"), "parked after exactly max-attempts tries");
        assertEquals(poisoned, parked.get("key"));
        assertEquals("no such topic!", parked.get("topic"));
        assertEquals("test.first", parked.get("type"));
        assertTrue(String.valueOf(parked.get("lastError")).contains("InvalidTopicException"), parked.toString());
        assertTrue(parked.get("parkedAt") != null && parked.get("id") != null);

        List<ConsumerRecord<String, String>> published =
                read(r -> r.stream().filter(e -> other.equals(e.key())).count() >= 2);
        assertEquals(List.of("test.first", "test.second"), types(published, other), "the other key flowed, in order");
        assertEquals(List.of(), types(published, poisoned), "the poisoned key's later row waits");
        assertEquals(
                1,
                longValue(
                        "SELECT count(*) FROM outbox_event WHERE seq = ? AND sent_at IS NULL"
                                + " AND parked_at IS NULL AND attempts = 0",
                        heldSeq),
                "held back, untried, not parked");

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(gauge(metrics, "partracker_outbox_parked") >= 1, "parked gauge");
        assertTrue(gauge(metrics, "partracker_outbox_pending") >= 1, "the held-back row is pending");
        assertTrue(gauge(metrics, "partracker_outbox_oldest_unsent_age_seconds") > 0, "and ageing");

        update("UPDATE outbox_event SET topic = ? WHERE seq = ?", TOPIC, poisonSeq);
        given().post("/api/admin/outbox/parked/" + poisonSeq + "/retry")
                .then()
                .statusCode(200)
                .body("seq", equalTo((int) poisonSeq))
                .body("attempts", equalTo(0))
                .body("parkedAt", nullValue());

        List<ConsumerRecord<String, String>> after =
                read(r -> r.stream().filter(e -> poisoned.equals(e.key())).count() >= 2);
        assertEquals(List.of("test.first", "test.second"), types(after, poisoned), "released in its key's order");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> longValue(
                                "SELECT count(*) FROM outbox_event WHERE msg_key = '" + poisoned
                                        + "' AND sent_at IS NULL AND seq >= ?",
                                poisonSeq)
                        == 0);
        given().get("/api/audit?entityType=OutboxEvent&entityId=" + poisonSeq)
                .then()
                .statusCode(200)
                .body("items[0].action", equalTo("outbox.parked.retried"))
                .body("items[0].actorSubject", equalTo("test-admin"));
    }

    @Test
    void aRecordOverTheProducerLimitIsParkedAtOnce() {
        String key = "huge-" + UUID.randomUUID();
        update(
                "INSERT INTO outbox_event (id, topic, msg_key, ce_type, ce_source, ce_subject, ce_time, payload)"
                        + " VALUES (?::uuid, ?, ?, 'test.huge', '/plans-service', ?, now(), ?)",
                UUID.randomUUID().toString(),
                TOPIC,
                key,
                key,
                "\"" + "x".repeat(1_200_000) + "\"");
        long seq = seq(key, "test.huge");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> parkedEntry(seq) != null);
        Map<String, Object> parked = parkedEntry(seq);
        assertEquals(1, parked.get("attempts"), "no point in trying a too-large record again");
        assertTrue(String.valueOf(parked.get("lastError")).contains("RecordTooLargeException"), parked.toString());
    }

    @Test
    void theWriterRefusesAnEventOver256KilobytesAndWritesNothing() {
        String key = "big-" + UUID.randomUUID();
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> writer.append(TOPIC, key, "plan.issued", Map.of("blob", "x".repeat(300_000)))));
        assertTrue(refused.getMessage().contains("plan.issued"), refused.getMessage());
        assertTrue(refused.getMessage().contains("300011 bytes"), refused.getMessage());
        assertEquals(0, longValue("SELECT count(*) FROM outbox_event WHERE msg_key = '" + key + "' AND seq > ?", 0));
        QuarkusTransaction.requiringNew()
                .run(() -> writer.append(TOPIC, key, "plan.issued", Map.of("blob", "x".repeat(200_000))));
        assertEquals(1, longValue("SELECT count(*) FROM outbox_event WHERE msg_key = '" + key + "' AND seq > ?", 0));
    }

    @Test
    void whileTheBrokerIsDownNothingIsCountedOrParked() {
        String key = "outage-" + UUID.randomUUID();
        var proxy = TestInfrastructure.get().kafkaProxy();
        proxy.cut();
        long seq;
        try {
            QuarkusTransaction.requiringNew().run(() -> writer.append(TOPIC, key, "test.outage", Map.of("n", 1)));
            seq = seq(key, "test.outage");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(40))
                    .until(() ->
                            longValue("SELECT count(*) FROM outbox_event WHERE seq = ? AND last_error IS NOT NULL", seq)
                                    == 1);
            Awaitility.await()
                    .pollDelay(Duration.ofSeconds(8))
                    .atMost(Duration.ofSeconds(9))
                    .until(() -> true);
            assertEquals(
                    1,
                    longValue(
                            "SELECT count(*) FROM outbox_event WHERE seq = ? AND attempts = 0 AND parked_at IS NULL"
                                    + " AND sent_at IS NULL",
                            seq),
                    "tried and failed, but an outage is not the row's fault");
        } finally {
            proxy.restore();
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        longValue("SELECT count(*) FROM outbox_event WHERE seq = ? AND sent_at IS NOT NULL", seq) == 1);
        assertNull(parkedEntry(seq));
    }

    @Test
    void retryingAnUnknownOrUnparkedRowIsAProblemAndChangesNothing() {
        String key = "plain-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> writer.append(TOPIC, key, "test.plain", Map.of("n", 1)));
        long seq = seq(key, "test.plain");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        longValue("SELECT count(*) FROM outbox_event WHERE seq = ? AND sent_at IS NOT NULL", seq) == 1);
        long audits = longValue("SELECT count(*) FROM audit_entry WHERE seq > ?", 0);
        String before = rowState(seq);

        given().post("/api/admin/outbox/parked/" + Long.MAX_VALUE + "/retry")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().post("/api/admin/outbox/parked/not-a-number/retry").then().statusCode(404);
        given().post("/api/admin/outbox/parked/" + seq + "/retry")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(TestTokens.of("planner", null)))
                .post("/api/admin/outbox/parked/" + seq + "/retry")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.of("viewer", null)))
                .get("/api/admin/outbox/parked")
                .then()
                .statusCode(403);

        assertEquals(before, rowState(seq));
        assertEquals(audits, longValue("SELECT count(*) FROM audit_entry WHERE seq > ?", 0), "nothing audited");
    }

    private Map<String, Object> parkedEntry(long seq) {
        JsonPath list = given().get("/api/admin/outbox/parked")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> all = list.getList("$");
        return all.stream()
                .filter(e -> ((Number) e.get("seq")).longValue() == seq)
                .findFirst()
                .orElse(null);
    }

    private static List<ConsumerRecord<String, String>> read(
            java.util.function.Predicate<List<ConsumerRecord<String, String>>> done) {
        return KafkaTestClient.readUntil(TOPIC, Duration.ofSeconds(30), done);
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records, String key) {
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            if (key.equals(r.key())) {
                types.add(KafkaTestClient.header(r, CloudEventHeaders.TYPE));
            }
        }
        return types;
    }

    private static double gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(metrics);
        assertTrue(m.find(), name + " is exported");
        return Double.parseDouble(m.group(2));
    }

    private long seq(String key, String type) {
        return longValue(
                "SELECT seq FROM outbox_event WHERE msg_key = '" + key + "' AND ce_type = '" + type + "' AND seq > ?",
                0);
    }

    private String rowState(long seq) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT attempts, sent_at, parked_at, last_error, next_attempt_at FROM outbox_event WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long longValue(String sql, long param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
