package vn.partracker.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One operation of an OpenAPI document, reduced to what the fuzzer varies: method, path template, parameters and
 * the request body's media type and schema.
 *
 * @param method HTTP method in upper case
 * @param path the path template, e.g. {@code /api/agencies/{id}}
 * @param parameters path, query and header parameters
 * @param bodyMediaType the first media type of the request body, or null when there is none
 * @param bodySchema the schema of that media type, or null
 * @param bodyExample the media type's {@code example} (or its first {@code examples} entry's value), or null: the
 *     baseline body of that operation, so the fuzzer varies one thing of a request the service accepts
 */
public record Operation(
        String method,
        String path,
        List<Parameter> parameters,
        String bodyMediaType,
        JsonNode bodySchema,
        JsonNode bodyExample) {

    /**
     * A parameter: where it goes ({@code path}, {@code query}, {@code header}), its name and schema, and the value
     * its document gives as example (the parameter's {@code example}, its first {@code examples} entry, or the
     * schema's example), or null when it gives none.
     */
    public record Parameter(String in, String name, boolean required, JsonNode schema, JsonNode example) {}

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** The operations of a document, in document order. */
    public static List<Operation> all(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(path.getValue().path("parameters"), document);
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(op.path("parameters"), document));
                String mediaType = null;
                JsonNode schema = null;
                JsonNode example = null;
                Iterator<Map.Entry<String, JsonNode>> content = Schemas.resolve(op.path("requestBody"), document)
                        .path("content")
                        .fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    mediaType = first.getKey();
                    schema = first.getValue().path("schema");
                    example = example(first.getValue(), document);
                }
                operations.add(new Operation(
                        method.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        parameters,
                        mediaType,
                        schema,
                        example));
            }
        }
        return operations;
    }

    /** {@code GET /api/agencies/{id}}. */
    public String name() {
        return method + " " + path;
    }

    boolean writes() {
        return !method.equals("GET");
    }

    private static List<Parameter> parameters(JsonNode list, JsonNode document) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode raw : list) {
            JsonNode p = Schemas.resolve(raw, document);
            parameters.add(new Parameter(
                    p.path("in").asText(),
                    p.path("name").asText(),
                    p.path("required").asBoolean(),
                    p.path("schema"),
                    example(p, document)));
        }
        return parameters;
    }

    /**
     * The example a parameter or media type object gives: its {@code example}, else the value of its first
     * {@code examples} entry (an Example object, possibly a {@code $ref}), else its schema's example; null when none.
     */
    static JsonNode example(JsonNode holder, JsonNode document) {
        JsonNode example = holder.get("example");
        if (example != null && !example.isNull()) {
            return example;
        }
        JsonNode examples = holder.path("examples");
        Iterator<JsonNode> entries = examples.elements();
        while (entries.hasNext()) {
            JsonNode value = Schemas.resolve(entries.next(), document).get("value");
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return Schemas.example(holder.path("schema"), document);
    }
}
