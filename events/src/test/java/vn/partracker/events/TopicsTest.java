package vn.partracker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.partracker.events.payload.ReportFinalized;

/** The retention of each topic, and the rule that makes compaction safe: full state per key. */
class TopicsTest {

    @Test
    void everyTopicHasARetentionThatKeepsItsEventsBeyondTheBrokerDefault() {
        for (String topic : Topics.ALL) {
            var config = Topics.configOf(topic);
            boolean compacted = "compact".equals(config.get("cleanup.policy"));
            boolean keptForever = "delete".equals(config.get("cleanup.policy"))
                    && "-1".equals(config.get("retention.ms"))
                    && "-1".equals(config.get("retention.bytes"));
            assertTrue(compacted || keptForever, topic + " " + config);
        }
        assertThrows(IllegalArgumentException.class, () -> Topics.configOf("partracker.unknown"));
    }

    @Test
    void plansIsAHistoryNotAStateTopicSoItIsNeverCompacted() {
        assertFalse(Topics.isCompacted(Topics.PLANS));
        Set<String> planTypes = EventCatalog.entries().values().stream()
                .filter(e -> e.topic().equals(Topics.PLANS))
                .map(EventCatalog.Entry::type)
                .collect(Collectors.toSet());
        assertTrue(planTypes.contains(EventTypes.TASK_PROGRESS_REPORTED), "progress reports are increments");
    }

    /**
     * Compaction keeps only the last event of a key, so every event of a compacted topic must carry the whole state
     * of its aggregate: an {@code id} (the key) and a {@code version} that orders the states. A finalized report is
     * an immutable snapshot keyed by its own id: one event per key, nothing to supersede.
     */
    @Test
    void everyEventOfACompactedTopicCarriesItsAggregatesIdAndVersion() {
        int checked = 0;
        for (EventCatalog.Entry entry : EventCatalog.entries().values()) {
            if (!Topics.isCompacted(entry.topic())) {
                continue;
            }
            var components = Arrays.stream(entry.payload().getRecordComponents())
                    .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getType));
            assertEquals(UUID.class, components.get("id"), entry.type() + " id");
            if (entry.payload() != ReportFinalized.class) {
                assertEquals(long.class, components.get("version"), entry.type() + " version");
            }
            checked++;
        }
        assertEquals(
                EventCatalog.entries().values().stream()
                        .filter(e -> !e.topic().equals(Topics.PLANS))
                        .count(),
                checked);
    }
}
