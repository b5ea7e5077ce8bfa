package vn.partracker.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.partracker.testsupport.InfrastructureResource;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReportingWindowResourceIT {

    @Test
    void monthlyWindowUnderNd09MatchesTheDesignExample() {
        given().queryParam("rule", "ND09")
                .queryParam("period", "2024-03")
                .get("/api/reporting-windows")
                .then()
                .statusCode(200)
                .body("period", equalTo("2024-03"))
                .body("from", equalTo("2024-02-15"))
                .body("to", equalTo("2024-03-14"));
    }

    @Test
    void firstQuarterStartsInThePreviousYear() {
        given().queryParam("rule", "ND09")
                .queryParam("period", "2024-Q1")
                .get("/api/reporting-windows")
                .then()
                .statusCode(200)
                .body("from", equalTo("2023-12-15"))
                .body("to", equalTo("2024-03-14"));
    }

    @Test
    void badRuleAndPeriodAreBothNamed() {
        given().queryParam("rule", "QD16")
                .queryParam("period", "2024-Q5")
                .get("/api/reporting-windows")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("rule"))
                .body("errors.field", hasItem("period"));
    }
}
