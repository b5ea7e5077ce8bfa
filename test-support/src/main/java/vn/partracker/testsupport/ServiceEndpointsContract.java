package vn.partracker.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.partracker.testsupport.contract.OpenApiDocument;
import vn.partracker.testsupport.contract.OpenApiResponseValidator;
import vn.partracker.testsupport.fuzz.Operation;
import vn.partracker.testsupport.fuzz.Schemas;

/**
 * The operational endpoints every service must serve, checked the same way for all three: a service's test class
 * extends this and carries its own {@code @QuarkusTest} annotations.
 */
public abstract class ServiceEndpointsContract {

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiIsVersion31() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", startsWith("3.1"));
    }

    /**
     * Frontend teams generate clients from the OpenAPI document, so every operation must say what it does and carry
     * a tag, every operation that takes input (parameters or a body) must document its error answers, and every
     * documented error answer has a body schema (problem+json unless the operation says otherwise).
     */
    @Test
    void everyOperationHasASummaryATagAndDocumentsItsErrorAnswers() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        List<String> problems = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, raw) -> {
            if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            String name = method.toUpperCase(Locale.ROOT) + " " + path;
            Object summary = raw.get("summary");
            if (summary == null || summary.toString().isBlank()) {
                problems.add(name + ": no summary");
            }
            Object tags = raw.get("tags");
            if (!(tags instanceof List<?> list) || list.isEmpty()) {
                problems.add(name + ": no tag");
            }
            boolean takesInput = raw.get("requestBody") != null
                    || (raw.get("parameters") instanceof List<?> params && !params.isEmpty());
            Object responses = raw.get("responses");
            boolean documentsAnError = !takesInput
                    || responses instanceof Map<?, ?> map
                            && map.keySet().stream()
                                    .anyMatch(code -> code.toString().startsWith("4"));
            if (!documentsAnError) {
                problems.add(name + ": no 4xx response documented");
            }
            if (responses instanceof Map<?, ?> map) {
                map.forEach((code, response) -> {
                    boolean error =
                            code.toString().startsWith("4") || code.toString().startsWith("5");
                    if (error
                            && !(response instanceof Map<?, ?> r
                                    && r.get("content") instanceof Map<?, ?> c
                                    && !c.isEmpty())) {
                        problems.add(name + ": " + code + " has no documented body");
                    }
                });
            }
        }));
        assertEquals(List.of(), problems);
    }

    /**
     * Clients are generated from the document: every operation needs a stable operationId (method names of the
     * generated client), unique within the document (the shared audit, dead-letter and outbox operations carry the
     * same ids in all three documents, which is fine: a client is generated per document), and every success answer
     * with a body names its schema, or a generated client types it {@code unknown}.
     */
    @Test
    void everyOperationHasAUniqueOperationIdAndEverySuccessAnswerATypedBody() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        List<String> problems = new ArrayList<>();
        Map<String, String> ids = new java.util.HashMap<>();
        paths.forEach((path, operations) -> operations.forEach((method, raw) -> {
            if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            String name = method.toUpperCase(Locale.ROOT) + " " + path;
            Object id = raw.get("operationId");
            if (id == null || id.toString().isBlank()) {
                problems.add(name + ": no operationId");
            } else if (!id.toString().matches("[a-z][A-Za-z0-9]*")) {
                problems.add(name + ": operationId " + id + " is not camelCase");
            } else if (ids.putIfAbsent(id.toString(), name) != null) {
                problems.add(name + ": operationId " + id + " also names " + ids.get(id.toString()));
            }
            if (raw.get("responses") instanceof Map<?, ?> responses) {
                responses.forEach((code, response) -> {
                    if (!code.toString().startsWith("2") || "204".equals(code.toString())) {
                        return;
                    }
                    if (!(response instanceof Map<?, ?> r && r.get("content") instanceof Map<?, ?> content)
                            || content.isEmpty()) {
                        problems.add(name + ": " + code + " has no documented body");
                        return;
                    }
                    content.forEach((mediaType, media) -> {
                        if (!(media instanceof Map<?, ?> m
                                && m.get("schema") instanceof Map<?, ?> schema
                                && !schema.isEmpty())) {
                            problems.add(name + ": " + code + " " + mediaType + " has no schema");
                        }
                    });
                });
            }
        }));
        assertEquals(List.of(), problems);
    }

    /** Integrators of the events read the AsyncAPI document of the service's own topics next to its OpenAPI. */
    @Test
    void asyncApiOfTheServicesTopicsIsServedWithItsPayloadSchemas() {
        String document = given().get("/q/asyncapi")
                .then()
                .statusCode(200)
                .body(startsWith("asyncapi: 3.0.0"))
                .extract()
                .asString();
        java.util.regex.Matcher ref = java.util.regex.Pattern.compile("\\./asyncapi/(schemas/[^\"\\s]+)")
                .matcher(document);
        if (!ref.find()) {
            throw new AssertionError("no payload schema referenced in " + document);
        }
        given().get("/q/asyncapi/" + ref.group(1)).then().statusCode(200).body(containsString("\"$schema\""));
        given().get("/q/asyncapi/schemas/..%2Fapplication.properties").then().statusCode(404);
    }

    /**
     * The main request and response bodies carry examples from the Kon Tum seed (files under
     * {@code openapi-examples/}), and every example in the document is valid against the schema it illustrates, so
     * an example cannot teach a client a shape the service does not accept or send.
     */
    @Test
    void examplesArePresentAndValidAgainstTheirSchemas() {
        OpenApiDocument document = OpenApiDocument.of(RestAssured.baseURI + ":" + RestAssured.port);
        List<String> problems = new ArrayList<>();
        int[] counts = new int[2];
        document.root()
                .path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    JsonNode request = op.getValue().path("requestBody").path("content");
                    request.fields().forEachRemaining(media -> {
                        if (media.getValue().has("example")) {
                            counts[0]++;
                            check(document, name + " request " + media.getKey(), media.getValue(), problems);
                        }
                    });
                    op.getValue()
                            .path("responses")
                            .fields()
                            .forEachRemaining(response -> response.getValue()
                                    .path("content")
                                    .fields()
                                    .forEachRemaining(media -> {
                                        if (media.getValue().has("example")) {
                                            counts[1]++;
                                            check(
                                                    document,
                                                    name + " " + response.getKey() + " " + media.getKey(),
                                                    media.getValue(),
                                                    problems);
                                        }
                                    }));
                }));
        if (counts[0] == 0 || counts[1] == 0) {
            problems.add("no request or no response example: " + counts[0] + " request and " + counts[1]
                    + " response examples");
        }
        assertEquals(List.of(), problems);
    }

    private static void check(OpenApiDocument document, String where, JsonNode media, List<String> problems) {
        document.schema("example " + where, media.path("schema"))
                .validate(media.path("example"))
                .forEach(error -> problems.add(where + ": " + error));
    }

    /**
     * The response validator that every HTTP test runs through checks real answers and catches a mismatch: an
     * answer of the wrong shape, and a status its operation does not document (shown with the shared admin and
     * audit operations, which every service serves).
     */
    @Test
    void theResponseValidatorChecksAnswersAndCatchesMismatches() {
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        long before = OpenApiResponseValidator.checked(base);
        given().get("/api/audit/verify").then().statusCode(200);
        assertEquals(before + 1, OpenApiResponseValidator.checked(base), "the answer was checked");

        OpenApiDocument document = OpenApiDocument.of(base);
        OpenApiDocument.DocumentedOperation verify =
                document.operation("GET", "/api/audit/verify").orElseThrow();
        io.restassured.response.Response list = given().header(OpenApiResponseValidator.UNCHECKED, "yes")
                .get("/api/admin/outbox/parked")
                .then()
                .statusCode(200)
                .extract()
                .response();
        List<String> wrongShape = OpenApiResponseValidator.check(document, verify, list);
        org.junit.jupiter.api.Assertions.assertFalse(wrongShape.isEmpty(), "a list is not an AuditVerification");

        io.restassured.response.Response notFound = given().header(OpenApiResponseValidator.UNCHECKED, "yes")
                .post("/api/admin/outbox/parked/999999999/retry")
                .then()
                .statusCode(404)
                .extract()
                .response();
        List<String> undocumented = OpenApiResponseValidator.check(document, verify, notFound);
        assertEquals(1, undocumented.size(), undocumented.toString());
        org.junit.jupiter.api.Assertions.assertTrue(
                undocumented.get(0).startsWith("status 404 is not documented"), undocumented.get(0));
    }

    /**
     * A client generated from the document sends a parameter the document calls required and may leave out one it
     * calls optional, so the document must say exactly what the service enforces. For every query parameter of every
     * read, a request without it (and with every other required parameter at its example, or a sample of its schema)
     * must get a 400 naming it when the document says required, and must not get one when the document says
     * optional. Writes are not sent (a plausible write could change data); their If-Match header, which every update
     * needs ({@code ETags.requireMatch} answers 428 without it), must be required and its 428 documented.
     */
    @Test
    void parametersAreRequiredInTheDocumentExactlyWhenTheServiceRequiresThem() {
        OpenApiDocument document = OpenApiDocument.of(RestAssured.baseURI + ":" + RestAssured.port);
        List<String> problems = new ArrayList<>();
        int[] checked = new int[1];
        for (Operation operation : Operation.all(document.root())) {
            if (!operation.path().startsWith("/api/")) {
                continue;
            }
            for (Operation.Parameter parameter : operation.parameters()) {
                if (parameter.in().equals("header") && parameter.name().equalsIgnoreCase("If-Match")) {
                    checked[0]++;
                    JsonNode responses = document.operation(operation.method(), operation.path())
                            .orElseThrow()
                            .operation()
                            .path("responses");
                    if (!parameter.required() || !responses.has("428")) {
                        problems.add(operation.name() + ": If-Match must be required and its 428 documented");
                    }
                }
                if (!operation.method().equals("GET") || !parameter.in().equals("query")) {
                    continue;
                }
                checked[0]++;
                io.restassured.specification.RequestSpecification request = given();
                for (Operation.Parameter other : operation.parameters()) {
                    if (other != parameter && (other.in().equals("path") || other.required())) {
                        String value = plausible(other, document.root());
                        if (other.in().equals("path")) {
                            request = request.pathParam(other.name(), value);
                        } else if (other.in().equals("query")) {
                            request = request.queryParam(other.name(), value);
                        } else {
                            request = request.header(other.name(), value);
                        }
                    }
                }
                io.restassured.response.Response answer = request.get(operation.path());
                boolean refusedForIt = answer.statusCode() == 400
                        && answer.jsonPath().get("errors.field") instanceof List<?> fields
                        && fields.contains(parameter.name());
                if (parameter.required() && !refusedForIt) {
                    problems.add(operation.name() + ": " + parameter.name() + " is required in the document, but"
                            + " without it the service answered " + answer.statusCode() + " " + answer.asString());
                } else if (!parameter.required() && refusedForIt) {
                    problems.add(operation.name() + ": the service requires " + parameter.name()
                            + ", the document calls it optional");
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(checked[0] > 0, "no parameter checked");
        assertEquals(List.of(), problems);
    }

    private static String plausible(Operation.Parameter parameter, JsonNode document) {
        JsonNode value = parameter.example() != null
                ? parameter.example()
                : Schemas.sample(
                        Schemas.resolve(parameter.schema(), document), document, new java.util.Random(1), List.of(), 0);
        return value.isTextual() ? value.asText() : value.toString();
    }

    @Test
    void swaggerUiAndMetricsAreServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
    }
}
