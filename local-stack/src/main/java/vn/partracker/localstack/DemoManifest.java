package vn.partracker.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The demo data manifest ({@code demo-data/manifest.json}): a JSON array of HTTP requests sent in order once the
 * services are ready. Example step:
 *
 * <pre>{@code
 * {"service": "plans", "method": "POST", "path": "/api/plans/import", "file": "kontum-59-plan.json",
 *  "waitFor": {"service": "indicators", "path": "/api/indicators", "jsonPath": "$[20]"}}
 * }</pre>
 *
 * <p>{@code waitFor} is a precondition: before the step's request is sent, {@code path} on the given service is
 * polled ({@code GET} by default) until it answers 2xx and, when {@code jsonPath} is given, the value there exists and
 * is not null or empty (and equals {@code equals} when that is given). This covers data that reaches a service
 * through Kafka. A side-effect-free {@code POST} with a {@code file} also works, e.g. an import with
 * {@code ?dryRun=true} polled until {@code $.valid} is {@code true}.
 *
 * <p>{@code retrySeconds} is the other way to wait: the step's own request is sent again (with the same
 * {@code Idempotency-Key}) while it fails, for up to that many seconds. It suits an import that is refused until
 * data from another service has arrived, and, unlike a dry run, it also passes on a restart, when the import answers
 * 409.
 *
 * @param directory the directory of the manifest; step files are resolved against it
 * @param steps the steps in order
 */
public record DemoManifest(Path directory, List<Step> steps) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STEP_FIELDS =
            Set.of("service", "method", "path", "file", "waitFor", "retrySeconds", "description");
    private static final Set<String> WAIT_FIELDS =
            Set.of("service", "method", "path", "file", "jsonPath", "equals", "timeoutSeconds");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    /** Copies the steps. */
    public DemoManifest {
        steps = List.copyOf(steps);
    }

    /**
     * One request.
     *
     * @param number position in the manifest, from 1
     * @param service the service the request goes to
     * @param method HTTP method, upper case
     * @param path path and query, starting with {@code /}
     * @param file body file relative to the manifest directory, if any
     * @param waitFor a condition to wait for before sending, if any
     * @param retry how long to keep re-sending the request while it fails ({@link Duration#ZERO}: send once)
     * @param description free text shown in the progress line, if any
     */
    public record Step(
            int number,
            AppService service,
            String method,
            String path,
            Optional<String> file,
            Optional<WaitFor> waitFor,
            Duration retry,
            Optional<String> description) {}

    /**
     * A readiness condition, polled.
     *
     * @param service the service to ask
     * @param method HTTP method, {@code GET} unless given
     * @param path path and query, starting with {@code /}
     * @param file body file relative to the manifest directory, if any
     * @param jsonPath where a value must appear in the response, if given
     * @param equals the text that value must have, if given
     * @param timeout how long to poll before giving up
     */
    public record WaitFor(
            AppService service,
            String method,
            String path,
            Optional<String> file,
            Optional<JsonPath> jsonPath,
            Optional<String> equals,
            Duration timeout) {}

    /**
     * Parses and validates a manifest.
     *
     * @throws IllegalArgumentException naming the step and field that is wrong
     */
    public static DemoManifest parse(String json, Path directory) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("manifest is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("manifest must be a JSON array of steps");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            steps.add(parseStep(root.get(i), i + 1, directory));
        }
        return new DemoManifest(directory, steps);
    }

    /** Returns whether a response status counts as success: any 2xx, or 409 (the data is already there). */
    public static boolean isSuccess(int status) {
        return (status >= 200 && status < 300) || status == 409;
    }

    /** Returns the lower-case hex SHA-256 of the bytes, used as the {@code Idempotency-Key} of a step. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Returns whether a waitFor value is present: not null, and not an empty string, array or object. */
    public static boolean isPresent(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isContainerNode()) {
            return !node.isEmpty();
        }
        return !(node.isTextual() && node.asText().isEmpty());
    }

    /** Returns whether a value matches the expected text: scalars by their text, others by their JSON. */
    public static boolean matches(JsonNode node, String expected) {
        return node.isValueNode()
                ? node.asText().equals(expected)
                : node.toString().equals(expected);
    }

    private static Step parseStep(JsonNode node, int number, Path directory) {
        String where = "step " + number;
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": must be a JSON object");
        }
        checkFields(node, STEP_FIELDS, where);
        AppService service = service(node, where);
        String method = method(node, "POST", where);
        String path = path(node, where);
        Optional<String> file = optionalText(node, "file", where);
        file.ifPresent(f -> checkInside(directory, f, where));
        Optional<WaitFor> waitFor = node.has("waitFor")
                ? Optional.of(parseWait(node.get("waitFor"), service, directory, where + " waitFor"))
                : Optional.empty();
        Duration retry =
                node.has("retrySeconds") ? seconds(node.get("retrySeconds"), "retrySeconds", where) : Duration.ZERO;
        return new Step(number, service, method, path, file, waitFor, retry, optionalText(node, "description", where));
    }

    private static WaitFor parseWait(JsonNode node, AppService defaultService, Path directory, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": must be a JSON object");
        }
        checkFields(node, WAIT_FIELDS, where);
        AppService service = node.has("service") ? service(node, where) : defaultService;
        Optional<JsonPath> jsonPath;
        try {
            jsonPath = optionalText(node, "jsonPath", where).map(JsonPath::parse);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        Optional<String> equals = node.has("equals")
                ? Optional.of(
                        node.get("equals").isValueNode()
                                ? node.get("equals").asText()
                                : node.get("equals").toString())
                : Optional.empty();
        if (equals.isPresent() && jsonPath.isEmpty()) {
            throw new IllegalArgumentException(where + ": equals needs a jsonPath");
        }
        Duration timeout = node.has("timeoutSeconds")
                ? seconds(node.get("timeoutSeconds"), "timeoutSeconds", where)
                : DEFAULT_WAIT;
        String method = method(node, "GET", where);
        Optional<String> file = optionalText(node, "file", where);
        file.ifPresent(f -> checkInside(directory, f, where));
        return new WaitFor(service, method, path(node, where), file, jsonPath, equals, timeout);
    }

    private static Duration seconds(JsonNode value, String field, String where) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() <= 0) {
            throw new IllegalArgumentException(where + ": " + field + " must be a positive integer");
        }
        return Duration.ofSeconds(value.asInt());
    }

    private static String method(JsonNode node, String defaultMethod, String where) {
        String method =
                optionalText(node, "method", where).orElse(defaultMethod).toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException(where + ": method must be one of " + METHODS + ", got " + method);
        }
        return method;
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field '" + name + "' (allowed: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static AppService service(JsonNode node, String where) {
        String name = optionalText(node, "service", where)
                .orElseThrow(() -> new IllegalArgumentException(where + ": service is required"));
        return AppService.byName(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        where + ": service must be plans, indicators or reporting, got '" + name + "'"));
    }

    private static String path(JsonNode node, String where) {
        String path = optionalText(node, "path", where)
                .orElseThrow(() -> new IllegalArgumentException(where + ": path is required"));
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(where + ": path must start with '/', got '" + path + "'");
        }
        return path;
    }

    private static Optional<String> optionalText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": " + field + " must be a non-empty string");
        }
        return Optional.of(value.asText());
    }

    private static void checkInside(Path directory, String file, String where) {
        Path base = directory.toAbsolutePath().normalize();
        Path resolved = base.resolve(file).normalize();
        if (Path.of(file).isAbsolute() || !resolved.startsWith(base)) {
            throw new IllegalArgumentException(where + ": file must be inside " + directory + ", got '" + file + "'");
        }
    }
}
