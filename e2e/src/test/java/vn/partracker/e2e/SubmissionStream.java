package vn.partracker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import vn.partracker.localstack.AppService;

/**
 * A stream of figure submissions for the monthly indicators F.1–F.20 (every department, district and commune committee,
 * twelve months of 2024), sent by several concurrent clients that retry with the same Idempotency-Key until they get
 * an answer, as a client whose answer was lost would. The test knows every figure it sent and expects each of them in
 * the reports exactly once.
 */
final class SubmissionStream {

    private static final int CLIENTS = 8;

    /** How many monthly indicators the story world defines: 20 × 12 months × 70 agencies = 16,800 figures. */
    static final int MONTHLY_INDICATORS = 20;

    /** One submission: which figure, and its value. */
    record Submission(String indicator, String agency, String period, int value) {}

    private final StoryWorld world;
    private final List<Submission> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answered = new AtomicInteger();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private int next;

    SubmissionStream(StoryWorld world) {
        this.world = world;
    }

    /** The {@code count} next distinct figures, after those of earlier streams of this instance. */
    List<Submission> plan(int count) {
        List<String> agencies = new ArrayList<>();
        for (String group : List.of("KT.SBN", "KT.UBND-HUYEN", "KT.UBND-XA")) {
            agencies.addAll(world.groupMembers.get(group));
        }
        int capacity = MONTHLY_INDICATORS * 12 * agencies.size();
        List<Submission> result = new ArrayList<>();
        for (int i = 0; i < count; i++, next++) {
            if (next >= capacity) {
                throw new IllegalStateException("only " + capacity + " distinct monthly figures exist");
            }
            int indicator = next % MONTHLY_INDICATORS + 1;
            int month = next / MONTHLY_INDICATORS % 12 + 1;
            String agency = agencies.get(next / (MONTHLY_INDICATORS * 12));
            result.add(new Submission(
                    "F." + indicator, agency, String.format("2024-%02d", month), 1 + (next * 7919) % 97));
        }
        return result;
    }

    /**
     * Sends the submissions with {@value #CLIENTS} clients, calling {@code fault} once when {@code faultAfter} of them
     * have been answered, and returns when every one was answered 2xx (or the deadline passed).
     */
    void send(List<Submission> submissions, int faultAfter, Runnable fault, Duration deadline) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger cursor = new AtomicInteger();
        int answeredBefore = answered.get();
        AtomicReference<Throwable> faultFailure = new AtomicReference<>();
        Thread faultThread = new Thread(() -> {
            while (answered.get() - answeredBefore < faultAfter && cursor.get() < submissions.size()) {
                Waits.pause(Duration.ofMillis(20));
            }
            try {
                fault.run();
            } catch (RuntimeException | Error e) {
                faultFailure.set(e);
            }
        });
        faultThread.start();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(clients.submit(() -> {
                for (int i = cursor.getAndIncrement(); i < submissions.size(); i = cursor.getAndIncrement()) {
                    submit(submissions.get(i), deadline);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        faultThread.join();
        clients.shutdown();
        if (faultFailure.get() != null) {
            throw new AssertionError("the fault itself failed", faultFailure.get());
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " submissions were not answered 2xx, e.g. " + failures.get(0));
        }
        if (answered.get() - answeredBefore != submissions.size()) {
            throw new AssertionError("answered " + (answered.get() - answeredBefore) + " of " + submissions.size());
        }
    }

    private void submit(Submission s, Duration deadline) throws IOException {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("indicatorId", world.indicators.get(s.indicator()).toString());
        body.put("agencyId", world.agency(s.agency()).toString());
        body.put("period", s.period());
        body.put("value", s.value());
        Api.Answer answer;
        try {
            answer = world.api.postRetrying(
                    AppService.INDICATORS,
                    "/api/measurements",
                    world.api.token("reporter", s.agency()),
                    body,
                    deadline);
        } catch (IOException e) {
            failures.add(s + ": " + e);
            return;
        }
        if (answer.status() == 201) {
            sent.add(s);
            answered.incrementAndGet();
        } else {
            failures.add(s + ": HTTP " + answer.status() + " " + answer.raw().body());
        }
    }

    /** Every submission answered 2xx so far. */
    List<Submission> sent() {
        return List.copyOf(sent);
    }

    /** Per period and indicator: the expected count and Σ value over every figure this stream sent. */
    Map<String, long[]> totals() {
        Map<String, long[]> totals = new TreeMap<>();
        for (Submission s : sent()) {
            long[] t = totals.computeIfAbsent(s.period() + " " + s.indicator(), k -> new long[2]);
            t[0]++;
            t[1] += s.value();
        }
        return totals;
    }

    /** The same totals as reporting-service's reports show them on a port (missing rows count as zero). */
    static Map<String, long[]> reported(Api api, int port, StoryWorld world) {
        Map<String, long[]> totals = new TreeMap<>();
        for (int month = 1; month <= 12; month++) {
            String period = String.format("2024-%02d", month);
            JsonNode report = Reports.indicatorReport(api, port, world.planId, period, world.rootId);
            for (int i = 1; i <= MONTHLY_INDICATORS; i++) {
                UUID id = world.indicators.get("F." + i);
                for (JsonNode row : report.path("rows")) {
                    if (row.path("indicatorId").asText().equals(id.toString())
                            && row.path("submitted").asInt() > 0) {
                        totals.put(period + " F." + i, new long[] {
                            row.path("submitted").asLong(),
                            new BigDecimal(row.path("value").asText()).longValueExact()
                        });
                    }
                }
            }
        }
        return totals;
    }

    /** Whether two totals maps are equal. */
    static boolean same(Map<String, long[]> a, Map<String, long[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, long[]> e : a.entrySet()) {
            long[] other = b.get(e.getKey());
            if (other[0] != e.getValue()[0] || other[1] != e.getValue()[1]) {
                return false;
            }
        }
        return true;
    }

    static String describe(Map<String, long[]> totals) {
        StringBuilder text = new StringBuilder();
        totals.forEach((k, v) ->
                text.append(k).append('=').append(v[0]).append('/').append(v[1]).append(' '));
        return text.toString();
    }
}
