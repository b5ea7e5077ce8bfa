package vn.partracker.reporting.config;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import org.junit.jupiter.api.Test;
import vn.partracker.support.security.VerifiedTokens;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.security.TestTokens;

/**
 * Issue 13: bearer tokens are verified through service-support's cache of verified tokens, not by smallrye-jwt's
 * parser on every request (the profile had the RS256 check on the I/O threads for each submission); a token that does
 * not verify is still refused, also right after a valid one was cached.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class TokenVerificationIT {

    @Test
    void theJwtParserOfTheServiceIsTheCacheOfVerifiedTokens() {
        JWTParser parser = Arc.container().select(JWTParser.class).get();
        assertInstanceOf(VerifiedTokens.class, ClientProxy.unwrap(parser));
    }

    @Test
    void aCachedTokenIsAcceptedAndATamperedOneStillRefused() {
        String token = TestTokens.admin();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", TestTokens.bearer(token))
                    .get("/api/report-regimes")
                    .then()
                    .statusCode(200);
        }
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", TestTokens.bearer(tampered))
                .get("/api/report-regimes")
                .then()
                .statusCode(401);
    }
}
