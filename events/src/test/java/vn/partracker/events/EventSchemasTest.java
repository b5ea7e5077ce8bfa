package vn.partracker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON schemas shipped in {@code schemas/} are exactly what the payload records generate. Run with
 * {@code -Dschemas.write=true} after changing a record to rewrite them (and bump the schema version when the change
 * is not backward compatible).
 */
class EventSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Stream<String> types() {
        return EventTypes.ALL.stream();
    }

    @Test
    void everyTypeHasATopicAndPayload() {
        for (String type : EventTypes.ALL) {
            EventCatalog.Entry entry = EventCatalog.of(type);
            assertTrue(Topics.ALL.contains(entry.topic()), type + " topic");
            assertNotNull(entry.payload(), type + " payload");
        }
        assertEquals(EventTypes.ALL.size(), EventCatalog.entries().size());
    }

    @ParameterizedTest
    @MethodSource("types")
    void shippedSchemaMatchesThePayloadRecord(String type) throws Exception {
        EventCatalog.Entry entry = EventCatalog.of(type);
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "urn:partracker:events:" + type + ":v1");
        schema.put("title", type);
        schema.put(
                "description",
                "Payload of " + type + " on topic " + entry.topic()
                        + "; CloudEvents attributes travel as ce_* Kafka headers.");
        java.util.Set<Class<?>> recursive = new java.util.LinkedHashSet<>();
        schema.setAll(objectSchema(entry.payload(), new java.util.HashSet<>(), recursive));
        if (!recursive.isEmpty()) {
            ObjectNode defs = schema.putObject("$defs");
            for (Class<?> c : recursive) {
                defs.set(c.getSimpleName(), objectSchema(c, new java.util.HashSet<>(List.of(c)), recursive));
            }
        }
        String expected = MAPPER.writeValueAsString(schema) + "\n";

        Path file = Path.of("src/main/resources", EventCatalog.schemaResource(type));
        if (Boolean.getBoolean("schemas.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected);
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventCatalog.schemaResource(type))) {
            assertNotNull(in, "missing " + file + "; run the build once with -Dschemas.write=true");
            JsonNode shipped = MAPPER.readTree(in);
            assertEquals(MAPPER.readTree(expected), shipped, file + " is out of date; regenerate it");
        }
    }

    private static ObjectNode objectSchema(
            Class<?> record, java.util.Set<Class<?>> inProgress, java.util.Set<Class<?>> recursive) {
        inProgress.add(record);
        ObjectNode node = NODES.objectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), typeSchema(component.getGenericType(), inProgress, recursive));
            if (component.getType().isPrimitive() || Collection.class.isAssignableFrom(component.getType())) {
                required.add(component.getName());
            }
        }
        node.set("required", required);
        node.put("additionalProperties", true);
        inProgress.remove(record);
        return node;
    }

    private static ObjectNode typeSchema(
            Type type, java.util.Set<Class<?>> inProgress, java.util.Set<Class<?>> recursive) {
        ObjectNode node = NODES.objectNode();
        if (type instanceof ParameterizedType p && Collection.class.isAssignableFrom((Class<?>) p.getRawType())) {
            node.put("type", "array");
            node.set("items", typeSchema(p.getActualTypeArguments()[0], inProgress, recursive));
            return node;
        }
        if (type instanceof ParameterizedType p && Map.class.isAssignableFrom((Class<?>) p.getRawType())) {
            node.set("type", NODES.arrayNode().add("object").add("null"));
            node.set("additionalProperties", typeSchema(p.getActualTypeArguments()[1], inProgress, recursive));
            return node;
        }
        Class<?> c = (Class<?>) type;
        if (c == int.class || c == long.class) {
            node.put("type", "integer");
        } else if (c == Integer.class || c == Long.class) {
            node.set("type", NODES.arrayNode().add("integer").add("null"));
        } else if (c == BigDecimal.class) {
            node.set("type", NODES.arrayNode().add("number").add("null"));
        } else if (c == boolean.class) {
            node.put("type", "boolean");
        } else if (c == String.class) {
            node.set("type", NODES.arrayNode().add("string").add("null"));
        } else if (c == UUID.class) {
            node.set("type", NODES.arrayNode().add("string").add("null"));
            node.put("format", "uuid");
        } else if (c == LocalDate.class) {
            node.set("type", NODES.arrayNode().add("string").add("null"));
            node.put("format", "date");
        } else if (c == OffsetDateTime.class) {
            node.set("type", NODES.arrayNode().add("string").add("null"));
            node.put("format", "date-time");
        } else if (c.isRecord() && inProgress.contains(c)) {
            recursive.add(c);
            node.put("$ref", "#/$defs/" + c.getSimpleName());
        } else if (c.isRecord()) {
            return objectSchema(c, inProgress, recursive);
        } else {
            throw new IllegalArgumentException("no schema mapping for " + c + " in " + List.of(type));
        }
        return node;
    }
}
