package vn.partracker.indicators.config;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.security.TokenVerificationContract;

/**
 * Issue 13: bearer tokens are verified through service-support's cache of verified tokens, not by smallrye-jwt's
 * parser on every request; a token that does not verify is still refused ({@link TokenVerificationContract}).
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class TokenVerificationIT {

    @Test
    void theJwtParserOfTheServiceIsTheCacheOfVerifiedTokens() {
        TokenVerificationContract.requireTheCacheOfVerifiedTokens();
    }

    @Test
    void aCachedTokenIsAcceptedAndATamperedOneStillRefused() {
        TokenVerificationContract.requireACachedTokenAcceptedAndATamperedOneRefused("/api/indicators");
    }
}
