package vn.partracker.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Reads OpenAPI 3.1 schemas and builds plausible values from them, so a hostile value sits inside a valid body. */
public final class Schemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private Schemas() {}

    /** Follows {@code $ref}s inside the document. */
    public static JsonNode resolve(JsonNode node, JsonNode document) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return current;
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** The schema's type: the first non-null entry of a type list, or inferred from its keywords. */
    static String type(JsonNode schema, JsonNode document) {
        JsonNode s = nonNullAlternative(resolve(schema, document), document);
        JsonNode type = s.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (s.has("properties") || s.has("additionalProperties")) {
            return "object";
        }
        if (s.has("items")) {
            return "array";
        }
        return "string";
    }

    /** For {@code anyOf}/{@code oneOf} with a null branch, the other branch. */
    static JsonNode nonNullAlternative(JsonNode schema, JsonNode document) {
        for (String key : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.has(key)) {
                for (JsonNode branch : schema.get(key)) {
                    JsonNode resolved = resolve(branch, document);
                    if (!"null".equals(resolved.path("type").asText())) {
                        return resolved;
                    }
                }
            }
        }
        return schema;
    }

    /** The names of an object schema's properties. */
    static List<String> properties(JsonNode schema, JsonNode document) {
        List<String> names = new ArrayList<>();
        JsonNode s = nonNullAlternative(resolve(schema, document), document);
        s.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The example a schema gives: its {@code example}, else the first of its {@code examples} (OpenAPI 3.1 / JSON
     * Schema), looked up on the schema as written and then on what its {@code $ref} points to; null when none.
     */
    static JsonNode example(JsonNode schema, JsonNode document) {
        if (schema == null || schema.isMissingNode()) {
            return null;
        }
        for (JsonNode s : List.of(schema, nonNullAlternative(resolve(schema, document), document))) {
            JsonNode example = s.get("example");
            if (example != null && !example.isNull()) {
                return example;
            }
            JsonNode examples = s.get("examples");
            if (examples != null && examples.isArray()) {
                for (JsonNode e : examples) {
                    if (!e.isNull()) {
                        return e;
                    }
                }
            }
        }
        return null;
    }

    /**
     * A plausible value of the schema: its example when the document gives one (so a value the service accepts,
     * such as a period of the right form), otherwise one built from its type; {@code ids} supplies real ids for uuid
     * fields where the test has them.
     */
    public static JsonNode sample(JsonNode schema, JsonNode document, Random random, List<String> ids, int depth) {
        JsonNode example = example(schema, document);
        if (example != null) {
            return example.deepCopy();
        }
        JsonNode s = nonNullAlternative(resolve(schema, document), document);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(random.nextInt(s.get("enum").size()));
        }
        switch (type(s, document)) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                if (depth >= MAX_DEPTH) {
                    return object;
                }
                Iterator<Map.Entry<String, JsonNode>> fields =
                        s.path("properties").fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    object.set(field.getKey(), sample(field.getValue(), document, random, ids, depth + 1));
                }
                return object;
            }
            case "array" -> {
                return depth >= MAX_DEPTH
                        ? JSON.arrayNode()
                        : JSON.arrayNode().add(sample(s.path("items"), document, random, ids, depth + 1));
            }
            case "integer" -> {
                return JSON.numberNode(1 + random.nextInt(9));
            }
            case "number" -> {
                return JSON.numberNode(new java.math.BigDecimal("12.5"));
            }
            case "boolean" -> {
                return JSON.booleanNode(random.nextBoolean());
            }
            default -> {
                return JSON.textNode(sampleString(s.path("format").asText(""), random, ids));
            }
        }
    }

    static String sampleString(String format, Random random, List<String> ids) {
        return switch (format) {
            case "uuid" ->
                ids.isEmpty() || random.nextBoolean()
                        ? new UUID(random.nextLong(), random.nextLong()).toString()
                        : ids.get(random.nextInt(ids.size()));
            case "date" -> "2024-03-31";
            case "date-time" -> "2024-03-31T08:00:00Z";
            default -> "Sở Nội vụ";
        };
    }
}
