package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.partracker.indicators.config.AccessRules;
import vn.partracker.support.security.AccessMatrix;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.security.AuthorizationMatrixContract;
import vn.partracker.testsupport.security.TestTokens;

/**
 * The authorization matrix of indicators-service, generated from its OpenAPI document (the shared contract), and
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
        return "/api/indicators";
    }

    @Test
    void aViewerMayNotSubmitAFigure() {
        given().header("Authorization", TestTokens.bearer(TestTokens.of("viewer", "KT.SNV")))
                .contentType("application/json")
                .body("{}")
                .post("/api/measurements")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("reporter"));
    }

    @Test
    void aPlannerMayNotApproveAndAReporterMayNotLockAPeriod() {
        given().header("Authorization", TestTokens.bearer(TestTokens.of("planner", null)))
                .contentType("application/json")
                .body("{}")
                .post("/api/measurements/" + java.util.UUID.randomUUID() + "/approve")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(TestTokens.of("reporter", "KT.SNV")))
                .contentType("application/json")
                .body("{}")
                .post("/api/period-locks")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
