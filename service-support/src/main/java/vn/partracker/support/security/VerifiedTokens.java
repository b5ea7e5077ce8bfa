package vn.partracker.support.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer-token verifier of every service: smallrye-jwt's own parser ({@link DefaultJWTParser}: signature,
 * issuer, {@code exp}, {@code nbf}, algorithm) behind a bounded cache of tokens it has already verified, keyed by the
 * whole token text. A client sends the same token with every request; verifying its RS256 signature again each time
 * was about a tenth of indicators-service's CPU under load (issue 13's profile).
 *
 * <p>Verification stays mandatory: only a token string that verified before is answered from the cache, and only
 * until the earlier of its {@code exp} and {@link #MAX_AGE_MILLIS} after it was verified (so a key withdrawn from a
 * JWKS stops being trusted within minutes). A changed byte, another signature, an expired token or one never seen goes
 * to the delegate. Failures are never cached. The cache holds at most {@link #MAX_ENTRIES} tokens; when full it drops
 * the expired ones, and if that is not enough, all of them.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** Most tokens remembered at once (a few KB each). */
    static final int MAX_ENTRIES = 10_000;

    /** Longest a verified token is trusted without verifying it again. */
    static final long MAX_AGE_MILLIS = 5 * 60_000L;

    private final JWTParser delegate;
    private final LongSupplier clock;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    /**
     * CDI: smallrye-jwt's parser, configured by {@code mp.jwt.verify.*}. The {@code @Inject} is what makes this class
     * a bean at all (it has a second constructor for tests): without it none was discovered, MpJwtValidator got
     * {@link DefaultJWTParser} itself and every request's RS256 signature was checked again on the I/O threads.
     */
    @Inject
    public VerifiedTokens(DefaultJWTParser delegate) {
        this(delegate, System::currentTimeMillis);
    }

    VerifiedTokens(JWTParser delegate, LongSupplier clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    private record Entry(JsonWebToken token, long trustedUntilMillis) {}

    /** Verifies {@code token} with the service's configuration, or answers it from the cache of verified tokens. */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.getAsLong();
        Entry entry = verified.get(token);
        if (entry != null) {
            if (now < entry.trustedUntilMillis()) {
                return entry.token();
            }
            verified.remove(token, entry);
        }
        JsonWebToken jwt = delegate.parse(token);
        remember(token, jwt, now);
        return jwt;
    }

    private void remember(String token, JsonWebToken jwt, long now) {
        long exp = jwt.getExpirationTime();
        if (exp <= 0) {
            return;
        }
        long until = Math.min(exp * 1000, now + MAX_AGE_MILLIS);
        if (until <= now) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            evict(now);
        }
        verified.put(token, new Entry(jwt, until));
    }

    private void evict(long now) {
        for (Iterator<Entry> it = verified.values().iterator(); it.hasNext(); ) {
            if (it.next().trustedUntilMillis() <= now) {
                it.remove();
            }
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
    }

    /** How many verified tokens are remembered (for tests). */
    int size() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
