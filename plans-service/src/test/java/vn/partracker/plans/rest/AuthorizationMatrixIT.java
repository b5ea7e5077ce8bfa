package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.config.AccessRules;
import vn.partracker.support.security.AccessRule;
import vn.partracker.support.security.Role;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.security.AuthorizationMatrixContract;
import vn.partracker.testsupport.security.DefaultTokenFilter;
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

    /**
     * The contract's volatile tables and {@code outbox_relay_lease}, which the outbox relay (service-support) renews
     * on every run without any request.
     */
    @Override
    protected Set<String> volatileTables() {
        return Set.of("outbox_event", "processed_event", "outbox_relay_lease");
    }

    @Override
    protected Map<String, Rule> rules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (AccessRule rule : AccessRules.MATRIX.rules()) {
            rules.put(
                    rule.operation(),
                    new Rule(
                            rule.roles().stream().map(Role::claim).collect(Collectors.toSet()),
                            !rule.scope().isEmpty()));
        }
        return rules;
    }

    @Test
    void theReadmeCarriesTheMatrix() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = AccessRules.MATRIX.toMarkdown();
        assertTrue(readme.contains(table), "README.md must carry the plans-service matrix exactly:\n" + table);
    }

    @Test
    void aMissingTokenIsAProblemWithABearerChallenge() {
        given().header(DefaultTokenFilter.ANONYMOUS, "yes")
                .get("/api/plans")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://partracker.vn/problems/unauthorized"))
                .body("detail", containsString("bearer token is required"));
    }

    @Test
    void anExpiredTokenSaysSo() {
        given().header("Authorization", TestTokens.bearer(TestTokens.invalid().get("expired")))
                .get("/api/plans")
                .then()
                .statusCode(401)
                .body("detail", containsString("expired"));
    }

    @Test
    void healthAndTheDocumentStayOpen() {
        given().header(DefaultTokenFilter.ANONYMOUS, "yes")
                .get("/q/health/ready")
                .then()
                .statusCode(200);
        given().header(DefaultTokenFilter.ANONYMOUS, "yes")
                .get("/q/openapi")
                .then()
                .statusCode(200);
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
