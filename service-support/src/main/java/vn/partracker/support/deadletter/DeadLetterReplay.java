package vn.partracker.support.deadletter;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.jdbc.Jdbc;

/**
 * Lists and replays this service's dead letters. A replay republishes every dead letter after the replayed
 * position to its original topic, with its original key and CloudEvents headers (the {@code dead-letter-*} headers
 * dropped), waits for the broker's acknowledgements, and then moves the position in {@code dead_letter_replay} in
 * the same transaction as its audit row; the consumers apply the republished events like any other (a record whose
 * cause is still there is dead-lettered again, after the position, and waits for the next replay). An unreadable
 * record ({@link DeadLetterKind#UNREADABLE}) is passed over, not republished: no fix elsewhere can make its bytes
 * readable, so it would only come back as a new dead letter and be counted again in
 * {@code partracker_dead_letters_total} on every replay; it stays on the dead-letter topic. Replays are serialised by
 * an advisory lock, so two concurrent calls do not replay the same record twice.
 */
@ApplicationScoped
public class DeadLetterReplay {

    /** Advisory lock key of replays: "DLQREPL" in ASCII. */
    private static final long REPLAY_LOCK = 0x444c515245504cL;

    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    /** At most this many records listed, and replayed by one call (a second call continues). */
    static final int MAX_RECORDS = 10_000;

    private static final int MAX_LISTED = 500;

    private final DeadLetters deadLetters;
    private final Jdbc jdbc;
    private final AuditTrail audit;

