package vn.partracker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.localstack.AppService;
import vn.partracker.localstack.DevTokens;
import vn.partracker.testsupport.contract.OpenApiDocument;
import vn.partracker.testsupport.contract.ResponseContract;

/**
 * The e2e tests' only way into the services: HTTP with JSON and dev tokens, like any client outside the system.
 *
 * <p>Every answer of an {@code /api} operation is checked against the answering service's own OpenAPI document
 * ({@link ResponseContract#check}: documented status, media type, JSON schema), also while a fault is on: an answer a
 * generated client could not read is recorded in {@link #contractBreaks()}, which each test class requires empty.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final DevTokens tokens;
    private final Map<AppService, Integer> ports;
    private final Map<String, String> tokenCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> contractBreaks = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicLong checked = new java.util.concurrent.atomic.AtomicLong();

    Api(HttpClient http, DevTokens tokens, Map<AppService, Integer> ports) {
        this.http = http;
        this.tokens = tokens;
        this.ports = Map.copyOf(ports);
    }

    /** A token for a role, optionally acting for one agency (by code). */
    String token(String role, String agencyCode) {
        String key = role + "/" + (agencyCode == null ? "" : agencyCode);
        return tokenCache.computeIfAbsent(
                key,
                k -> tokens.sign(new DevTokens.Claims(
                        "e2e-" + role + (agencyCode == null ? "" : "-" + agencyCode),
                        role,
                        Optional.ofNullable(agencyCode),
                        false)));
    }

    String admin() {
        return token("admin", null);
    }

    /** An answer: status, body (MissingNode when not JSON) and headers. */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        Answer expect(int... statuses) {
            for (int s : statuses) {
                if (status == s) {
                    return this;
                }
            }
            throw new AssertionError("HTTP " + status + " from " + raw.request().method() + " "
                    + raw.request().uri() + ": " + raw.body());
        }
    }

    Answer get(AppService service, String path, String token) throws IOException {
        return get(ports.get(service), path, token);
    }

    Answer get(int port, String path, String token) throws IOException {
        return send(HttpRequest.newBuilder(uri(port, path)).GET(), token);
    }

    /** GET of a text resource (Prometheus metrics answer nothing to {@code Accept: application/json}). */
    String getText(AppService service, String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri(ports.get(service), path))
                .timeout(TIMEOUT)
                .header("Accept", "text/plain")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    Answer post(AppService service, String path, String token, Object body) throws IOException {
        return post(service, path, token, body, Map.of());
    }

    Answer post(AppService service, String path, String token, Object body, Map<String, String> headers)
            throws IOException {
        return post(ports.get(service), path, token, body, headers);
    }

    Answer post(int port, String path, String token, Object body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body instanceof String s ? s : JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request, token);
    }

    Answer put(AppService service, String path, String token, Object body, Map<String, String> headers)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(ports.get(service), path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request, token);
    }

    /**
     * POSTs until the service answers anything but a connection failure or a 5xx, with the same Idempotency-Key every
     * time, as a client that lost an answer would. Gives up after {@code timeout}.
     */
    Answer postRetrying(AppService service, String path, String token, Object body, Duration timeout)
            throws IOException {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Answer answer = post(service, path, token, body, Map.of("Idempotency-Key", key));
                if (answer.status() < 500 || System.nanoTime() > deadline) {
                    return answer;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Waits.pause(Duration.ofMillis(200));
        }
    }

    /** Every item of a paged list ({@code items}, {@code total}), page by page. */
    List<JsonNode> all(AppService service, String path, String token) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonNode body = get(service, path + separator + "size=500&page=" + page, token)
                    .expect(200)
                    .body();
            body.path("items").forEach(items::add);
            if (body.path("items").size() < 500) {
                return items;
            }
        }
    }

    private Answer send(HttpRequest.Builder request, String token) throws IOException {
        request.timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        checkAgainstDocument(response);
        JsonNode body;
        try {
            body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (IOException e) {
            body = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), body, response);
    }

    /** Every answer so far that broke its service's OpenAPI document, with the request that got it. */
    List<String> contractBreaks() {
        synchronized (contractBreaks) {
            return List.copyOf(contractBreaks);
        }
    }

    /** How many answers were checked against their document. */
    long checkedAnswers() {
        return checked.get();
    }

    /** Fails when any answer since the last call broke its document (and forgets them: one test fails, not all). */
    void requireContractKept() {
        List<String> breaks;
        synchronized (contractBreaks) {
            breaks = List.copyOf(contractBreaks);
            contractBreaks.clear();
        }
        if (!breaks.isEmpty()) {
            throw new AssertionError(breaks.size() + " answers broke their OpenAPI document, e.g.:\n  "
                    + String.join("\n  ", breaks.subList(0, Math.min(breaks.size(), 20))));
        }
    }

    private void checkAgainstDocument(HttpResponse<String> response) {
        URI uri = response.request().uri();
        if (uri.getPath() == null || !uri.getPath().startsWith("/api/")) {
            return;
        }
        OpenApiDocument document;
        try {
            document = OpenApiDocument.of(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort());
        } catch (IllegalStateException e) {
            // the service went away between its answer and the document's read (a fault scenario): read it next time
            return;
        }
        String method = response.request().method();
        Optional<OpenApiDocument.DocumentedOperation> operation = document.operation(method, uri.getPath());
        if (operation.isEmpty()) {
            contractBreaks.add(method + " " + uri.getPath() + " is not an operation of the document (HTTP "
                    + response.statusCode() + ")");
            return;
        }
        checked.incrementAndGet();
        List<String> problems = ResponseContract.check(
                document,
                operation.get(),
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body().getBytes(StandardCharsets.UTF_8));
        if (!problems.isEmpty()) {
            String body = response.body();
            contractBreaks.add(operation.get().name() + " answered " + response.statusCode() + ": "
                    + String.join("; ", problems) + " — body: "
                    + (body.length() <= 500 ? body : body.substring(0, 500) + "…"));
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
