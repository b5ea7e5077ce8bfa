package vn.partracker.testsupport.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A service's own OpenAPI 3.1 document, read once from {@code /q/openapi?format=json} of the application under test,
 * with what the response validator needs: which operation answers a request, which answers it documents, and the
 * compiled JSON schema of each documented body.
 */
public final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, OpenApiDocument> BY_BASE = new ConcurrentHashMap<>();
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^/}]+}");

    private final String base;
    private final JsonNode root;
    private final List<PathTemplate> paths = new ArrayList<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiDocument(String base, JsonNode root) {
        this.base = base;
        this.root = root;
        for (Iterator<String> it = root.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            paths.add(new PathTemplate(
                    path,
                    Pattern.compile(toRegex(path)),
                    TEMPLATE.matcher(path).results().count()));
        }
        // a literal segment wins over a template: /api/indicators/template.xlsx before /api/indicators/{id}
        paths.sort(Comparator.comparingLong(PathTemplate::variables));
    }

    /** The document served by the application at {@code base} (scheme, host and port), read on first use. */
    public static OpenApiDocument of(String base) {
        return BY_BASE.computeIfAbsent(base, OpenApiDocument::load);
    }

    private static OpenApiDocument load(String base) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(base + "/q/openapi answered " + answer.statusCode());
            }
            return new OpenApiDocument(base, JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new IllegalStateException("could not read the OpenAPI document of " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the document was read from. */
    public String base() {
        return base;
    }

    /** The whole document. */
    public JsonNode root() {
        return root;
    }

    /** The documented operation that answers {@code method} on {@code path}, if the document has one. */
    public Optional<DocumentedOperation> operation(String method, String path) {
        for (PathTemplate template : paths) {
            if (template.regex().matcher(path).matches()) {
                JsonNode operation = root.path("paths").path(template.path()).path(method.toLowerCase(Locale.ROOT));
                return operation.isObject()
                        ? Optional.of(new DocumentedOperation(template.path(), method, operation))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The path template of the document that {@code path} matches (whatever the method), if any. */
    public Optional<String> pathTemplate(String path) {
        return paths.stream()
                .filter(template -> template.regex().matcher(path).matches())
                .map(PathTemplate::path)
                .findFirst();
    }

    /** The compiled schema of a documented body, with the document's components resolvable by {@code $ref}. */
    public Schema schema(String key, JsonNode schema) {
        return schemas.computeIfAbsent(key, k -> {
            ObjectNode wrapped = schema.deepCopy();
            wrapped.set("components", root.path("components"));
            return registry.getSchema(wrapped);
        });
    }

    private static String toRegex(String path) {
        StringBuilder regex = new StringBuilder();
        int last = 0;
        var matcher = TEMPLATE.matcher(path);
        while (matcher.find()) {
            regex.append(Pattern.quote(path.substring(last, matcher.start()))).append("[^/]+");
            last = matcher.end();
        }
        return regex.append(Pattern.quote(path.substring(last))).toString();
    }

    private record PathTemplate(String path, Pattern regex, long variables) {}

    /** One operation of the document: its path template, method and OpenAPI object. */
    public record DocumentedOperation(String path, String method, JsonNode operation) {

        /** The documented answer for {@code status}: exact code, then {@code 4XX}-style range, then default. */
        public Optional<JsonNode> response(int status) {
            JsonNode responses = operation.path("responses");
            for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
                if (responses.has(key)) {
                    return Optional.of(responses.get(key));
                }
            }
            return Optional.empty();
        }

        /** How a failure names the operation. */
        public String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path + " ("
                    + operation.path("operationId").asText("?") + ")";
        }
    }
}
