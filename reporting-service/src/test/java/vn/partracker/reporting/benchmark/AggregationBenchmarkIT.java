package vn.partracker.reporting.benchmark;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyRef;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.TestInfrastructure;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * Benchmark, not a timed test: runs only with {@code -Dbenchmark=true}.
 *
 * <ol>
 *   <li>Event → aggregate lag: measurement events are produced to Kafka at 1,000 per second for 60 seconds (every
 *       indicator × agency submitted, then approved, then revised); the lag of an event is the time from its send to
 *       the first moment the consumer's committed database state includes its offset (the event position is written
 *       in the same transaction as the aggregate), sampled every 5 ms.
 *   <li>Report response time: the province's quarterly indicator report over 1,000 agencies × 21 indicators, over
 *       HTTP, after warm-up.
 * </ol>
 *
 * Results are logged and written to {@code target/benchmark-results.txt}.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class AggregationBenchmarkIT {

    private static final int RATE_PER_SECOND = Integer.getInteger("benchmark.rate", 1000);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 60);
    private static final int DISTRICTS = 10;
    private static final int COMMUNES_PER_DISTRICT = 97;
    private static final int DEPARTMENTS = 20;
    private static final int INDICATORS = 21;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void lagAndReportResponseTime() throws Exception {
        String s = TestEvents.suffix();
        KafkaProducer<String, String> producer = producer();
        UUID province = UUID.randomUUID();
        List<UUID> agencies = new ArrayList<>();
        agencies.add(province);
        sendAgency(producer, province, "BM." + s, "Ủy ban nhân dân tỉnh", "PEOPLES_COMMITTEE", "PROVINCE", null);
        for (int d = 0; d < DEPARTMENTS; d++) {
            UUID id = UUID.randomUUID();
            agencies.add(id);
            sendAgency(producer, id, "BM." + s + ".S" + d, "Sở " + d, "DEPARTMENT", "PROVINCE", province);
        }
        for (int h = 0; h < DISTRICTS; h++) {
            UUID district = UUID.randomUUID();
            agencies.add(district);
            sendAgency(
                    producer,
                    district,
                    "BM." + s + ".H" + h,
                    "UBND huyện " + h,
                    "PEOPLES_COMMITTEE",
                    "DISTRICT",
                    province);
            for (int x = 0; x < COMMUNES_PER_DISTRICT; x++) {
                UUID commune = UUID.randomUUID();
                agencies.add(commune);
                sendAgency(
                        producer,
                        commune,
                        "BM." + s + ".H" + h + ".X" + x,
                        "UBND xã " + h + "." + x,
                        "PEOPLES_COMMITTEE",
                        "COMMUNE",
                        district);
            }
        }
        List<AgencyRef> performers = new ArrayList<>();
        for (String[] g : List.of(
                new String[] {"DEPARTMENT", "PROVINCE"},
                new String[] {"PEOPLES_COMMITTEE", "DISTRICT"},
                new String[] {"PEOPLES_COMMITTEE", "COMMUNE"})) {
            UUID group = UUID.randomUUID();
            performers.add(TestEvents.groupRef(group));
            send(
                    producer,
                    Topics.AGENCIES,
                    EventTypes.AGENCY_GROUP_UPSERTED,
                    group,
                    new AgencyGroupUpserted(
                            1, group, 0, "BMG." + s + g[1], g[1], List.of(g[0]), List.of(g[1]), province, List.of()));
        }
        UUID plan = UUID.randomUUID();
        send(producer, Topics.PLANS, EventTypes.PLAN_ISSUED, plan, TestEvents.plan(plan, 1, "BM-" + s));
        List<UUID> indicators = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            UUID id = UUID.randomUUID();
            indicators.add(id);
            send(
                    producer,
                    Topics.INDICATORS,
                    EventTypes.INDICATOR_DEFINED,
                    id,
                    TestEvents.ratioIndicator(id, plan, "Chỉ tiêu " + (i + 1), performers));
        }
        producer.flush();
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .until(() -> count("SELECT count(*) FROM agency WHERE code LIKE ?", "BM." + s + "%") == agencies.size()
                        && count("SELECT count(*) FROM indicator WHERE plan_id = ?", plan) == INDICATORS);

        int total = RATE_PER_SECOND * SECONDS;
        long[] sentAt = new long[total];
        int[] partition = new int[total];
        long[] offset = new long[total];
        Arrays.fill(offset, -1);
        UUID[] ids = new UUID[agencies.size() * INDICATORS];
        OffsetDateTime submitted = OffsetDateTime.of(2024, 3, 10, 9, 0, 0, 0, ZoneOffset.ofHours(7));
        Map<Integer, Long> applied = new ConcurrentHashMap<>();
        Thread poller = new Thread(() -> poll(applied), "benchmark-poller");
        poller.setDaemon(true);
        poller.start();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / RATE_PER_SECOND;
        for (int n = 0; n < total; n++) {
            long due = start + n * interval;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(Math.min(due - now, 200_000));
            }
            int combo = n % ids.length;
            int round = n / ids.length;
            if (ids[combo] == null) {
                ids[combo] = UUID.randomUUID();
            }
            UUID agency = agencies.get(combo / INDICATORS);
            UUID indicator = indicators.get(combo % INDICATORS);
            String status = round % 2 == 1 ? "APPROVED" : "SUBMITTED";
            int revision = round / 2 + 1;
            long b = 80 + (combo * 7L + round) % 21;
            MeasurementState m = TestEvents.ratioFigure(
                    ids[combo], round + 1, revision, indicator, agency, "2024-Q1", status, b, 100, submitted);
            final int index = n;
            sentAt[n] = System.nanoTime();
            producer.send(
                    record(Topics.MEASUREMENTS, TestEvents.measurementType(status, revision, round + 1), ids[combo], m),
                    (meta, e) -> {
                        if (meta != null) {
                            partition[index] = meta.partition();
                            offset[index] = meta.offset();
                        }
                    });
        }
        producer.flush();
        long produceSeconds = (System.nanoTime() - start) / 1_000_000;
        long[] lagNanos = new long[total];
        Arrays.fill(lagNanos, Long.MIN_VALUE);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int done = 0;
        while (done < total && System.nanoTime() < deadline) {
            done = 0;
            for (int n = 0; n < total; n++) {
                if (lagNanos[n] == Long.MIN_VALUE) {
                    Long seenAt = firstSeen.get(key(partition[n], offset[n]));
                    if (seenAt != null) {
                        lagNanos[n] = seenAt - sentAt[n];
                    }
                }
                if (lagNanos[n] != Long.MIN_VALUE) {
                    done++;
                }
            }
            Thread.sleep(200);
        }
        stop = true;
        poller.join(2000);
        producer.close();
        long[] lags = Arrays.stream(lagNanos)
                .filter(l -> l != Long.MIN_VALUE)
                .sorted()
                .toArray();
        long unacknowledged = Arrays.stream(offset).filter(o -> o < 0).count();
        assertEquals(
                total,
                lags.length,
                "every event reached the aggregate; unacknowledged sends: " + unacknowledged + ", applied offsets: "
                        + applied);

        JsonPath first = report(plan, province);
        assertEquals(INDICATORS, first.getList("rows").size());
        assertEquals(agencies.size() - 1, first.getInt("rows[0].expected"));
        assertEquals(agencies.size(), first.getInt("rows[0].submitted"));
        for (int i = 0; i < 5; i++) {
            report(plan, province);
        }
        int runs = 30;
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            report(plan, province);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);

        String result = String.format(
                "reporting-service benchmark (%d agencies x %d indicators)%n"
                        + "event -> aggregate lag at %d events/s for %d s (%d events, produced in %d ms):"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "province quarterly indicator report over HTTP (%d runs after 5 warm-ups):"
                        + " p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                agencies.size(),
                INDICATORS,
                RATE_PER_SECOND,
                SECONDS,
                total,
                produceSeconds,
                millis(lags, 0.50),
                millis(lags, 0.99),
                lags[lags.length - 1] / 1e6,
                runs,
                millis(times, 0.50),
                millis(times, 0.95),
                times[runs - 1] / 1e6);
        Log.info(result);
        Files.writeString(Path.of("target", "benchmark-results.txt"), result, StandardCharsets.UTF_8);
    }

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private volatile boolean stop;

    private static String key(int partition, long offset) {
        return partition + "@" + offset;
    }

    /** Samples the applied offsets and stamps, for every offset newly covered, the moment the query returned (so a
     * lag is never under-estimated). */
    private void poll(Map<Integer, Long> applied) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT partition_no, last_offset FROM event_position WHERE topic = ?")) {
            s.setString(1, Topics.MEASUREMENTS);
            while (!stop) {
                try (ResultSet rs = s.executeQuery()) {
                    long now = System.nanoTime();
                    while (rs.next()) {
                        int p = rs.getInt(1);
                        long last = rs.getLong(2);
                        long previous = applied.getOrDefault(p, -1L);
                        for (long o = previous + 1; o <= last; o++) {
                            firstSeen.putIfAbsent(key(p, o), now);
                        }
                        applied.put(p, last);
                    }
                }
                LockSupport.parkNanos(5_000_000);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static JsonPath report(UUID plan, UUID province) {
        return given().queryParam("planId", plan)
                .queryParam("period", "2024-Q1")
                .queryParam("agencyId", province)
                .get("/api/reports/indicators")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props);
    }

    private static void sendAgency(
            KafkaProducer<String, String> producer,
            UUID id,
            String code,
            String name,
            String kind,
            String level,
            UUID parent) {
        send(
                producer,
                Topics.AGENCIES,
                EventTypes.AGENCY_UPSERTED,
                id,
                TestEvents.agency(id, 0, code, name, kind, level, parent));
    }

    private static void send(
            KafkaProducer<String, String> producer, String topic, String type, UUID key, Object payload) {
        producer.send(record(topic, type, key, payload));
    }

    private static ProducerRecord<String, String> record(String topic, String type, UUID key, Object payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/benchmark".getBytes(StandardCharsets.UTF_8));
        headers.add(
                CloudEventHeaders.TIME,
                OffsetDateTime.now(ZoneOffset.UTC).toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, key.toString(), EventJson.write(payload), headers);
    }

    private long count(String sql, Object param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