    public DeadLetterReplay(DeadLetters deadLetters, Jdbc jdbc, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The dead letters waiting to be replayed (the first {@value #MAX_LISTED} listed). */
    public DeadLetterList waiting() {
        Map<Integer, Long> positions = positions(false);
        List<DeadLetter> listed = new ArrayList<>();
        long[] count = {0};
        read(positions, record -> {
            count[0]++;
            if (listed.size() < MAX_LISTED) {
                listed.add(describe(record));
            }
        });
        return new DeadLetterList(deadLetters.topic(), count[0], listed);
    }

    /** Republishes the dead letters not replayed yet; answers how many. */
    @Transactional
    public ReplayResult replay() {
        jdbc.queryOne("SELECT pg_advisory_xact_lock(?)", rs -> 1, REPLAY_LOCK);
        Map<Integer, Long> before = positions(true);
        Map<Integer, Long> after = new TreeMap<>(before);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        int[] skipped = {0};
        read(before, record -> {
            String topic = header(record, DeadLetters.TOPIC);
            if (topic == null || topic.isBlank() || topic.startsWith(DeadLetters.TOPIC_PREFIX)) {
                skipped[0]++;
                Log.warnf(
                        "dead letter %s/%d@%d names no original topic; skipped",
                        record.topic(), record.partition(), record.offset());
            } else if (DeadLetterKind.ofHeader(header(record, DeadLetters.KIND)) == DeadLetterKind.UNREADABLE) {
                skipped[0]++;
                Log.infof(
                        "dead letter %s/%d@%d is unreadable; not republished (it stays on the dead-letter topic)",
                        record.topic(), record.partition(), record.offset());
            } else {
                RecordHeaders headers = new RecordHeaders();
                for (Header header : record.headers()) {
                    if (!header.key().startsWith("dead-letter-")) {
                        headers.add(header);
                    }
                }
                sent.add(deadLetters
                        .producer()
                        .send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)));
            }
            after.put(record.partition(), record.offset() + 1);
        });
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerUnavailableException("interrupted while republishing dead letters; nothing recorded");
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new BrokerUnavailableException(
                        "the broker did not acknowledge the republished dead letters; nothing recorded, try again");
            }
        }
        Map<Integer, Long> counts = new HashMap<>();
        for (Map.Entry<Integer, Long> entry : after.entrySet()) {
            long from = before.getOrDefault(entry.getKey(), 0L);
            if (entry.getValue() > from) {
                counts.put(entry.getKey(), entry.getValue() - from);
                jdbc.update(
                        "INSERT INTO dead_letter_replay (topic, partition, next_offset, replayed, replayed_at)"
                                + " VALUES (?, ?, ?, ?, now()) ON CONFLICT (topic, partition) DO UPDATE SET"
                                + " next_offset = EXCLUDED.next_offset,"
                                + " replayed = dead_letter_replay.replayed + EXCLUDED.replayed,"
                                + " replayed_at = now()",
                        deadLetters.topic(),
                        entry.getKey(),
                        entry.getValue(),
                        entry.getValue() - from);
            }
        }
        Map<String, Object> auditAfter = new LinkedHashMap<>();
        auditAfter.put("replayed", sent.size());
        auditAfter.put("skipped", skipped[0]);
        auditAfter.put("positions", after);
        audit.record(
                "dead-letters.replayed",
                "DeadLetterTopic",
                deadLetters.topic(),
                Map.of("positions", before),
                auditAfter);
        Log.infof(
                "replayed %d dead letters of %s, skipped %d (positions %s → %s)",
                sent.size(), deadLetters.topic(), skipped[0], before, after);
        return new ReplayResult(deadLetters.topic(), sent.size(), skipped[0]);
    }

    /** The replayed position per partition; locked for update in a replay. */
    private Map<Integer, Long> positions(boolean forUpdate) {
        Map<Integer, Long> positions = new TreeMap<>();
        jdbc.query(
                        "SELECT partition, next_offset FROM dead_letter_replay WHERE topic = ?"
                                + (forUpdate ? " FOR UPDATE" : ""),
                        rs -> Map.entry(rs.getInt("partition"), rs.getLong("next_offset")),
                        deadLetters.topic())
                .forEach(e -> positions.put(e.getKey(), e.getValue()));
        return positions;
    }

    /** Reads every record of the dead-letter topic from {@code positions} (or the beginning) to its current end. */
    private void read(Map<Integer, Long> positions, Consumer<ConsumerRecord<String, String>> each) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, deadLetters.bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(BROKER_TIMEOUT.toMillis()));
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(BROKER_TIMEOUT.toMillis()));
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, deadLetters.topic() + "-replay");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(deadLetters.topic(), BROKER_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, BROKER_TIMEOUT);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, BROKER_TIMEOUT);
            List<TopicPartition> pending = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(positions.getOrDefault(partition.partition(), 0L), starts.get(partition));
                if (from < ends.get(partition)) {
                    pending.add(partition);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            consumer.assign(pending);
            for (TopicPartition partition : pending) {
                consumer.seek(
                        partition, Math.max(positions.getOrDefault(partition.partition(), 0L), starts.get(partition)));
            }
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            int seen = 0;
            List<TopicPartition> open = new ArrayList<>(pending);
            while (!open.isEmpty() && seen < MAX_RECORDS) {
                if (System.nanoTime() > deadline) {
                    throw new BrokerUnavailableException("the dead-letter topic could not be read in time; try again");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(partition) && seen < MAX_RECORDS) {
                        each.accept(record);
                        seen++;
                    }
                }
                open.removeIf(p -> consumer.position(p) >= ends.get(p));
            }
        } catch (KafkaException e) {
            // including the client's TimeoutException
            throw new BrokerUnavailableException(
                    "the broker could not be reached in time (" + e.getClass().getSimpleName() + "); try again");
        }
    }

    private static DeadLetter describe(ConsumerRecord<String, String> record) {
        return new DeadLetter(
                record.partition(),
                record.offset(),
                header(record, DeadLetters.TOPIC),
                integer(header(record, DeadLetters.PARTITION)),
                longValue(header(record, DeadLetters.OFFSET)),
                record.key(),
                header(record, "ce_id"),
                header(record, "ce_type"),
                header(record, DeadLetters.KIND),
                header(record, DeadLetters.REASON));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
