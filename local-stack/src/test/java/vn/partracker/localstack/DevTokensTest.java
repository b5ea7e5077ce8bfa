package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void firstUseWritesAnRsa2048KeyPairAsPemWithAPrivateKeyOnlyTheOwnerCanRead() throws Exception {
        DevTokens tokens = DevTokens.loadOrCreate(dir.resolve("jwt"), CLOCK);

        Path privateKey = dir.resolve("jwt/private-key.pem");
        Path publicKey = dir.resolve("jwt/public-key.pem");
        assertTrue(Files.readString(privateKey).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(privateKey).endsWith("-----END PRIVATE KEY-----\n"));
        assertTrue(Files.readString(publicKey).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
        assertEquals(publicKey.toAbsolutePath(), tokens.publicKeyFile());
        assertEquals(2048, ((RSAPublicKey) tokens.publicKey()).getModulus().bitLength());
        try (var files = Files.list(dir.resolve("jwt"))) {
            assertEquals(2, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void laterUsesReuseTheKeyPair() throws Exception {
        DevTokens first = DevTokens.loadOrCreate(dir, CLOCK);
        String pem = Files.readString(dir.resolve(DevTokens.PUBLIC_KEY_FILE));

        DevTokens second = DevTokens.loadOrCreate(dir, CLOCK);

        assertArrayEquals(first.publicKey().getEncoded(), second.publicKey().getEncoded());
        assertEquals(pem, Files.readString(dir.resolve(DevTokens.PUBLIC_KEY_FILE)));
        assertTrue(verifies(second.sign(DevTokens.Claims.launcherAdmin()), first.publicKey()));
    }

    @Test
    void tokenIsSignedRs256AndVerifiesWithThePublicKeyFileTheServicesRead() throws Exception {
        DevTokens tokens = DevTokens.loadOrCreate(dir, CLOCK);

        String token = tokens.sign(DevTokens.Claims.parse(List.of("reporter", "KT.STP")));

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, token);
        JsonNode header = decode(parts[0]);
        assertEquals("RS256", header.path("alg").asText());
        assertEquals("JWT", header.path("typ").asText());
        assertTrue(verifies(token, readPublicKeyPem(tokens.publicKeyFile())));
        String tampered =
                parts[0] + "." + encode(decode(parts[1]).toString().replace("KT.STP", "KT.SNV")) + "." + parts[2];
        assertFalse(verifies(tampered, tokens.publicKey()), "a changed payload must not verify");
    }

    @Test
    void reporterTokenCarriesTheContractClaimsAndExpiresAfterTwelveHours() throws Exception {
        DevTokens tokens = DevTokens.loadOrCreate(dir, CLOCK);

        JsonNode claims = payload(tokens.sign(DevTokens.Claims.parse(List.of("reporter", "KT.STP"))));

        assertEquals("https://partracker.local/dev", claims.path("iss").asText());
        assertEquals("dev-reporter-KT.STP", claims.path("sub").asText());
        assertEquals(claims.path("sub").asText(), claims.path("upn").asText());
        assertEquals(List.of("reporter"), JSON.convertValue(claims.path("groups"), List.class));
        assertEquals("KT.STP", claims.path("agency").asText());
        assertFalse(claims.has("agencyScope"), "self is the default and is not written");
        assertEquals(NOW.getEpochSecond(), claims.path("iat").asLong());
        assertEquals(NOW.getEpochSecond() + 12 * 3600, claims.path("exp").asLong());
        assertTrue(claims.path("jti").asText().matches("[0-9a-f-]{36}"), claims.toString());
    }

    @Test
    void subtreeScopeAndTokensWithoutAgency() throws Exception {
        DevTokens tokens = DevTokens.loadOrCreate(dir, CLOCK);

        JsonNode district = payload(tokens.sign(DevTokens.Claims.parse(List.of("reporter", "KT.DAKHA", "--subtree"))));
        JsonNode viewer = payload(tokens.sign(DevTokens.Claims.parse(List.of("viewer"))));
        JsonNode admin = payload(tokens.sign(DevTokens.Claims.launcherAdmin()));

        assertEquals("subtree", district.path("agencyScope").asText());
        assertEquals("KT.DAKHA", district.path("agency").asText());
        assertEquals("dev-viewer", viewer.path("sub").asText());
        assertFalse(viewer.has("agency"));
        assertEquals("demo-loader", admin.path("sub").asText());
        assertEquals("demo-loader", admin.path("upn").asText());
        assertEquals(List.of("admin"), JSON.convertValue(admin.path("groups"), List.class));
        assertNotEquals(payload(tokens.sign(DevTokens.Claims.launcherAdmin())).path("jti"), admin.path("jti"));
    }

    @Test
    void unknownRoleAndBadArgumentsAreRejectedWithAMessage() {
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class, () -> DevTokens.Claims.parse(List.of("superuser", "KT.STP")));
        assertEquals(
                "Unknown role 'superuser'; use one of admin, planner, reporter, evaluator, viewer",
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DevTokens.Claims.parse(List.of()));
        assertThrows(IllegalArgumentException.class, () -> DevTokens.Claims.parse(List.of("reporter", "--subtree")));
        assertThrows(IllegalArgumentException.class, () -> DevTokens.Claims.parse(List.of("viewer", "A", "B")));
        assertThrows(IllegalArgumentException.class, () -> DevTokens.Claims.parse(List.of("viewer", "--fresh")));
        assertEquals(
                Optional.empty(), DevTokens.Claims.parse(List.of("planner")).agency());
    }

    @Test
    void aDamagedKeyFileIsReportedWithTheWayOut() throws Exception {
        DevTokens.loadOrCreate(dir, CLOCK);
        Files.writeString(dir.resolve(DevTokens.PRIVATE_KEY_FILE), "not a key");

        LaunchException error = assertThrows(LaunchException.class, () -> DevTokens.loadOrCreate(dir, CLOCK));

        assertTrue(error.getMessage().contains("--fresh"), error.getMessage());
    }

    private static boolean verifies(String token, PublicKey key) throws Exception {
        int lastDot = token.lastIndexOf('.');
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
    }

    /** Reads the PEM the way a verifier that knows nothing of {@link DevTokens} would. */
    private static PublicKey readPublicKeyPem(Path file) throws Exception {
        String base64 = Files.readString(file)
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static JsonNode payload(String token) throws Exception {
        return decode(token.split("\\.")[1]);
    }

    private static JsonNode decode(String part) throws Exception {
        assertFalse(part.contains("=") || part.contains("+") || part.contains("/"), "base64url without padding");
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
