package vn.partracker.events;

import java.util.List;
import java.util.Map;

/**
 * Kafka topics of the suite. Each topic is written by exactly one service (see the design page); the record key
 * is the id of the aggregate the event is about, so one aggregate's events stay in one partition, in order.
 *
 * <p><b>How long a topic keeps its events</b> ({@link #configOf}) decides whether a consumer that starts from
 * nothing (a new reporting database, a restored backup, a reset consumer group) can still rebuild its state a year
 * later. The default of the broker (delete after 7 days) cannot. Two policies, chosen per topic:
 *
 * <ul>
 *   <li>{@link #COMPACTED} for full-state topics: every event carries the whole state of its aggregate with a
 *       version, keyed by the aggregate id ({@code agency.upserted}, {@code agency-group.upserted},
 *       {@code indicator.defined}, every {@code measurement.*}, {@code report.finalized} keyed by its snapshot id).
 *       Compaction keeps at least the last event of every key forever, so replaying the topic gives every
 *       aggregate's current state; the versions make the superseded events that compaction removes unnecessary.
 *       The last hour is never compacted so that a consumer close behind still sees every step.
 *   <li>{@link #KEPT_FOREVER} for {@code partracker.plans}: its events are keyed by plan id but are not full-state
 *       (a plan head, then {@code task.assigned} chunks, then progress reports and status changes of the same
 *       plan), so compaction would keep only a plan's last event and lose the rest. It is a low-volume history (a
 *       few plans a year and their progress) and is kept whole; {@code POST /api/admin/republish} of plans-service
 *       re-emits every plan's current state as well.
 * </ul>
 *
 * The local stack, the test broker and docker-compose's {@code kafka-start.sh} all create the topics with these
 * settings (and set them on topics created before).
 */
public final class Topics {

    public static final String AGENCIES = "partracker.agencies";
    public static final String PLANS = "partracker.plans";
    public static final String INDICATORS = "partracker.indicators";
    public static final String MEASUREMENTS = "partracker.measurements";
    public static final String REPORTS = "partracker.reports";

    /** Every topic the suite uses; the local stack and the test broker create them up front. */
    public static final List<String> ALL = List.of(AGENCIES, PLANS, INDICATORS, MEASUREMENTS, REPORTS);

    /** Topic settings of a full-state topic: compacted by key, the last hour left whole. */
    public static final Map<String, String> COMPACTED =
            Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "3600000");

    /** Topic settings of a history topic that is never deleted by time or size. */
    public static final Map<String, String> KEPT_FOREVER =
            Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1");

    private static final Map<String, Map<String, String>> CONFIGS = Map.of(
            AGENCIES, COMPACTED,
            PLANS, KEPT_FOREVER,
            INDICATORS, COMPACTED,
            MEASUREMENTS, COMPACTED,
            REPORTS, COMPACTED);

    private Topics() {}

    /**
     * The topic-level settings a topic of the suite is created with (see the class comment).
     *
     * @throws IllegalArgumentException for a topic that is not one of {@link #ALL}
     */
    public static Map<String, String> configOf(String topic) {
        Map<String, String> config = CONFIGS.get(topic);
        if (config == null) {
            throw new IllegalArgumentException("not a topic of the suite: " + topic);
        }
        return config;
    }

    /** Whether the topic is compacted, so that each of its events must carry its aggregate's whole state. */
    public static boolean isCompacted(String topic) {
        return "compact".equals(configOf(topic).get("cleanup.policy"));
    }
}
