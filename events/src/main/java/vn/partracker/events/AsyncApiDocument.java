package vn.partracker.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AsyncAPI 3.0 document of the suite's events, generated from {@link EventCatalog}, {@link Topics} and {@link
 * CloudEventHeaders} so that it cannot drift from what the services send: one channel per topic, one message per
 * event type with its CloudEvents headers, its Kafka record key and its payload schema (the generated files under
 * {@code schemas/}), a {@code send} operation for the topic's one writer and a {@code receive} operation for each
 * reader. The committed {@code events/asyncapi.yaml} is {@link #yaml(String, Collection)} of every topic and is
 * checked by a test; each service serves the part about its own topics at {@code /q/asyncapi}.
 */
public final class AsyncApiDocument {

    /** The one service that writes each topic (its {@code ce_source} is {@code /<service>}). */
    public static final Map<String, String> WRITERS = Map.of(
            Topics.AGENCIES, "plans-service",
            Topics.PLANS, "plans-service",
            Topics.INDICATORS, "indicators-service",
            Topics.MEASUREMENTS, "indicators-service",
            Topics.REPORTS, "reporting-service");

    /** The services that read each topic (their {@code mp.messaging.incoming.*.topic}). */
    public static final Map<String, List<String>> READERS = Map.of(
            Topics.AGENCIES, List.of("indicators-service", "reporting-service"),
            Topics.PLANS, List.of("indicators-service", "reporting-service"),
            Topics.INDICATORS, List.of("reporting-service"),
            Topics.MEASUREMENTS, List.of("reporting-service"),
            Topics.REPORTS, List.of());

    /** What the Kafka record key of each event type is (always the id of the aggregate the event is about). */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry(EventTypes.AGENCY_UPSERTED, "the agency id"),
            Map.entry(EventTypes.AGENCY_GROUP_UPSERTED, "the agency group id"),
            Map.entry(EventTypes.PLAN_ISSUED, "the plan id"),
            Map.entry(EventTypes.PLAN_AMENDED, "the plan id"),
            Map.entry(EventTypes.TASK_ASSIGNED, "the plan id of the task"),
            Map.entry(EventTypes.TASK_PROGRESS_REPORTED, "the plan id of the assignment"),
            Map.entry(EventTypes.TASK_STATUS_CHANGED, "the plan id of the assignment"),
            Map.entry(EventTypes.INDICATOR_DEFINED, "the indicator id"),
            Map.entry(EventTypes.MEASUREMENT_SUBMITTED, "the figure (measurement) id"),
            Map.entry(EventTypes.MEASUREMENT_REVISED, "the figure (measurement) id"),
            Map.entry(EventTypes.MEASUREMENT_APPROVED, "the figure (measurement) id"),
            Map.entry(EventTypes.MEASUREMENT_RETURNED, "the figure (measurement) id"),
            Map.entry(EventTypes.MEASUREMENT_REOPENED, "the figure (measurement) id"),
            Map.entry(EventTypes.REPORT_FINALIZED, "the finalized report id"));

    /** Where the committed document finds the payload schemas, relative to {@code events/asyncapi.yaml}. */
    public static final String COMMITTED_SCHEMA_BASE = "./src/main/resources/";

    /** Where a document served at {@code /q/asyncapi} finds them ({@code /q/asyncapi/schemas/<type>.v1.json}). */
    public static final String SERVED_SCHEMA_BASE = "./asyncapi/";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private AsyncApiDocument() {}

    /** The document as YAML, for the given topics only, with payload schema references under {@code schemaBase}. */
    public static String yaml(String schemaBase, Collection<String> topics) {
        try {
            return YAML.writeValueAsString(tree(schemaBase, topics));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the AsyncAPI document", e);
        }
    }

    /** The document as a tree, for the given topics only (in the order of {@link Topics#ALL}). */
    public static ObjectNode tree(String schemaBase, Collection<String> topics) {
        ObjectNode root = NODES.objectNode();
        root.put("asyncapi", "3.0.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "PAR Tracker events");
        info.put("version", "1.0.0");
        info.put(
                "description",
                "Events the PAR Tracker services exchange over Kafka. Generated from the events module's EventCatalog"
                        + " (AsyncApiDocument); do not edit by hand. CloudEvents 1.0 in binary content mode: the"
                        + " event's attributes travel as ce_* headers and the record value is the bare JSON payload,"
                        + " which carries schemaVersion. Each topic is written by exactly one service, through a"
                        + " transactional outbox (at-least-once: a consumer must ignore a ce_id it has already"
                        + " applied). The record key is the id of the aggregate the event is about, so the events of"
                        + " one aggregate stay in one partition and arrive in the order they were committed;"
                        + " replicas also ignore an older version. A new event type or field is an additive change;"
                        + " a breaking payload change gets a new schema version (<type>.v2.json).");
        root.put("defaultContentType", CloudEventHeaders.JSON);
        ObjectNode channels = root.putObject("channels");
        ObjectNode operations = root.putObject("operations");
        ObjectNode messages = NODES.objectNode();
        for (String topic : Topics.ALL) {
            if (!topics.contains(topic)) {
                continue;
            }
            String channelId = channelId(topic);
            List<EventCatalog.Entry> types = EventTypes.ALL.stream()
                    .map(EventCatalog::of)
                    .filter(e -> e.topic().equals(topic))
                    .toList();
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", topic);
            channel.put(
                    "description",
                    "Written by " + WRITERS.get(topic) + " only; read by "
                            + (READERS.get(topic).isEmpty()
                                    ? "no service of the suite (for other systems)"
                                    : String.join(", ", READERS.get(topic)))
                            + ". Record key: the id of the aggregate, so one aggregate's events are ordered.");
            ObjectNode channelMessages = channel.putObject("messages");
            for (EventCatalog.Entry entry : types) {
                channelMessages.putObject(entry.type()).put("$ref", "#/components/messages/" + entry.type());
                messages.set(entry.type(), message(entry, schemaBase));
            }
            operations.set(
                    operationId("send", channelId), operation("send", channelId, types, WRITERS.get(topic) + " "));
            for (String reader : READERS.get(topic)) {
                operations.set(
                        operationId(camel(reader) + "Receive", channelId),
                        operation("receive", channelId, types, reader + " "));
            }
        }
        root.putObject("components").set("messages", messages);
        return root;
    }

    /** The channel id of a topic: {@code partracker.agencies} → {@code agencies}. */
    public static String channelId(String topic) {
        return topic.substring(topic.lastIndexOf('.') + 1);
    }

    private static ObjectNode operation(String action, String channelId, List<EventCatalog.Entry> types, String who) {
        ObjectNode operation = NODES.objectNode();
        operation.put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + channelId);
        operation.put(
                "summary",
                who + ("send".equals(action) ? "publishes to " : "consumes ") + "partracker." + channelId
                        + ("send".equals(action)
                                ? " from its outbox, after the commit"
                                : ", idempotently (ce_id), committing the offset after its database commit"));
        ArrayNode refs = operation.putArray("messages");
        types.forEach(t -> refs.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + t.type()));
        return operation;
    }

    private static ObjectNode message(EventCatalog.Entry entry, String schemaBase) {
        ObjectNode message = NODES.objectNode();
        message.put("name", entry.type());
        message.put("title", entry.type());
        message.put("summary", "Payload " + entry.payload().getSimpleName() + " on topic " + entry.topic());
        message.put("contentType", CloudEventHeaders.JSON);
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        text(properties, CloudEventHeaders.ID, "Unique event id (UUID); consumers record it to apply an event once")
                .put("format", "uuid");
        text(properties, CloudEventHeaders.TYPE, "The event type").put("const", entry.type());
        text(properties, CloudEventHeaders.SOURCE, "The writing service")
                .put("const", "/" + WRITERS.get(entry.topic()));
        text(properties, CloudEventHeaders.SUBJECT, "The aggregate id, the same as the record key")
                .put("format", "uuid");
        text(properties, CloudEventHeaders.TIME, "When the change was committed (UTC, ISO-8601)")
                .put("format", "date-time");
        text(properties, CloudEventHeaders.SPEC_VERSION, "CloudEvents version")
                .put("const", CloudEventHeaders.SPEC_VERSION_1_0);
        text(properties, CloudEventHeaders.CONTENT_TYPE, "Media type of the record value")
                .put("const", CloudEventHeaders.JSON);
        ArrayNode required = headers.putArray("required");
        List.of(
                        CloudEventHeaders.ID,
                        CloudEventHeaders.TYPE,
                        CloudEventHeaders.SOURCE,
                        CloudEventHeaders.TIME,
                        CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.CONTENT_TYPE)
                .forEach(required::add);
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", "application/schema+json;version=draft-2020-12");
        payload.putObject("schema").put("$ref", schemaBase + EventCatalog.schemaResource(entry.type()));
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode key = kafka.putObject("key");
        key.put("type", "string");
        key.put("format", "uuid");
        key.put("description", "Record key: " + KEYS.get(entry.type()) + " (StringSerializer)");
        kafka.put("bindingVersion", "0.5.0");
        return message;
    }

    private static ObjectNode text(ObjectNode properties, String name, String description) {
        ObjectNode property = properties.putObject(name);
        property.put("type", "string");
        property.put("description", description);
        return property;
    }

    private static String operationId(String prefix, String channelId) {
        return prefix + Character.toUpperCase(channelId.charAt(0)) + channelId.substring(1);
    }

    private static String camel(String service) {
        String[] parts = service.toLowerCase(Locale.ROOT).split("-");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return out.toString();
    }

    /** Topics a service writes or reads, in the order of {@link Topics#ALL}. */
    public static List<String> topicsOf(String service) {
        return Topics.ALL.stream()
                .filter(topic ->
                        service.equals(WRITERS.get(topic)) || READERS.get(topic).contains(service))
                .toList();
    }
}
