package vn.partracker.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified tokens answers only a token string the real parser verified before, and only until its
 * {@code exp} or five minutes after the verification, whichever comes first; failures always go to the parser.
 */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000_000L;

    private final AtomicLong clock = new AtomicLong(NOW);
    private final FakeParser parser = new FakeParser();
    private final VerifiedTokens tokens = new VerifiedTokens(parser, clock::get);

    @Test
    void aVerifiedTokenIsVerifiedOnceAndAnsweredFromTheCacheAfterwards() throws Exception {
        parser.valid("token-a", NOW / 1000 + 3600);
        JsonWebToken first = tokens.parse("token-a");
        JsonWebToken second = tokens.parse("token-a");
        assertSame(first, second);
        assertEquals(List.of("token-a"), parser.calls);
    }

    @Test
    void anotherTokenStringIsAlwaysVerified() throws Exception {
        parser.valid("token-a", NOW / 1000 + 3600);
        tokens.parse("token-a");
        assertThrows(ParseException.class, () -> tokens.parse("token-a-tampered"));
        assertThrows(ParseException.class, () -> tokens.parse("token-a-tampered"));
        assertEquals(List.of("token-a", "token-a-tampered", "token-a-tampered"), parser.calls, "failures not cached");
    }

    @Test
    void aCachedTokenIsVerifiedAgainAtItsExpiry() throws Exception {
        parser.valid("short", NOW / 1000 + 30);
        tokens.parse("short");
        clock.addAndGet(29_000);
        tokens.parse("short");
        assertEquals(1, parser.calls.size(), "still trusted before exp");
        clock.addAndGet(1_000);
        parser.revoke("short");
        assertThrows(ParseException.class, () -> tokens.parse("short"), "at exp the parser decides again");
        assertEquals(2, parser.calls.size());
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterFiveMinutes() throws Exception {
        parser.valid("long", NOW / 1000 + 12 * 3600);
        tokens.parse("long");
        clock.addAndGet(VerifiedTokens.MAX_AGE_MILLIS - 1);
        tokens.parse("long");
        assertEquals(1, parser.calls.size());
        clock.addAndGet(1);
        tokens.parse("long");
        assertEquals(2, parser.calls.size(), "verified again once the cache's own limit passed");
    }

    @Test
    void theCacheStaysBounded() throws Exception {
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES + 10; i++) {
            parser.valid("t" + i, NOW / 1000 + 3600);
            tokens.parse("t" + i);
        }
        assertEquals(true, tokens.size() <= VerifiedTokens.MAX_ENTRIES, "size " + tokens.size());
    }

    /** Stands in for smallrye-jwt's parser: accepts the tokens it was told are valid, refuses every other one. */
    private static final class FakeParser extends DefaultJWTParser {

        final List<String> calls = new ArrayList<>();
        private final Map<String, Long> expiries = new HashMap<>();

        void valid(String token, long exp) {
            expiries.put(token, exp);
        }

        void revoke(String token) {
            expiries.remove(token);
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.add(token);
            Long exp = expiries.get(token);
            if (exp == null) {
                throw new ParseException("signature does not verify");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject("someone");
            claims.setExpirationTime(NumericDate.fromSeconds(exp));
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        }
    }
}
