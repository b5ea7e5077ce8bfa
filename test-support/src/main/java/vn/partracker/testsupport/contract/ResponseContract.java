package vn.partracker.testsupport.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The check itself, independent of the HTTP client that received the answer: the status must be documented for the
 * operation, a body must come in a media type the answer documents, and a JSON body must be valid against the
 * documented schema (OpenAPI 3.1 dialect of JSON Schema 2020-12). Used by RestAssured's {@link
 * OpenApiResponseValidator}, by the fuzzer, and by the e2e tests' own {@code java.net.http} client (which keep
 * RestAssured and Quarkus off their class path).
 */
public final class ResponseContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the counts are written when the test JVM ends (relative to the module under test). */
    public static final Path REPORT = Path.of("target", "openapi-response-validation.txt");

    private static final Map<String, AtomicLong> CHECKED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> BODIES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ResponseContract::report));
    }

    private static void report() {
        StringBuilder text = new StringBuilder();
        CHECKED.forEach((base, count) -> text.append(String.format(
                "%d answers of %s checked against its OpenAPI document, %d JSON bodies validated against their"
                        + " schema%n",
                count.get(), base, BODIES.getOrDefault(base, new AtomicLong()).get())));
        if (text.isEmpty()) {
            return;
        }
        try {
            if (Files.isDirectory(REPORT.getParent())) {
                Files.writeString(REPORT, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException | RuntimeException e) {
            // the JVM is ending: the counts are only informative
        }
    }

    private ResponseContract() {}

    /** How many answers were checked so far against the document served at {@code base}. */
    public static long checked(String base) {
        return CHECKED.getOrDefault(base, new AtomicLong()).get();
    }

    /**
     * What is wrong with an answer of {@code operation} given as its status, Content-Type and body (empty when it
     * matches its document); for HTTP clients other than RestAssured (the fuzzer's).
     */
    public static List<String> check(
            OpenApiDocument document,
            OpenApiDocument.DocumentedOperation operation,
            int status,
            String contentType,
            byte[] body) {
        CHECKED.computeIfAbsent(document.base(), b -> new AtomicLong()).incrementAndGet();
        List<String> problems = new ArrayList<>();
        Optional<JsonNode> documented = operation.response(status);
        if (documented.isEmpty()) {
            problems.add("status " + status + " is not documented (documented: "
                    + fieldNames(operation.operation().path("responses")) + ")");
            return problems;
        }
        if (body.length == 0) {
            return problems;
        }
        JsonNode content = documented.get().path("content");
        String mediaType = baseType(contentType);
        Optional<String> declared = declaredMediaType(content, mediaType);
        if (declared.isEmpty()) {
            problems.add("a " + mediaType + " body, but the answer documents " + fieldNames(content));
            return problems;
        }
        if (!(mediaType.endsWith("/json") || mediaType.endsWith("+json"))) {
            return problems;
        }
        JsonNode schema = content.path(declared.get()).path("schema");
        if (schema.isMissingNode() || schema.isEmpty()) {
            problems.add("the " + declared.get() + " body of status " + status + " has no schema");
            return problems;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            problems.add("the body is not JSON: " + e.getMessage());
            return problems;
        }
        // keyed by the schema itself: the Problem schema of every error answer is compiled once
        List<Error> errors = document.schema(schema.toString(), schema).validate(json);
        BODIES.computeIfAbsent(document.base(), b -> new AtomicLong()).incrementAndGet();
        errors.forEach(error -> problems.add(error.toString()));
        return problems;
    }

    private static Optional<String> declaredMediaType(JsonNode content, String mediaType) {
        for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String declared = it.next();
            String type = baseType(declared);
            if (type.equals(mediaType)
                    || type.equals("*/*")
                    || (type.endsWith("/*") && mediaType.startsWith(type.substring(0, type.length() - 1)))) {
                return Optional.of(declared);
            }
        }
        return Optional.empty();
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
