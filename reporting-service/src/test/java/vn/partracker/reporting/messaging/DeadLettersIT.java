package vn.partracker.reporting.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * Retry, then dead-letter, on the real broker and database: a database outage during consumption dead-letters
 * nothing and every figure is applied afterwards exactly once; an unreadable record goes to
 * {@code partracker.dlq.reporting-service} with its reason and is counted; a dead letter whose cause was fixed is
 * applied exactly once by a replay, and a second replay changes nothing.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DeadLettersIT {

    private static final String DLQ = "partracker.dlq.reporting-service";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anUnreadableRecordIsDeadLetteredWithItsReasonAndCounted() {
        double before = deadLettersCounted(Topics.MEASUREMENTS);
        String key = UUID.randomUUID().toString();
        KafkaTestClient.send(
                Topics.MEASUREMENTS,
                key,
                "{not json",
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", EventTypes.MEASUREMENT_SUBMITTED));
        List<ConsumerRecord<String, String>> dead =
                readDeadLetters(Duration.ofSeconds(30), read -> read.stream().anyMatch(r -> key.equals(r.key())));
        ConsumerRecord<String, String> letter = dead.stream()
                .filter(r -> key.equals(r.key()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not on " + DLQ));
        assertEquals("unreadable", KafkaTestClient.header(letter, "dead-letter-kind"));
        assertTrue(!KafkaTestClient.header(letter, "dead-letter-reason").isBlank(), "a reason");
        assertEquals(Topics.MEASUREMENTS, KafkaTestClient.header(letter, "dead-letter-topic"));
        assertNotNull(Integer.valueOf(KafkaTestClient.header(letter, "dead-letter-partition")));
        assertNotNull(Long.valueOf(KafkaTestClient.header(letter, "dead-letter-offset")));
        assertEquals(EventTypes.MEASUREMENT_SUBMITTED, KafkaTestClient.header(letter, "ce_type"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> deadLettersCounted(Topics.MEASUREMENTS) >= before + 1);

        JsonPath listed = given().get("/api/admin/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(DLQ, listed.getString("deadLetterTopic"));
        List<Map<String, Object>> records = listed.getList("records");
        assertTrue(
                records.stream()
                        .anyMatch(r -> key.equals(r.get("key"))
                                && "unreadable".equals(r.get("kind"))
                                && Topics.MEASUREMENTS.equals(r.get("topic"))
                                && r.get("reason") != null
                                && r.get("originalOffset") != null),
                "listed: " + records);
    }

    @Test
    void aReplayPassesOverAnUnreadableRecordInsteadOfDeadLetteringAndCountingItAgain() throws Exception {
        double before = deadLettersCounted(Topics.MEASUREMENTS);
        String key = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        KafkaTestClient.send(
                Topics.MEASUREMENTS,
                key,
                "{still not json",
                Map.of("ce_id", eventId, "ce_type", EventTypes.MEASUREMENT_SUBMITTED));
        readDeadLetters(Duration.ofSeconds(30), read -> read.stream().anyMatch(r -> key.equals(r.key())));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> given().get("/api/admin/dead-letters")
                        .jsonPath()
                        .getList("records.eventId")
                        .contains(eventId));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> deadLettersCounted(Topics.MEASUREMENTS) >= before + 1);
        double counted = deadLettersCounted(Topics.MEASUREMENTS);

        JsonPath replay = given().post("/api/admin/dead-letters/replay")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(replay.getInt("skipped") >= 1, "skipped: " + replay.prettify());

        // not republished: the measurement topic still holds it once, the dead-letter topic once, the counter is as
        // it was, and it is no longer waiting
        Thread.sleep(1_500);
        assertEquals(1, countOn(Topics.MEASUREMENTS, key, 2), "not republished to " + Topics.MEASUREMENTS);
        assertEquals(
                1,
                readDeadLetters(Duration.ofSeconds(3), read -> false).stream()
                        .filter(r -> key.equals(r.key()))
                        .count(),
                "dead-lettered once");
        assertEquals(counted, deadLettersCounted(Topics.MEASUREMENTS), "counted once");
        assertTrue(
                !given().get("/api/admin/dead-letters")
                        .jsonPath()
                        .getList("records.eventId")
                        .contains(eventId),
                "no longer waiting");
        assertTrue(
                TableCounts.count(
                                dataSource,
                                "SELECT count(*) FROM audit_entry WHERE action = 'dead-letters.replayed'"
                                        + " AND (after_json::jsonb ->> 'skipped')::int >= 1")
                        >= 1,
                "the replay's audit row says what it skipped");
    }

    @Test
    void aDatabaseOutageDuringConsumptionDeadLettersNothingAndEveryFigureIsAppliedAfter() throws Exception {
        UUID indicator = UUID.randomUUID();
        int figures = 60;
        double deadBefore = deadLettersCounted(Topics.MEASUREMENTS);
        List<UUID> ids = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        AtomicBoolean outage = new AtomicBoolean(true);
        AtomicInteger terminated = new AtomicInteger();
        Thread terminator = new Thread(() -> {
            // the service's database "restarts" again and again: every backend but this one is terminated
            // (57P01 admin_shutdown for a statement in flight, an I/O error for the next use of a pooled connection)
            while (outage.get()) {
                try (Connection c = dataSource.getConnection();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                                + " FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
                    rs.next();
                    terminated.addAndGet(rs.getInt(1));
                } catch (Exception e) {
                    // our own connection may have been a terminated one
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        terminator.start();
        long outageBegan = System.nanoTime();
        for (int i = 0; i < figures; i++) {
            UUID id = UUID.randomUUID();
            UUID eventId = UUID.randomUUID();
            MeasurementState figure = TestEvents.ratioFigure(
                    id, 1, 1, indicator, UUID.randomUUID(), "2024-Q3", "SUBMITTED", 9, 10, OffsetDateTime.now());
            String json = EventJson.write(figure);
            TestEvents.send(Topics.MEASUREMENTS, EventTypes.MEASUREMENT_SUBMITTED, id, eventId, json);
            ids.add(id);
            eventIds.add(eventId);
            payloads.add(json);
            Thread.sleep(80);
        }
        Thread.sleep(3_000);
        outage.set(false);
        terminator.join();
        long outageEnded = System.nanoTime();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> TableCounts.count(
                                dataSource, "SELECT count(*) FROM measurement WHERE indicator_id = ?", indicator),
                        n -> n == figures);
        long recovered = System.nanoTime();
        Log.infof(
                "database outage: %d backends terminated over %d ms; all %d figures applied %d ms after it ended",
                terminated.get(),
                (outageEnded - outageBegan) / 1_000_000,
                figures,
                (recovered - outageEnded) / 1_000_000);
        assertTrue(terminated.get() > 0, "the outage terminated backends");
        assertEquals(figures, submitted(indicator), "every figure counted once");
        assertEquals(
                figures,
                TableCounts.count(dataSource, "SELECT count(*) FROM measurement WHERE indicator_id = ?", indicator));

        // a duplicate delivery of every event changes nothing
        for (int i = 0; i < figures; i++) {
            TestEvents.send(
                    Topics.MEASUREMENTS,
                    EventTypes.MEASUREMENT_SUBMITTED,
                    ids.get(i),
                    eventIds.get(i),
                    payloads.get(i));
        }
        UUID marker = UUID.randomUUID();
        TestEvents.publishFigure(TestEvents.ratioFigure(
                marker,
                1,
                1,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "2024-Q4",
                "SUBMITTED",
                1,
                2,
                OffsetDateTime.now()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        TableCounts.count(dataSource, "SELECT count(*) FROM measurement WHERE id = ?", marker) == 1);
        assertEquals(figures, submitted(indicator));

        // nothing of it was dead-lettered
        List<String> keys = ids.stream().map(UUID::toString).toList();
        List<ConsumerRecord<String, String>> dead = readDeadLetters(Duration.ofSeconds(3), read -> false);
        assertTrue(dead.stream().noneMatch(r -> keys.contains(r.key())), "nothing dead-lettered");
        assertEquals(deadBefore, deadLettersCounted(Topics.MEASUREMENTS));
    }

    @Test
    void aDeadLetterWhoseCauseIsFixedIsAppliedOnceByReplayAndASecondReplayChangesNothing() throws Exception {
        UUID indicator = UUID.randomUUID();
        UUID agency = UUID.randomUUID();
        // stands for a reference check: a figure of this agency refers to its indicator, which must be known
        execute("CREATE OR REPLACE FUNCTION test_require_indicator() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN IF NEW.agency_id = '" + agency + "' AND NOT EXISTS"
                + " (SELECT 1 FROM indicator WHERE id = NEW.indicator_id) THEN"
                + " RAISE EXCEPTION 'indicator % is unknown', NEW.indicator_id USING ERRCODE = '23503';"
                + " END IF; RETURN NEW; END $$");
        execute("CREATE TRIGGER test_require_indicator_" + agency.toString().replace('-', '_')
                + " BEFORE INSERT ON measurement FOR EACH ROW EXECUTE FUNCTION test_require_indicator()");
        try {
            UUID figure = UUID.randomUUID();
            UUID eventId = TestEvents.publishFigure(TestEvents.ratioFigure(
                    figure, 1, 1, indicator, agency, "2024-Q3", "SUBMITTED", 9, 10, OffsetDateTime.now()));
            List<ConsumerRecord<String, String>> dead = readDeadLetters(
                    Duration.ofSeconds(40),
                    read -> read.stream().anyMatch(r -> figure.toString().equals(r.key())));
            ConsumerRecord<String, String> letter = dead.stream()
                    .filter(r -> figure.toString().equals(r.key()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("not dead-lettered after the bounded wait"));
            assertEquals("unknown-reference", KafkaTestClient.header(letter, "dead-letter-kind"));
            assertTrue(KafkaTestClient.header(letter, "dead-letter-reason").contains("unknown"));
            assertEquals(eventId.toString(), KafkaTestClient.header(letter, "ce_id"));
            assertEquals(0, TableCounts.count(dataSource, "SELECT count(*) FROM measurement WHERE id = ?", figure));

            List<Map<String, Object>> listed = given().get("/api/admin/dead-letters")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("records");
            assertTrue(
                    listed.stream()
                            .anyMatch(r -> eventId.toString().equals(r.get("eventId"))
                                    && "unknown-reference".equals(r.get("kind"))),
                    "listed: " + listed);

            // the cause is fixed: the indicator's event arrives
            UUID plan = UUID.randomUUID();
            TestEvents.send(
                    Topics.INDICATORS,
                    EventTypes.INDICATOR_DEFINED,
                    indicator,
                    TestEvents.ratioIndicator(indicator, plan, "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", List.of()));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> TableCounts.count(dataSource, "SELECT count(*) FROM indicator WHERE id = ?", indicator)
                            == 1);

            int replayed = given().post("/api/admin/dead-letters/replay")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getInt("replayed");
            assertTrue(replayed >= 1, "replayed " + replayed);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> submitted(indicator) == 1);
            assertEquals(1, TableCounts.count(dataSource, "SELECT count(*) FROM measurement WHERE id = ?", figure));
            assertEquals(
                    1,
                    TableCounts.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id = ?", eventId));
            assertEquals(1, countOn(Topics.MEASUREMENTS, figure.toString(), 2) - 1, "republished once");

            // a second replay does not republish it again, and nothing changes
            given().post("/api/admin/dead-letters/replay").then().statusCode(200);
            Thread.sleep(1_500);
            assertEquals(2, countOn(Topics.MEASUREMENTS, figure.toString(), Integer.MAX_VALUE));
            assertEquals(1, submitted(indicator));
            assertEquals(
                    1,
                    TableCounts.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id = ?", eventId));
            List<Map<String, Object>> waiting = given().get("/api/admin/dead-letters")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("records");
            assertTrue(
                    waiting.stream().noneMatch(r -> eventId.toString().equals(r.get("eventId"))), "no longer waiting");
            assertTrue(
                    TableCounts.count(
                                    dataSource,
                                    "SELECT count(*) FROM audit_entry WHERE action = 'dead-letters.replayed'")
                            >= 2,
                    "each replay audited");
        } finally {
            execute("DROP TRIGGER IF EXISTS test_require_indicator_"
                    + agency.toString().replace('-', '_') + " ON measurement");
        }
    }

    /** Reads the dead-letter topic, waiting for it to exist first (it is created by the first dead letter). */
    private static List<ConsumerRecord<String, String>> readDeadLetters(
            Duration timeout, java.util.function.Predicate<List<ConsumerRecord<String, String>>> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return KafkaTestClient.readUntil(
                        DLQ, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L)), done);
            } catch (IllegalStateException notYetCreated) {
                if (System.nanoTime() > deadline) {
                    return List.of();
                }
                Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
            }
        }
    }

    private long submitted(UUID indicator) {
        return TableCounts.count(
                dataSource,
                "SELECT coalesce(sum(submitted), 0) FROM indicator_contribution WHERE indicator_id = ?",
                indicator);
    }

    private static long countOn(String topic, String key, int atLeast) {
        return KafkaTestClient.readUntil(
                        topic,
                        Duration.ofSeconds(5),
                        read -> read.stream().filter(r -> key.equals(r.key())).count() >= atLeast)
                .stream()
                .filter(r -> key.equals(r.key()))
                .count();
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The value of {@code partracker_dead_letters_total{topic="…"}} in the Prometheus scrape, 0 when absent. */
    static double deadLettersCounted(String topic) {
        String scrape =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("partracker_dead_letters_total{") && line.contains("topic=\"" + topic + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
