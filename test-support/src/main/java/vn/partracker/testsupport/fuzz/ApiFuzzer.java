package vn.partracker.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import vn.partracker.testsupport.contract.OpenApiDocument;
import vn.partracker.testsupport.contract.ResponseContract;
import vn.partracker.testsupport.security.TestTokens;

/**
 * Sends hostile requests to a running service, generated from the service's own OpenAPI document with a fixed seed,
 * and checks every answer: never a 5xx, a valid RFC 9457 problem+json for every 4xx, every answer within the time
 * limit, no table changed by a batch of writes that were all rejected, and every answer valid against the same
 * document ({@link ResponseContract#check}: status documented for the operation, media type documented, JSON
 * body valid against its schema), so that what a client generated from the document meets under hostile input is what
 * the document promises.
 *
 * <p>An answer is checked against the operation that the request's actual path and method select in the document (a
 * hostile path parameter can select another operation, e.g. {@code GET /api/indicators/template.xlsx}). A request
 * whose path and method select no operation of the document (a 404 for a path the document does not have, or the
 * framework's 405 for a method the path does not declare) has no contract to check: such answers are counted in
 * {@link Report#unchecked()} and printed, and they must still be problem+json like every other 4xx.
 *
 * <p>Each request varies one thing of a plausible request: one body field (wrong type, empty or huge string,
 * injection text, control characters, lone surrogates, numbers beyond any range, exponents, impossible dates,
 * unknown enum values, deep nesting), the whole body (truncated, duplicate keys, wrong top-level type, invalid
 * UTF-8, huge nesting), one query or path parameter, or a header ({@code If-Match}, {@code Idempotency-Key},
 * {@code Content-Type}). Operations are visited round-robin so each gets the same share.
 */
public final class ApiFuzzer {

    /**
     * What to fuzz and how.
     *
     * @param baseUri the service, e.g. {@code http://localhost:8081}
     * @param seed the random seed (a failure names it, so it can be replayed)
     * @param requests how many requests to send
     * @param timeLimit the slowest answer accepted
     * @param dataSource the service's database, for the "rejected writes change nothing" check
     * @param volatileTables tables that change without a request (outbox relay marks, consumer bookkeeping)
     * @param knownIds real ids to put into path parameters and uuid fields now and then, so requests reach past
     *     the 404 of an unknown id
     * @param skippedOperations operations not to fuzz (by {@link Operation#name()}, e.g. an admin rebuild)
     */
    public record Settings(
            URI baseUri,
            long seed,
            int requests,
            Duration timeLimit,
            DataSource dataSource,
            Set<String> volatileTables,
            List<String> knownIds,
            Set<String> skippedOperations) {}

    /**
     * The outcome.
     *
     * @param requests how many were sent
     * @param statuses per operation, the count of each status code
     * @param slowest the slowest request and its time in milliseconds
     * @param failures every broken expectation, with the request that broke it
     * @param validated how many answers were checked against the document
     * @param unchecked per "METHOD path" that selects no operation of the document, the count of each status
     */
    public record Report(
            int requests,
            Map<String, Map<Integer, Integer>> statuses,
            String slowest,
            List<String> failures,
            int validated,
            Map<String, Map<Integer, Integer>> unchecked) {

        /** A printable table: operation × status count, then the slowest request. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%-60s %s%n", "operation", "status counts"));
            statuses.forEach((op, counts) -> sb.append(String.format("%-60s %s%n", op, counts)));
            sb.append("requests: ")
                    .append(requests)
                    .append(", slowest: ")
                    .append(slowest)
                    .append('\n');
            sb.append("answers validated against the OpenAPI document: ")
                    .append(validated)
                    .append("; not an operation of the document (not checked): ")
                    .append(unchecked.values().stream()
                            .flatMap(counts -> counts.values().stream())
                            .mapToInt(Integer::intValue)
                            .sum())
                    .append(' ')
                    .append(unchecked)
                    .append('\n');
            sb.append("failures: ").append(failures.size()).append('\n');
            failures.stream().limit(200).forEach(f -> sb.append("  ").append(f).append('\n'));
            return sb.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "\u0000FUZZ\u0000";
    private static final int BATCH = 25;
    private static final Set<String> PROBLEM_FIELDS = Set.of("type", "title", "status");

    private final Settings settings;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Map<Integer, Integer>> unchecked = new TreeMap<>();
    private JsonNode document;
    private OpenApiDocument contract;
    private int validated;
    private long slowestMillis = -1;
    private String slowest = "none";
    private int sent;

    private ApiFuzzer(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    /** Fuzzes the service and returns what it found; the caller asserts on {@link Report#failures()}. */
    public static Report run(Settings settings) {
        return new ApiFuzzer(settings).run();
    }

    private Report run() {
        document = read(send(HttpRequest.newBuilder(settings.baseUri().resolve("/q/openapi?format=json"))
                        .GET()
                        .build())
                .body());
        URI base = settings.baseUri();
        contract = OpenApiDocument.of(base.getScheme() + "://" + base.getHost() + ":" + base.getPort());
        List<Operation> operations = Operation.all(document).stream()
                .filter(op -> !settings.skippedOperations().contains(op.name()))
                .toList();
        if (operations.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document lists no operation to fuzz");
        }
        int next = 0;
        while (sent < settings.requests()) {
            List<Probe> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH && sent + batch.size() < settings.requests(); i++) {
                batch.add(probe(operations.get(next++ % operations.size())));
            }
            runBatch(batch);
        }
        return new Report(sent, statuses, slowest, failures, validated, unchecked);
    }

