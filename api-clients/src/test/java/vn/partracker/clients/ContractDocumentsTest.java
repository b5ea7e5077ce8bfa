package vn.partracker.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lint rules in the spirit of Spectral's {@code spectral:oas} set, run on the three documents the clients were
 * generated from (no Spectral binary here, and no service needs to run): unique operationIds (within a document, and
 * across the three except the operations every service serves from service-support), a success answer on every
 * operation and a schema on every success body that is not an untyped tree, declared and required path parameters,
 * no trailing slash, tags declared at the top, no dangling or unused component, no duplicate enum value. Prints how
 * many operations, schemas and examples each document has.
 */
class ContractDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("plans", "indicators", "reporting");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^/}]+)}");
    private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"");

    /** Operations every service serves from service-support, with the same id in each document. */
    private static final Set<String> SHARED = Set.of(
            "listAuditEntries",
            "verifyAuditChain",
            "listDeadLetters",
            "replayDeadLetters",
            "listParkedOutboxEvents",
            "retryParkedOutboxEvent",
            "republishState");

    private static final Map<String, JsonNode> DOCUMENTS = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        Path root = Path.of(System.getProperty("clients.root", ".."))
                .toAbsolutePath()
                .normalize();
        for (String service : SERVICES) {
            Path file = root.resolve(service + "-service/target/openapi/openapi.json");
            DOCUMENTS.put(service, JSON.readTree(Files.readString(file)));
        }
    }

    @Test
    void operationIdsAreUniqueWithinEachDocumentAndAcrossTheServicesOwnOperations() {
        List<String> problems = new ArrayList<>();
        Map<String, String> acrossServices = new HashMap<>();
        DOCUMENTS.forEach((service, document) -> {
            Map<String, String> within = new HashMap<>();
            forEachOperation(document, (name, operation) -> {
                String id = operation.path("operationId").asText("");
                if (id.isEmpty()) {
                    problems.add(service + " " + name + ": no operationId");
                    return;
                }
                String earlier = within.putIfAbsent(id, name);
                if (earlier != null) {
                    problems.add(service + " " + name + ": operationId " + id + " also names " + earlier);
                }
                if (!SHARED.contains(id)) {
                    String other = acrossServices.putIfAbsent(id, service);
                    if (other != null && !other.equals(service)) {
                        problems.add(service + " " + name + ": operationId " + id + " is also one of " + other);
                    }
                }
            });
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyOperationHasASuccessAnswerAndEverySuccessBodyATypedSchema() {
        List<String> problems = new ArrayList<>();
        DOCUMENTS.forEach((service, document) -> forEachOperation(document, (name, operation) -> {
            boolean success = false;
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            operation.path("responses").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                if (!response.getKey().startsWith("2") && !response.getKey().startsWith("3")) {
                    continue;
                }
                success = true;
                response.getValue().path("content").fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (untyped(schema)) {
                        problems.add(service + " " + name + " " + response.getKey() + " " + media.getKey()
                                + ": untyped schema " + schema);
                    }
                });
            }
            if (!success) {
                problems.add(service + " " + name + ": no 2xx or 3xx answer");
            }
            operation.path("requestBody").path("content").fields().forEachRemaining(media -> {
                if (untyped(media.getValue().path("schema"))) {
                    problems.add(service + " " + name + " request " + media.getKey() + ": untyped schema");
                }
            });
        }));
        DOCUMENTS.forEach((service, document) -> {
            if (document.path("components").path("schemas").has("JsonNode")) {
                problems.add(service + ": a JsonNode schema (a Jackson tree documented as a bean)");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void pathParametersAreDeclaredAndRequiredAndPathsHaveNoTrailingSlash() {
        List<String> problems = new ArrayList<>();
        DOCUMENTS.forEach((service, document) -> document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().length() > 1 && path.getKey().endsWith("/")) {
                problems.add(service + " " + path.getKey() + ": trailing slash");
            }
            Set<String> templated = new TreeSet<>();
            Matcher matcher = TEMPLATE.matcher(path.getKey());
            while (matcher.find()) {
                templated.add(matcher.group(1));
            }
            path.getValue().fields().forEachRemaining(method -> {
                if (!METHODS.contains(method.getKey())) {
                    return;
                }
                Set<String> declared = new TreeSet<>();
                Set<String> seen = new HashSet<>();
                for (JsonNode parameter : parameters(path.getValue(), method.getValue())) {
                    String key = parameter.path("in").asText() + ":"
                            + parameter.path("name").asText();
                    if (!seen.add(key)) {
                        problems.add(service + " " + method.getKey() + " " + path.getKey() + ": parameter " + key
                                + " twice");
                    }
                    if (parameter.path("in").asText().equals("path")) {
                        declared.add(parameter.path("name").asText());
                        if (!parameter.path("required").asBoolean()) {
                            problems.add(service + " " + method.getKey() + " " + path.getKey() + ": path parameter "
                                    + parameter.path("name").asText() + " not required");
                        }
                    }
                }
                if (!declared.equals(templated)) {
                    problems.add(service + " " + method.getKey() + " " + path.getKey() + ": path parameters " + declared
                            + " but the template has " + templated);
                }
            });
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void tagsAreDeclaredComponentsAreUsedAndResolvableAndEnumsHaveNoDuplicates() {
        List<String> problems = new ArrayList<>();
        DOCUMENTS.forEach((service, document) -> {
            Set<String> tags = new HashSet<>();
            document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
            forEachOperation(
                    document,
                    (name, operation) -> operation.path("tags").forEach(tag -> {
                        if (!tags.contains(tag.asText())) {
                            problems.add(service + " " + name + ": tag " + tag.asText() + " not declared at the top");
                        }
                    }));
            JsonNode schemas = document.path("components").path("schemas");
            Set<String> referenced = new TreeSet<>();
            Matcher ref = REF.matcher(document.toString());
            while (ref.find()) {
                referenced.add(ref.group(1));
            }
            for (String name : referenced) {
                if (!schemas.has(name)) {
                    problems.add(service + ": $ref to missing schema " + name);
                }
            }
            schemas.fieldNames().forEachRemaining(name -> {
                if (!referenced.contains(name)) {
                    problems.add(service + ": schema " + name + " is never used");
                }
            });
            document.findParents("enum").forEach(holder -> {
                Set<String> values = new HashSet<>();
                holder.path("enum").forEach(value -> {
                    if (!values.add(value.toString())) {
                        problems.add(service + ": enum value " + value + " twice in " + holder);
                    }
                });
            });
        });
        assertEquals(List.of(), problems);
    }

    /** The numbers the issue note asks for: operations, schemas and examples per document. */
    @Test
    void countsPerDocument() {
        DOCUMENTS.forEach((service, document) -> {
            int[] operations = new int[1];
            forEachOperation(document, (name, operation) -> operations[0]++);
            int schemas = document.path("components").path("schemas").size();
            int examples = document.findParents("example").size()
                    + document.findValues("examples").stream()
                            .mapToInt(JsonNode::size)
                            .sum();
            System.out.printf(
                    Locale.ROOT,
                    "%s-service: OpenAPI %s, %d operations, %d schemas, %d examples%n",
                    service,
                    document.path("openapi").asText(),
                    operations[0],
                    schemas,
                    examples);
            assertTrue(operations[0] > 0 && schemas > 0, service);
        });
    }

    private static boolean untyped(JsonNode schema) {
        if (schema.isMissingNode() || schema.isEmpty()) {
            return true;
        }
        if (schema.has("$ref")) {
            return schema.path("$ref").asText().endsWith("/JsonNode");
        }
        return !schema.has("type") && !schema.has("oneOf") && !schema.has("anyOf") && !schema.has("allOf");
    }

    private static List<JsonNode> parameters(JsonNode pathItem, JsonNode operation) {
        List<JsonNode> all = new ArrayList<>();
        pathItem.path("parameters").forEach(all::add);
        operation.path("parameters").forEach(all::add);
        return all;
    }

    private interface OperationVisitor {
        void visit(String name, JsonNode operation);
    }

    private static void forEachOperation(JsonNode document, OperationVisitor visitor) {
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                    if (METHODS.contains(method.getKey())) {
                        visitor.visit(
                                method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue());
                    }
                }));
    }
}
