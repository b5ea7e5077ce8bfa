package vn.partracker.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

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

    @Test
    void swaggerUiAndMetricsAreServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
    }
}