    private void runBatch(List<Probe> batch) {
        boolean writes = batch.stream().anyMatch(p -> p.operation().writes());
        TableSnapshot before = writes ? TableSnapshot.take(settings.dataSource(), settings.volatileTables()) : null;
        boolean allWritesRejected = true;
        for (Probe probe : batch) {
            int status = exchange(probe);
            if (probe.operation().writes() && status < 400) {
                allWritesRejected = false;
            }
        }
        if (writes && allWritesRejected) {
            List<String> changed = TableSnapshot.take(settings.dataSource(), settings.volatileTables())
                    .changedSince(before);
            if (!changed.isEmpty()) {
                failures.add("rejected writes changed tables " + changed + " in the batch ending with "
                        + batch.get(batch.size() - 1).describe() + " (seed " + settings.seed() + ")");
            }
        }
    }

    private int exchange(Probe probe) {
        long began = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = send(probe.request());
        } catch (IllegalStateException e) {
            failures.add(probe.describe() + ": no answer (" + e.getMessage() + ")");
            sent++;
            return 599;
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        sent++;
        statuses.computeIfAbsent(probe.operation().name(), k -> new TreeMap<>())
                .merge(response.statusCode(), 1, Integer::sum);
        if (millis > slowestMillis) {
            slowestMillis = millis;
            slowest = millis + " ms " + probe.describe() + " → " + response.statusCode();
        }
        if (millis > settings.timeLimit().toMillis()) {
            failures.add(probe.describe() + ": answered in " + millis + " ms");
        }
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(probe.describe() + ": " + status + " " + abbreviate(response.body()));
        } else if (status >= 400) {
            String problem = problemError(response);
            if (problem != null) {
                failures.add(probe.describe() + ": " + status + " " + problem);
            }
        }
        checkAgainstDocument(probe, response);
        return status;
    }

    /** Validates the answer against the operation its path and method select in the document, if any. */
    private void checkAgainstDocument(Probe probe, HttpResponse<String> response) {
        String path = probe.request().uri().getRawPath();
        String method = probe.request().method();
        Optional<OpenApiDocument.DocumentedOperation> operation = contract.operation(method, path);
        if (operation.isEmpty()) {
            String key = probe.operation().name()
                    + contract.pathTemplate(path)
                            .map(template -> " → " + method + " " + template + " undocumented")
                            .orElse(" → path undocumented");
            unchecked.computeIfAbsent(key, k -> new TreeMap<>()).merge(response.statusCode(), 1, Integer::sum);
            return;
        }
        validated++;
        List<String> problems = ResponseContract.check(
                contract,
                operation.get(),
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8));
        if (!problems.isEmpty()) {
            failures.add(probe.describe() + ": " + response.statusCode() + " breaks the OpenAPI document of "
                    + operation.get().name() + ": " + String.join("; ", problems));
        }
    }

    private static String problemError(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "answered with Content-Type '" + type + "', not application/problem+json";
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            return "problem body is not JSON";
        }
        for (String field : PROBLEM_FIELDS) {
            if (body == null || !body.hasNonNull(field)) {
                return "problem body lacks '" + field + "'";
            }
        }
        return body.get("status").asInt() == response.statusCode() ? null : "problem status differs from HTTP status";
    }

    private Probe probe(Operation op) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Operation.Parameter p : op.parameters()) {
            String value = plausible(p);
            switch (p.in()) {
                case "path" -> pathValues.put(p.name(), value);
                case "query" -> {
                    // a parameter the document gives an example for is part of the plausible request
                    if (p.required() || p.example() != null || random.nextInt(3) == 0) {
                        query.put(p.name(), value);
                    }
                }
                case "header" -> {
                    if (p.required() || random.nextInt(3) == 0) {
                        headers.put(p.name(), value);
                    }
                }
                default -> {}
            }
        }
        String contentType = op.bodyMediaType();
        byte[] body = op.bodyMediaType() == null ? null : plausibleBody(op);
        String what;
        int mutation = random.nextInt(op.bodyMediaType() == null ? 3 : 6);
        switch (mutation) {
            case 0 -> {
                String target = randomKey(pathValues, query, op);
                what = "parameter " + target;
                String value = HostileValues.text(random);
                if (pathValues.containsKey(target)) {
                    pathValues.put(target, value);
                } else {
                    query.put(target, value);
                }
            }
            case 1 -> {
                String header = random.nextBoolean() ? "If-Match" : "Idempotency-Key";
                String value = random.nextBoolean() ? HostileValues.text(random) : "\"" + HostileValues.text(random);
                headers.put(header, value);
                what = "header " + header;
            }
            case 2 -> {
                String name = "unknown" + random.nextInt(3);
                query.put(name, HostileValues.text(random));
                what = "query " + name;
            }
            case 3 -> {
                body = HostileValues.body(random).getBytes(StandardCharsets.UTF_8);
                what = "whole body";
            }
            case 4 -> {
                body = random.nextInt(4) == 0 ? HostileValues.invalidUtf8Body() : bodyWithHostileField(op);
                what = "body field";
                contentType = "application/json";
            }
            default -> {
                contentType = random.nextBoolean() ? "text/plain" : "application/xml";
                what = "content type";
            }
        }
        String path = op.path();
        for (Map.Entry<String, String> e : pathValues.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", encode(e.getValue()));
        }
        StringBuilder uri = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            uri.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.baseUri().resolve(uri.toString()))
                .timeout(settings.timeLimit().plusSeconds(8));
        headers.forEach((name, value) -> {
            String clean = value.replaceAll("[^\\x20-\\x7e]", "").strip();
            if (!clean.isEmpty()) {
                request.header(name, clean);
            }
        });
        if (headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            request.header("Authorization", TestTokens.bearer(TestTokens.admin()));
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(op.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(op.method(), HttpRequest.BodyPublishers.noBody());
        }
        return new Probe(op, what, request.build());
    }

    private String plausible(Operation.Parameter p) {
        if (p.example() != null) {
            return p.example().isTextual() ? p.example().asText() : p.example().toString();
        }
        JsonNode schema = Schemas.resolve(p.schema(), document);
        JsonNode sample = Schemas.sample(schema, document, random, settings.knownIds(), 0);
        return sample.isTextual() ? sample.asText() : sample.toString();
    }

    private byte[] plausibleBody(Operation op) {
        if (op.bodyExample() != null) {
            String text = op.bodyExample().isTextual() && !op.bodyMediaType().contains("json")
                    ? op.bodyExample().asText()
                    : op.bodyExample().toString();
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (!op.bodyMediaType().contains("json")) {
            return "code,name\nKT.SNV,Sở Nội vụ\n".getBytes(StandardCharsets.UTF_8);
        }
        return Schemas.sample(op.bodySchema(), document, random, settings.knownIds(), 0)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A plausible body with one field (at the top or one level down) replaced by a hostile JSON value. */
    private byte[] bodyWithHostileField(Operation op) {
        JsonNode sample = op.bodyExample() != null && op.bodyMediaType().contains("json")
                ? op.bodyExample().deepCopy()
                : op.bodySchema() == null
                        ? JSON.createObjectNode()
                        : Schemas.sample(op.bodySchema(), document, random, settings.knownIds(), 0);
        ObjectNode target = sample.isObject() ? (ObjectNode) sample : JSON.createObjectNode();
        if (sample.isArray() && !sample.isEmpty() && sample.get(0).isObject()) {
            target = (ObjectNode) sample.get(0);
        }
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        String field = fields.isEmpty() ? "unexpected" : fields.get(random.nextInt(fields.size()));
        JsonNode child = target.get(field);
        if (child != null && child.isObject() && !child.isEmpty() && random.nextBoolean()) {
            List<String> inner = new ArrayList<>();
            child.fieldNames().forEachRemaining(inner::add);
            ((ObjectNode) child).put(inner.get(random.nextInt(inner.size())), PLACEHOLDER);
        } else {
            target.put(field, PLACEHOLDER);
        }
        JsonNode root = sample.isObject() || sample.isArray() ? sample : target;
        String text = root.toString().replace("\"\\u0000FUZZ\\u0000\"", HostileValues.json(random));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String randomKey(Map<String, String> pathValues, Map<String, String> query, Operation op) {
        List<String> names = new ArrayList<>(pathValues.keySet());
        op.parameters().stream()
                .filter(p -> p.in().equals("query"))
                .map(Operation.Parameter::name)
                .forEach(names::add);
        return names.isEmpty() ? "page" : names.get(random.nextInt(names.size()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    /** One request and what in it is hostile. */
    private record Probe(Operation operation, String what, HttpRequest request) {

        String describe() {
            String uri = request.uri().toString();
            return operation.name() + " [" + what + "] " + (uri.length() <= 160 ? uri : uri.substring(0, 160) + "…");
        }
    }
}
