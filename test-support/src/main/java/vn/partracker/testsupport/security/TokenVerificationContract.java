package vn.partracker.testsupport.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.smallrye.jwt.auth.principal.JWTParser;
import vn.partracker.support.security.VerifiedTokens;

/**
 * What every service's {@code TokenVerificationIT} checks (issue 13): bearer tokens go through service-support's
 * cache of verified tokens, not smallrye-jwt's parser on every request, and a token that does not verify is still
 * refused, also right after a valid one was cached.
 */
public final class TokenVerificationContract {

    private TokenVerificationContract() {}

    /** The service's {@link JWTParser} (the one Quarkus' {@code MpJwtValidator} gets) is {@link VerifiedTokens}. */
    public static void requireTheCacheOfVerifiedTokens() {
        JWTParser parser = Arc.container().select(JWTParser.class).get();
        assertInstanceOf(VerifiedTokens.class, ClientProxy.unwrap(parser));
    }

    /**
     * Reads {@code path} three times with one admin token (answered from the cache after the first), then with that
     * token's signature altered: 200 each time, then 401.
     */
    public static void requireACachedTokenAcceptedAndATamperedOneRefused(String path) {
        String token = TestTokens.admin();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", TestTokens.bearer(token))
                    .get(path)
                    .then()
                    .statusCode(200);
        }
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", TestTokens.bearer(tampered))
                .get(path)
                .then()
                .statusCode(401);
    }
}
