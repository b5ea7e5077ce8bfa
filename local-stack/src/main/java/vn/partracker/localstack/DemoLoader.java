package vn.partracker.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the steps of a {@link DemoManifest} to the running services, one progress line per step on the console.
 * Every body is sent with an {@code Idempotency-Key} (SHA-256 of the file), so loading the demo again on a restart is
 * harmless: the services answer 2xx or 409 and nothing is duplicated. Every request, polls included, carries the
 * launcher's admin token ({@code Authorization: Bearer}), since every {@code /api} call needs one.
 */
public final class DemoLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final HttpClient http;
    private final Map<AppService, Integer> ports;
    private final String bearerToken;
    private final PrintStream console;

    /**
     * Creates a loader that sends requests to 127.0.0.1 on the given ports with {@code bearerToken} (an admin token)
     * and reports on {@code console}.
     */
    public DemoLoader(HttpClient http, Map<AppService, Integer> ports, String bearerToken, PrintStream console) {
        this.http = http;
        this.ports = Map.copyOf(ports);
        this.bearerToken = bearerToken;
        this.console = console;
    }

    /**
     * Runs all steps in order and stops at the first failure, because later steps usually build on earlier ones.
     *
     * @return whether every step succeeded
     */
    public boolean load(DemoManifest manifest) {
        int total = manifest.steps().size();
        for (DemoManifest.Step step : manifest.steps()) {
            String label = String.format(
                    "  demo %d/%d  %-10s %-6s %s",
                    step.number(), total, step.service().shortName(), step.method(), step.path());
            Optional<String> failure = run(manifest.directory(), step, label);
            if (failure.isPresent()) {
                console.println(label + "  FAILED: " + failure.get());
                console.println("  Demo data stopped at step " + step.number() + "; the services keep running.");
                return false;
            }
        }
        return true;
    }

    private Optional<String> run(Path directory, DemoManifest.Step step, String label) {
        if (step.waitFor().isPresent()) {
            Optional<String> waitFailure = await(directory, step.waitFor().get());
            if (waitFailure.isPresent()) {
                return waitFailure;
            }
        }
        HttpRequest request;
        try {
            request =
                    request(directory, step.service(), step.method(), step.path(), step.file(), REQUEST_TIMEOUT, true);
        } catch (IOException e) {
            return Optional.of("cannot read " + e.getMessage());
        }
        long deadline = System.nanoTime() + step.retry().toNanos();
        while (true) {
            String failure;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (DemoManifest.isSuccess(status)) {
                    String note = status == 409 ? " (already loaded)" : "";
                    console.println(label + step.file().map(f -> "  " + f).orElse("") + "  -> " + status + note
                            + step.description().map(d -> "  " + d).orElse(""));
                    return Optional.empty();
                }
                failure = "HTTP " + status + " " + ServiceProcess.abbreviate(response.body(), 400);
            } catch (IOException e) {
                failure = "request failed (" + e + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
            if (System.nanoTime() >= deadline) {
                return Optional.of(failure);
            }
            Processes.sleep(RETRY_INTERVAL);
        }
    }

    private Optional<String> await(Path directory, DemoManifest.WaitFor wait) {
        long deadline = System.nanoTime() + wait.timeout().toNanos();
        String last = "no answer yet";
        HttpRequest request;
        try {
            // No Idempotency-Key: a poll (e.g. a dry run) must not claim the key of the real request that follows.
            request = request(
                    directory, wait.service(), wait.method(), wait.path(), wait.file(), Duration.ofSeconds(30), false);
        } catch (IOException e) {
            return Optional.of("cannot read " + e.getMessage());
        }
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                last = describe(wait, response);
                if (last == null) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting");
            }
            Processes.sleep(POLL_INTERVAL);
        }
        return Optional.of("waited " + wait.timeout().toSeconds() + " s for "
                + wait.service().shortName() + " " + wait.method() + " " + wait.path()
                + wait.jsonPath().map(p -> " " + p).orElse("") + ": " + last);
    }

    /**
     * Builds a request; a body file is sent as JSON, with its SHA-256 as {@code Idempotency-Key} if asked for.
     *
     * @throws IOException naming the file when it cannot be read
     */
    private HttpRequest request(
            Path directory,
            AppService service,
            String method,
            String path,
            Optional<String> file,
            Duration timeout,
            boolean idempotencyKey)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearerToken);
        if (file.isEmpty()) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        Path body = directory.resolve(file.get());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(body);
        } catch (IOException e) {
            throw new IOException(body + " (" + e + ")", e);
        }
        request.header("Content-Type", "application/json");
        if (idempotencyKey) {
            request.header("Idempotency-Key", DemoManifest.sha256Hex(bytes));
        }
        return request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    /** Returns {@code null} when the condition holds, otherwise why it does not. */
    private static String describe(DemoManifest.WaitFor wait, HttpResponse<String> response) {
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            return "HTTP " + response.statusCode();
        }
        if (wait.jsonPath().isEmpty()) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "response is not JSON";
        }
        Optional<JsonNode> value = wait.jsonPath().get().select(root).filter(DemoManifest::isPresent);
        if (value.isEmpty()) {
            return "nothing at " + wait.jsonPath().get();
        }
        if (wait.equals().isPresent()
                && !DemoManifest.matches(value.get(), wait.equals().get())) {
            return wait.jsonPath().get() + " is " + value.get();
        }
        return null;
    }

    private URI uri(AppService service, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(service) + path);
    }
}
