package vn.partracker.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The local stack's token issuer: an RSA-2048 key pair kept in {@code .local-data/jwt/} and RS256 JWTs signed with it,
 * using the JDK and Jackson only. The services verify these tokens exactly as they verify Keycloak's in production
 * ({@code JWT_ISSUER}, {@code JWT_PUBLIC_KEY_LOCATION} = the public-key PEM), so a local token carries the same claims:
 * {@code iss}, {@code sub}, {@code upn} (= sub), {@code groups}, {@code agency}, {@code agencyScope}, {@code iat},
 * {@code exp} and {@code jti}.
 */
public final class DevTokens {

    /** The issuer of local tokens, given to the services as {@code JWT_ISSUER}. */
    public static final String ISSUER = "https://partracker.local/dev";

    /** How long a token is valid: a working day, so that one token lasts a demo. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** The roles the services know, in the order the usage text lists them. */
    public static final List<String> ROLES = List.of("admin", "planner", "reporter", "evaluator", "viewer");

    /** The private key file (PKCS#8 PEM, readable by the owner only). */
    public static final String PRIVATE_KEY_FILE = "private-key.pem";

    /** The public key file (X.509 SubjectPublicKeyInfo PEM), given to the services as JWT_PUBLIC_KEY_LOCATION. */
    public static final String PUBLIC_KEY_FILE = "public-key.pem";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Encoder PEM_BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private final KeyPair keys;
    private final Path publicKeyFile;
    private final Clock clock;

    private DevTokens(KeyPair keys, Path publicKeyFile, Clock clock) {
        this.keys = keys;
        this.publicKeyFile = publicKeyFile;
        this.clock = clock;
    }

    /**
     * What a token says about its bearer.
     *
     * @param subject {@code sub} and {@code upn}
     * @param role the one role in {@code groups}
     * @param agency the agency code, or empty (admin, planner and viewer need none)
     * @param subtree {@code agencyScope=subtree}: the agency and the agencies under it
     */
    public record Claims(String subject, String role, Optional<String> agency, boolean subtree) {

        /** Checks the role and that {@code --subtree} comes with an agency. */
        public Claims {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException(
                        "Unknown role '" + role + "'; use one of " + String.join(", ", ROLES));
            }
            agency = agency.map(String::trim).filter(a -> !a.isEmpty());
            if (subtree && agency.isEmpty()) {
                throw new IllegalArgumentException("--subtree needs an agency code");
            }
        }

        /** The admin identity the launcher itself uses (demo loader): {@code sub} {@code demo-loader}. */
        public static Claims launcherAdmin() {
            return new Claims("demo-loader", "admin", Optional.empty(), false);
        }

        /**
         * Parses {@code <role> [agency-code] [--subtree]}, the arguments of {@code ./run-local.sh token}. The subject
         * is {@code dev-<role>} or {@code dev-<role>-<agency>}, so tokens for different people look different in logs.
         *
         * @throws IllegalArgumentException with a message for the user
         */
        public static Claims parse(List<String> args) {
            String role = null;
            String agency = null;
            boolean subtree = false;
            for (String arg : args) {
                if ("--subtree".equals(arg)) {
                    subtree = true;
                } else if (arg.startsWith("-")) {
                    throw new IllegalArgumentException("Unknown token option: " + arg);
                } else if (role == null) {
                    role = arg;
                } else if (agency == null) {
                    agency = arg;
                } else {
                    throw new IllegalArgumentException("Too many arguments: " + arg);
                }
            }
            if (role == null) {
                throw new IllegalArgumentException("Which role? Use one of " + String.join(", ", ROLES));
            }
            String subject = agency == null ? "dev-" + role : "dev-" + role + "-" + agency;
            return new Claims(subject, role, Optional.ofNullable(agency), subtree);
        }
    }

    /**
     * Loads the key pair from {@code directory}, generating and writing it first when it is not there yet (the first
     * start, after {@code --fresh}, or a token asked for before the first start).
     */
    public static DevTokens loadOrCreate(Path directory) throws IOException {
        return loadOrCreate(directory, Clock.systemUTC());
    }

    static DevTokens loadOrCreate(Path directory, Clock clock) throws IOException {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        if (!Files.isRegularFile(privateFile) || !Files.isRegularFile(publicFile)) {
            generate(directory, privateFile, publicFile);
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile, "PRIVATE KEY")));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(readPem(publicFile, "PUBLIC KEY")));
            return new DevTokens(new KeyPair(publicKey, privateKey), publicFile.toAbsolutePath(), clock);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new LaunchException("The dev key pair in " + directory + " is unreadable (" + e.getMessage()
                    + "); delete that directory or start with --fresh.");
        }
    }

    /** Returns the absolute path of the public-key PEM, for {@code JWT_PUBLIC_KEY_LOCATION}. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** Returns the public key (tests verify signatures with it). */
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** Signs a token for these claims, valid for {@link #LIFETIME} from now. */
    public String sign(Claims claims) {
        long now = Instant.now(clock).getEpochSecond();
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        ObjectNode payload = JSON.createObjectNode()
                .put("iss", ISSUER)
                .put("sub", claims.subject())
                .put("upn", claims.subject());
        payload.putArray("groups").add(claims.role());
        claims.agency().ifPresent(agency -> payload.put("agency", agency));
        if (claims.subtree()) {
            payload.put("agencyScope", "subtree");
        }
        payload.put("iat", now)
                .put("exp", now + LIFETIME.toSeconds())
                .put("jti", UUID.randomUUID().toString());
        String signingInput = base64Url(header) + "." + base64Url(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
        }
    }

    private static void generate(Path directory, Path privateFile, Path publicFile) throws IOException {
        Files.createDirectories(directory);
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
        // Written under temporary names and moved into place, so that a token command running at the same moment as
        // the first start never reads half a file; the public key goes last because its presence means "done".
        write(directory, privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), OWNER_ONLY);
        write(directory, publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), WORLD_READABLE);
    }

    private static void write(Path directory, Path target, String content, Set<PosixFilePermission> permissions)
            throws IOException {
        // Created owner-only, so the private key is never readable by others, not even for a moment.
        Path temporary;
        try {
            temporary = Files.createTempFile(
                    directory, target.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            temporary = Files.createTempFile(directory, target.getFileName() + ".", ".tmp");
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(temporary, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to restrict
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(file.getFileName() + " is not a " + type + " PEM file");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static String base64Url(ObjectNode json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
