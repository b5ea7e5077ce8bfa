package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.config.AccessRules;
import vn.partracker.support.security.AccessMatrix;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.security.AuthorizationMatrixContract;
import vn.partracker.testsupport.security.TestTokens;

/**
 * The authorization matrix of plans-service, generated from its OpenAPI document (the shared contract), and
 * the README's table checked against {@link AccessRules}.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AuthorizationMatrixIT extends AuthorizationMatrixContract {

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected AccessMatrix matrix() {
        return AccessRules.MATRIX;
    }

    @Override
    protected String readPath() {
        return "/api/plans";
    }

    @Test
    void aViewerMayNotCreateAPlan() {
        given().header("Authorization", TestTokens.bearer(TestTokens.of("viewer", "KT.SNV")))
                .contentType("application/json")
                .body("{}")
                .post("/api/plans")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("allowed: admin, planner"));
    }

    @Test
    void aReporterMayNotIssueAPlanButMayParseATimeframe() {
        String reporter = TestTokens.bearer(TestTokens.of("reporter", "KT.SNV"));
        given().header("Authorization", reporter)
                .post("/api/plans/" + java.util.UUID.randomUUID() + "/issue")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", reporter)
                .contentType("application/json")
                .body(java.util.Map.of("text", "Quý IV năm 2022", "planYear", 2022))
                .post("/api/timeframes/parse")
                .then()
                .statusCode(200);
    }
}
