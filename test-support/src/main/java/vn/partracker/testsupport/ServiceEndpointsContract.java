package vn.partracker.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

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

    @Test
    void swaggerUiAndMetricsAreServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
    }
}
