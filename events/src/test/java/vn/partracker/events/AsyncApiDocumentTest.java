package vn.partracker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code events/asyncapi.yaml} is exactly what {@link AsyncApiDocument} generates from the event catalogue, is a
 * valid AsyncAPI 3.0.0 document (checked against the specification's JSON schema, committed as a test resource),
 * and names every event type with a payload schema that exists. Run with {@code -Dasyncapi.write=true} after
 * changing the catalogue to rewrite the file.
 */
class AsyncApiDocumentTest {

    private static final Path FILE = Path.of("asyncapi.yaml");

    @Test
    void committedDocumentIsTheGeneratedOne() throws Exception {
        String expected = AsyncApiDocument.yaml(AsyncApiDocument.COMMITTED_SCHEMA_BASE, Topics.ALL);
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(FILE, expected);
        }
        assertEquals(expected, Files.readString(FILE), "events/asyncapi.yaml is stale: run with -Dasyncapi.write=true");
    }

    @Test
    void documentIsValidAsyncApi300() throws Exception {
        JsonNode document = new YAMLMapper().readTree(Files.readString(FILE));
        JsonNode specification;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0-schema.json")) {
            specification = new ObjectMapper().readTree(in);
        }
        List<Error> errors = SchemaRegistry.withDefaultDialect(Dialects.getDraft7())
                .getSchema(specification)
                .validate(document);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList());
    }

    @Test
    void everyEventTypeIsAMessageOnItsTopicWithAnExistingPayloadSchema() throws Exception {
        JsonNode document = new YAMLMapper().readTree(Files.readString(FILE));
        List<String> problems = new ArrayList<>();
        for (String type : EventTypes.ALL) {
            EventCatalog.Entry entry = EventCatalog.of(type);
            JsonNode message = document.path("components").path("messages").path(type);
            String ref = message.path("payload").path("schema").path("$ref").asText();
            if (!Files.exists(Path.of(ref))) {
                problems.add(type + ": payload schema " + ref + " does not exist");
            }
            String channel = AsyncApiDocument.channelId(entry.topic());
            if (!document.path("channels").path(channel).path("messages").has(type)) {
                problems.add(type + ": not a message of channel " + channel);
            }
            if (!entry.topic()
                    .equals(document.path("channels")
                            .path(channel)
                            .path("address")
                            .asText())) {
                problems.add(type + ": channel " + channel + " is not topic " + entry.topic());
            }
            JsonNode headers = message.path("headers").path("properties");
            for (String header : List.of(
                    CloudEventHeaders.ID,
                    CloudEventHeaders.TYPE,
                    CloudEventHeaders.SOURCE,
                    CloudEventHeaders.SUBJECT,
                    CloudEventHeaders.TIME,
                    CloudEventHeaders.SPEC_VERSION)) {
                if (!headers.has(header)) {
                    problems.add(type + ": header " + header + " not documented");
                }
            }
            if (!message.path("bindings").path("kafka").has("key")) {
                problems.add(type + ": record key not documented");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aServiceDocumentHasOnlyItsOwnTopics() {
        JsonNode indicators = AsyncApiDocument.tree(
                AsyncApiDocument.SERVED_SCHEMA_BASE, AsyncApiDocument.topicsOf("indicators-service"));
        List<String> channels = new ArrayList<>();
        indicators.path("channels").fieldNames().forEachRemaining(channels::add);
        assertEquals(List.of("agencies", "plans", "indicators", "measurements"), channels);
        assertTrue(indicators.path("operations").has("sendMeasurements"));
        assertTrue(indicators.path("operations").has("indicatorsServiceReceiveAgencies"));
    }
}
