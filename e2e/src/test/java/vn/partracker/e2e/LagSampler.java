package vn.partracker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples once a second how far reporting-service's measurement consumer is behind the measurement topic while a fault
 * scenario runs: events behind = the topic's end offsets − reporting's position (the larger of the offsets its group
 * committed, which a restarted process resumes from, and the offsets it applied, which its reports name), and lag =
 * how long ago the oldest event not yet applied reached the topic (to the sampling interval). Its maxima are the
 * "maximum lag during recovery" of the fault scenarios. A sample that cannot read the broker (Kafka stopped) is
 * skipped; while reporting-service is down its committed offsets stand for its position.
 */
final class LagSampler implements AutoCloseable {

    private static final String TOPIC = "partracker.measurements";
    private static final String GROUP = "reporting-service.measurements";

    private final E2eStack stack;
    private final Api api;
    private final int reportingPort;
    private final StoryWorld world;
    private final ScheduledExecutorService timer;
    private final long begin = System.nanoTime();

    /** {nanoTime, Σ end offsets} of every sample so far, oldest first. */
    private final List<long[]> ends = new ArrayList<>();

    private long maxBehind;
    private double maxLagSeconds;
    private double maxLagAt;
    private int samples;
    private int skipped;

    private LagSampler(E2eStack stack, Api api, int reportingPort, StoryWorld world) {
        this.stack = stack;
        this.api = api;
        this.reportingPort = reportingPort;
        this.world = world;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "e2e-lag-sampler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts sampling at once and every second after. */
    static LagSampler start(E2eStack stack, Api api, int reportingPort, StoryWorld world) {
        LagSampler sampler = new LagSampler(stack, api, reportingPort, world);
        sampler.timer.scheduleWithFixedDelay(sampler::sample, 0, 1, TimeUnit.SECONDS);
        return sampler;
    }

    private void sample() {
        long now = System.nanoTime();
        long end;
        long committed;
        try {
            end = stack.topicRecords(TOPIC);
            committed = stack.committed(GROUP, TOPIC);
        } catch (RuntimeException brokerUnreachable) {
            synchronized (this) {
                skipped++;
            }
            return;
        }
        long position = Math.max(committed, applied());
        synchronized (this) {
            samples++;
            ends.add(new long[] {now, end});
            maxBehind = Math.max(maxBehind, end - position);
            for (long[] s : ends) {
                if (s[1] > position) {
                    double lag = (now - s[0]) / 1e9;
                    if (lag > maxLagSeconds) {
                        maxLagSeconds = lag;
                        maxLagAt = (now - begin) / 1e9;
                    }
                    break;
                }
            }
        }
    }

    /** Σ over the topic's partitions of (last applied offset + 1) as a report names it; 0 when reporting is down. */
    private long applied() {
        try {
            JsonNode position = Reports.indicatorReport(api, reportingPort, world.planId, "2024-01", world.rootId)
                    .path("eventPosition");
            long next = 0;
            Iterator<Map.Entry<String, JsonNode>> fields = position.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (e.getKey().startsWith(TOPIC + "/")) {
                    next += e.getValue().asLong() + 1;
                }
            }
            return next;
        } catch (RuntimeException | AssertionError reportingDown) {
            return 0;
        }
    }

    /** Stops sampling and records the maxima under {@code scenario}. */
    void record(String scenario) {
        close();
        synchronized (this) {
            Measured.record(
                    scenario,
                    "max measurement events reporting was behind (sampled every 1 s, " + samples + " samples"
                            + (skipped > 0 ? ", " + skipped + " with the broker unreachable" : "") + ")",
                    maxBehind);
            Measured.record(
                    scenario,
                    "max lag of the oldest unapplied measurement event",
                    String.format("%.1f s (%.0f s after the stream began)", maxLagSeconds, maxLagAt));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(40, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
