package vn.partracker.testsupport.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for the services' tests, signed with the test key pair in {@code partracker-test-jwt/} (the
 * services' {@code %test} profile trusts its public key and {@link #ISSUER}), plus the broken ones the
 * authorization tests send: expired, not yet valid, wrongly signed, unsigned ({@code alg: none}), foreign issuer.
 */
public final class TestTokens {

    /** The issuer the services' tests trust ({@code %test.mp.jwt.verify.issuer}). */
    public static final String ISSUER = "https://partracker.test/issuer";

    /** The five roles, as the {@code groups} claim spells them. */
    public static final List<String> ROLES = List.of("admin", "planner", "reporter", "evaluator", "viewer");

    private static final PrivateKey KEY = load("partracker-test-jwt/private-key.pem");
    private static final PrivateKey OTHER_KEY = load("partracker-test-jwt/other-private-key.pem");
    private static final String ADMIN =
            builder().subject("test-admin").roles("admin").build();

    private TestTokens() {}

    /** An admin token (subject {@code test-admin}, no agency): what tests send unless they say otherwise. */
    public static String admin() {
        return ADMIN;
    }

    /** A token of {@code role} for the agency {@code agencyCode} (may be null), subject {@code test-<role>}. */
    public static String of(String role, String agencyCode) {
        return builder()
                .subject("test-" + role + (agencyCode == null ? "" : "-" + agencyCode))
                .roles(role)
                .agency(agencyCode)
                .build();
    }

    /** A reporter (or other role) whose reach is its agency and every agency under it. */
    public static String subtree(String role, String agencyCode) {
        return builder()
                .subject("test-" + role + "-" + agencyCode + "-subtree")
                .roles(role)
                .agency(agencyCode)
                .subtree()
                .build();
    }

    /** {@code Bearer <token>}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Starts a token: valid for an hour from now, from {@link #ISSUER}, signed with the trusted test key. */
    public static Builder builder() {
        return new Builder();
    }

    /** The tokens a service must refuse with 401, by what is wrong with them (all with the admin role). */
    public static Map<String, String> invalid() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(
                "expired",
                builder()
                        .roles("admin")
                        .issuedAt(Instant.now().minus(Duration.ofHours(3)))
                        .expiresAt(Instant.now().minus(Duration.ofHours(2)))
                        .build());
        tokens.put(
                "not yet valid",
                builder()
                        .roles("admin")
                        .notBefore(Instant.now().plus(Duration.ofHours(2)))
                        .build());
        tokens.put(
                "wrong signature", builder().roles("admin").signedWithOtherKey().build());
        tokens.put("alg none", builder().roles("admin").unsigned().build());
        tokens.put(
                "wrong issuer",
                builder().roles("admin").issuer("https://evil.example/issuer").build());
        tokens.put("garbage", "not-a-jwt");
        return tokens;
    }

    /** Builds one token. */
    public static final class Builder {
        private String subject = "test-user";
        private final List<String> roles = new ArrayList<>();
        private String agency;
        private boolean subtree;
        private String issuer = ISSUER;
        private Instant issuedAt = Instant.now();
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        private Instant notBefore;
        private boolean otherKey;
        private boolean unsigned;

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles.addAll(List.of(roles));
            return this;
        }

        public Builder agency(String agencyCode) {
            this.agency = agencyCode;
            return this;
        }

        public Builder subtree() {
            this.subtree = true;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder issuedAt(Instant at) {
            this.issuedAt = at;
            return this;
        }

        public Builder expiresAt(Instant at) {
            this.expiresAt = at;
            return this;
        }

        public Builder notBefore(Instant at) {
            this.notBefore = at;
            return this;
        }

        public Builder signedWithOtherKey() {
            this.otherKey = true;
            return this;
        }

        public Builder unsigned() {
            this.unsigned = true;
            return this;
        }

        public String build() {
            StringBuilder claims = new StringBuilder("{");
            claims.append("\"iss\":").append(quote(issuer));
            claims.append(",\"sub\":").append(quote(subject));
            claims.append(",\"upn\":").append(quote(subject));
            claims.append(",\"jti\":").append(quote(UUID.randomUUID().toString()));
            claims.append(",\"iat\":").append(issuedAt.getEpochSecond());
            claims.append(",\"exp\":").append(expiresAt.getEpochSecond());
            if (notBefore != null) {
                claims.append(",\"nbf\":").append(notBefore.getEpochSecond());
            }
            claims.append(",\"groups\":[");
            for (int i = 0; i < roles.size(); i++) {
                claims.append(i == 0 ? "" : ",").append(quote(roles.get(i)));
            }
            claims.append(']');
            if (agency != null) {
                claims.append(",\"agency\":").append(quote(agency));
            }
            if (subtree) {
                claims.append(",\"agencyScope\":\"subtree\"");
            }
            claims.append('}');
            String header = unsigned ? "{\"alg\":\"none\",\"typ\":\"JWT\"}" : "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
            String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
            if (unsigned) {
                return signingInput + ".";
            }
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(otherKey ? OTHER_KEY : KEY);
                rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + b64(rsa.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign a test token", e);
            }
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey load(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test key " + resource + " is not on the classpath");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read test key " + resource, e);
        }
    }
}
