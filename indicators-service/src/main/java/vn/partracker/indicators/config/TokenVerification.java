package vn.partracker.indicators.config;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import vn.partracker.support.security.VerifiedTokens;

/**
 * Makes the bearer-token verifier of the service {@link VerifiedTokens} (service-support's cache of verified tokens
 * in front of smallrye-jwt's parser), which Quarkus' {@code MpJwtValidator} then gets for its {@link JWTParser}.
 *
 * <p>{@code VerifiedTokens} is meant to be that bean by itself, but as released it is no bean at all: it has two
 * constructors and neither carries {@code @Inject} (nor is one without parameters), so CDI does not discover it and
 * every request's RS256 signature was checked again on the I/O thread, about a third of the service's CPU under
 * submission load (issue 13 profile: {@code MpJwtValidator -> DefaultJWTParser -> RSASignature.engineVerify}).
 * This producer builds it with smallrye-jwt's parser; its priority is above the one {@code VerifiedTokens} declares,
 * so the selection stays unambiguous once service-support marks that constructor {@code @Inject}, and this class can
 * then go.
 */
public final class TokenVerification {

    private TokenVerification() {}

    /** The service's {@link JWTParser}: verified tokens are answered from memory until they expire (at most 5 min). */
    @Produces
    @Alternative
    @Priority(2)
    @ApplicationScoped
    static JWTParser verifiedTokens(DefaultJWTParser delegate) {
        return new VerifiedTokens(delegate);
    }
}
