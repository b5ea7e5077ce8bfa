package vn.partracker.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.partracker.reporting.config.AccessRules;
import vn.partracker.support.security.AccessMatrix;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.security.AuthorizationMatrixContract;
import vn.partracker.testsupport.security.TestTokens;

/**
 * The authorization matrix of reporting-service, generated from its OpenAPI document (the shared contract), and
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
        return "/api/report-regimes";
    }

    @Test
    void aViewerMayNotRunTheRebuild() {
        given().header("Authorization", TestTokens.bearer(TestTokens.of("viewer", null)))
                .post("/api/admin/rebuild")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("allowed: admin"));
    }
}
