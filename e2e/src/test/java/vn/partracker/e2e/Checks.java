package vn.partracker.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import vn.partracker.localstack.AppService;

/** Checks the e2e and fault tests share: a rebuild job, the dead letters, the outbox backlog, consumer positions. */
final class Checks {

    static final Duration CATCH_UP = Duration.ofMinutes(3);

    private Checks() {}

    /** Runs a rebuild job on a reporting-service port to its end; it must succeed (the caller checks differences). */
    static JsonNode rebuild(Api api, int port) throws IOException {
        Api.Answer started = api.post(port, "/api/admin/rebuild", api.admin(), Map.of(), Map.of())
                .expect(202);
        String location = started.header("Location");
        String path = location.startsWith("http") ? URI.create(location).getPath() : location;
        long begin = System.nanoTime();
        Waits.Timed<JsonNode> done = Waits.until(
                "the rebuild job to finish",
                CATCH_UP,
                () -> {
                    String status = job(api, port, path).path("status").asText();
                    return "SUCCEEDED".equals(status) || "FAILED".equals(status)
                            ? Optional.of(job(api, port, path))
                            : Optional.empty();
                },
                () -> job(api, port, path).toString());
        assertEquals(
                "SUCCEEDED", done.value().path("status").asText(), done.value().toString());
        Measured.record("rebuild", "job of " + done.value().path("figures").asInt() + " figures took", seconds(begin));
        return done.value();
    }

    /** A rebuild finds the incremental aggregates equal to the recomputed ones. */
    static void assertRebuildFindsNoDifference(Api api, int port) throws IOException {
        JsonNode job = rebuild(api, port);
        assertEquals(0, job.path("differenceCount").asInt(), "rebuild differences: " + job.path("differences"));
    }

    static void assertDeadLettersEmpty(Api api, int port) throws IOException {
        JsonNode letters = api.get(port, "/api/admin/dead-letters", api.admin())
                .expect(200)
                .body();
        assertEquals(0, letters.path("waiting").asLong(), "dead letters: " + letters);
    }

    static void assertDeadLettersEmpty(Api api, AppService service) throws IOException {
        JsonNode letters = api.get(service, "/api/admin/dead-letters", api.admin())
                .expect(200)
                .body();
        assertEquals(0, letters.path("waiting").asLong(), service.moduleName() + " dead letters: " + letters);
    }

    /** Waits until the service's relay has sent every outbox row ({@code partracker_outbox_pending} 0). */
    static void awaitOutboxEmpty(Api api, AppService service) {
        Waits.until(
                service.moduleName() + "'s outbox to be sent",
                CATCH_UP,
                () -> outboxPending(api, service) == 0 ? Optional.of(true) : Optional.empty(),
                () -> "pending " + outboxPending(api, service));
    }

    static double outboxPending(Api api, AppService service) {
        try {
            for (String line : api.getText(service, "/q/metrics").split("\n")) {
                if (line.startsWith("partracker_outbox_pending")) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether every partition position in {@code target} is reached by {@code position}. */
    static boolean reached(JsonNode position, JsonNode target) {
        Iterator<String> names = target.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (position.path(name).asLong(-1) < target.path(name).asLong()) {
                return false;
            }
        }
        return true;
    }

    /** Σ of the positions of one topic's partitions in a report's {@code eventPosition}. */
    static long position(JsonNode eventPosition, String topic) {
        long total = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = eventPosition.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getKey().startsWith(topic)) {
                total += e.getValue().asLong();
            }
        }
        return total;
    }

    static String seconds(long beginNanos) {
        return String.format("%.1f s", (System.nanoTime() - beginNanos) / 1e9);
    }

    private static JsonNode job(Api api, int port, String path) {
        try {
            return api.get(port, path, api.admin()).expect(200).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
