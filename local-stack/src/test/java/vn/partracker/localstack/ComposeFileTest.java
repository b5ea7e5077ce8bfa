package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.partracker.events.Topics;

/**
 * Checks docker-compose.yml against the rules operators rely on: every container has a healthcheck, start order
 * follows health, the services get only environment variables they actually read, and they verify tokens from the
 * Keycloak realm {@code deploy/keycloak/partracker-realm.json}, whose content (roles, claim mappers, demo users) this
 * test checks too.
 */
class ComposeFileTest {

    private static final List<String> APP_SERVICES =
            List.of("plans-service", "indicators-service", "reporting-service");

    /** {@code ${VAR}} or {@code ${VAR:default}}; dotted property references such as {@code ${quarkus.x}} are not env. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?=[:}])");

    /** Healthcheck keys that compose v1.29 and the compose specification both accept (no start_interval). */
    private static final Set<String> PORTABLE_HEALTHCHECK_KEYS =
            Set.of("test", "interval", "timeout", "retries", "start_period", "disable");

    private static final String REALM_FILE = "deploy/keycloak/partracker-realm.json";
    private static final List<String> ROLES = List.of("admin", "planner", "reporter", "evaluator", "viewer");
    private static final String JWKS_URL = "http://keycloak:8080/realms/partracker/protocol/openid-connect/certs";

    /** {@code ${VAR:-default}} as compose writes it, resolved to its default. */
    private static final Pattern COMPOSE_DEFAULT = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path repositoryRoot;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        repositoryRoot = findRepositoryRoot();
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(repositoryRoot.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        assertNotNull(compose, "docker-compose.yml is empty");
        services = new LinkedHashMap<>();
        mapOf(compose.get("services"), "services").forEach((name, body) -> services.put(name, mapOf(body, name)));
        assertFalse(services.isEmpty(), "docker-compose.yml defines no services");
    }

    /**
     * The compose broker creates the suite's topics with the same retention as the local stack and the tests
     * ({@link Topics#configOf}): {@code kafka-start.sh} spells the settings out in bash, so they are compared here.
     */
    @Test
    void composeBrokerCreatesEveryTopicWithItsRetention() throws IOException {
        String script = Files.readString(repositoryRoot.resolve("local-stack/compose/kafka-start.sh"));
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher variable = Pattern.compile("(?m)^([a-z_]+)=\"([^\"$]*)\"$").matcher(script);
        while (variable.find()) {
            variables.put(variable.group(1), variable.group(2));
        }
        Map<String, Map<String, String>> declared = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("\\[([a-z.]+)]=\"\\$([a-z_]+)\"").matcher(script);
        while (entry.find()) {
            String settings = variables.get(entry.group(2));
            assertNotNull(settings, "kafka-start.sh uses $" + entry.group(2) + " without defining it");
            Map<String, String> config = new LinkedHashMap<>();
            for (String setting : settings.split(",")) {
                String[] pair = setting.split("=", 2);
                config.put(pair[0], pair[1]);
            }
            declared.put(entry.group(1), config);
        }
        assertEquals(new TreeSet<>(Topics.ALL), new TreeSet<>(declared.keySet()), "topics of kafka-start.sh");
        for (String topic : Topics.ALL) {
            assertEquals(Topics.configOf(topic), declared.get(topic), topic);
        }
        assertTrue(script.contains("\"$kafka_bin/kafka-configs.sh\""), "settings also applied to existing topics");
        for (String topic : Topics.ALL) {
            assertTrue(script.contains(topic), topic);
        }
    }

    @Test
    void everyServiceHasAHealthcheck() {
        services.forEach((name, service) -> {
            Map<String, Object> healthcheck = mapOf(service.get("healthcheck"), name + ".healthcheck");
            assertFalse(Boolean.TRUE.equals(healthcheck.get("disable")), name + ": healthcheck is disabled");
            Object test = healthcheck.get("test");
            assertNotNull(test, name + ": healthcheck has no test");
            if (test instanceof List<?> command) {
                assertFalse(command.isEmpty() || "NONE".equals(command.get(0)), name + ": healthcheck test is empty");
            }
            Set<String> unsupported = new TreeSet<>(healthcheck.keySet());
            unsupported.removeAll(PORTABLE_HEALTHCHECK_KEYS);
            assertTrue(unsupported.isEmpty(), name + ": healthcheck keys not understood by compose v1: " + unsupported);
        });
    }

    @Test
    void everyDependencyWaitsForHealth() {
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertInstanceOf(
                    Map.class,
                    dependsOn,
                    name + ": depends_on must be the long form with condition: service_healthy, not a list");
            mapOf(dependsOn, name + ".depends_on").forEach((dependency, settings) -> {
                assertTrue(services.containsKey(dependency), name + " depends on unknown service " + dependency);
                assertEquals(
                        "service_healthy",
                        mapOf(settings, name + ".depends_on." + dependency).get("condition"),
                        name + " -> " + dependency);
            });
        });
    }

    @Test
    void appServicesDependOnPostgresAndKafka() {
        for (String app : APP_SERVICES) {
            Map<String, Object> service = services.get(app);
            assertNotNull(service, "docker-compose.yml has no service " + app);
            Map<String, Object> dependsOn = mapOf(service.get("depends_on"), app + ".depends_on");
            assertTrue(dependsOn.containsKey("postgres"), app + " must depend on postgres");
            assertTrue(dependsOn.containsKey("kafka"), app + " must depend on kafka");
        }
    }

    @Test
    void keycloakImportsTheRealmAndReportsReadinessOnItsManagementPort() {
        Map<String, Object> keycloak = services.get("keycloak");
        assertNotNull(keycloak, "docker-compose.yml has no service keycloak");
        assertTrue(
                String.valueOf(keycloak.get("image")).startsWith("quay.io/keycloak/keycloak:26."),
                "Keycloak 26: " + keycloak.get("image"));
        assertEquals(List.of("start-dev", "--import-realm"), keycloak.get("command"));
        assertTrue(
                String.valueOf(keycloak.get("volumes"))
                        .contains("./" + REALM_FILE + ":/opt/keycloak/data/import/partracker-realm.json"),
                "realm file mounted into the import directory: " + keycloak.get("volumes"));
        Map<String, Object> environment = mapOf(keycloak.get("environment"), "keycloak.environment");
        assertEquals("true", String.valueOf(environment.get("KC_HEALTH_ENABLED")));
        assertEquals("http://localhost:8180", withDefaults(String.valueOf(environment.get("KC_HOSTNAME"))));
        assertEquals("true", String.valueOf(environment.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC")));
        String healthcheck = String.valueOf(
                mapOf(keycloak.get("healthcheck"), "keycloak.healthcheck").get("test"));
        assertTrue(healthcheck.contains("/dev/tcp/127.0.0.1/9000"), healthcheck);
        assertTrue(healthcheck.contains("GET /health/ready"), healthcheck);
        assertEquals(List.of("127.0.0.1:8180:8080"), withDefaults(keycloak.get("ports")));
    }

    @Test
    void appServicesVerifyTokensOfTheKeycloakRealm() {
        Map<String, Object> keycloakEnvironment =
                mapOf(services.get("keycloak").get("environment"), "keycloak.environment");
        String issuer = withDefaults(String.valueOf(keycloakEnvironment.get("KC_HOSTNAME"))) + "/realms/partracker";
        for (String app : APP_SERVICES) {
            Map<String, Object> environment = mapOf(services.get(app).get("environment"), app + ".environment");
            assertEquals(issuer, withDefaults(String.valueOf(environment.get("JWT_ISSUER"))), app + ": JWT_ISSUER");
            assertEquals(JWKS_URL, environment.get("JWT_PUBLIC_KEY_LOCATION"), app + ": JWT_PUBLIC_KEY_LOCATION");
            Map<String, Object> dependsOn = mapOf(services.get(app).get("depends_on"), app + ".depends_on");
            assertTrue(dependsOn.containsKey("keycloak"), app + " must wait for keycloak");
        }
    }

    @Test
    void realmHasTheFiveRolesAndAPublicClientForDemosAndSwaggerUi() throws IOException {
        JsonNode realm = realm();

        assertEquals("partracker", realm.path("realm").asText());
        assertTrue(realm.path("enabled").asBoolean());
        Set<String> roles = new TreeSet<>();
        realm.path("roles")
                .path("realm")
                .forEach(role -> roles.add(role.path("name").asText()));
        assertEquals(new TreeSet<>(ROLES), roles);
        JsonNode client = client(realm);
        assertTrue(client.path("publicClient").asBoolean(), "public client");
        assertTrue(client.path("directAccessGrantsEnabled").asBoolean(), "password grant for demos");
        assertTrue(client.path("standardFlowEnabled").asBoolean(), "authorization code for Swagger UI");
        Set<String> redirects = new TreeSet<>();
        client.path("redirectUris").forEach(uri -> redirects.add(uri.asText()));
        for (int port = 8081; port <= 8083; port++) {
            assertTrue(redirects.contains("http://localhost:" + port + "/*"), "redirect to port " + port);
        }
    }

    @Test
    void realmMapsRolesToGroupsAndAgencyAttributesToClaims() throws IOException {
        Map<String, JsonNode> mappers = new LinkedHashMap<>();
        client(realm())
                .path("protocolMappers")
                .forEach(m -> mappers.put(
                        m.path("config")
                                .path("claim.name")
                                .asText(m.path("name").asText()),
                        m));

        JsonNode groups = mappers.get("groups");
        assertNotNull(groups, "a mapper for the groups claim: " + mappers.keySet());
        assertEquals(
                "oidc-usermodel-realm-role-mapper",
                groups.path("protocolMapper").asText());
        assertEquals("true", groups.path("config").path("multivalued").asText());
        assertEquals("true", groups.path("config").path("access.token.claim").asText());
        for (String attribute : List.of("agency", "agencyScope")) {
            JsonNode mapper = mappers.get(attribute);
            assertNotNull(mapper, "a mapper for the " + attribute + " claim: " + mappers.keySet());
            assertEquals(
                    "oidc-usermodel-attribute-mapper",
                    mapper.path("protocolMapper").asText());
            assertEquals(attribute, mapper.path("config").path("user.attribute").asText());
            assertEquals(
                    "true", mapper.path("config").path("access.token.claim").asText());
        }
        assertTrue(
                mappers.values().stream()
                        .anyMatch(m -> "oidc-sub-mapper"
                                        .equals(m.path("protocolMapper").asText())
                                && "true"
                                        .equals(m.path("config")
                                                .path("access.token.claim")
                                                .asText())),
                "sub in the access token: " + mappers.keySet());
    }

    @Test
    void realmUserProfileKeepsTheAgencyAttributes() throws IOException {
        // Keycloak 24+ drops user attributes its user profile does not declare, and the agency claims with them.
        JsonNode providers = realm().path("components").path("org.keycloak.userprofile.UserProfileProvider");
        assertEquals(1, providers.size(), "one user profile component");
        JsonNode config = providers.get(0).path("config").path("kc.user.profile.config");
        assertEquals(1, config.size(), "kc.user.profile.config holds one JSON document");
        JsonNode profile = JSON.readTree(config.get(0).asText());
        Set<String> declared = new TreeSet<>();
        profile.path("attributes").forEach(a -> declared.add(a.path("name").asText()));
        boolean unmanagedEnabled =
                "ENABLED".equals(profile.path("unmanagedAttributePolicy").asText());
        assertTrue(
                unmanagedEnabled || declared.containsAll(List.of("agency", "agencyScope")),
                "agency and agencyScope declared (or unmanaged attributes enabled): " + declared);
        assertTrue(declared.containsAll(List.of("username", "email")), "the built-in attributes stay: " + declared);
    }

    @Test
    void realmDemoUsersHaveOneRoleTheirNameAsPasswordAndRealAgencies() throws IOException {
        JsonNode agencyDocument = JSON.readTree(
                repositoryRoot.resolve("demo-data/kontum-59-agencies.json").toFile());
        Map<String, String> levels = new LinkedHashMap<>();
        agencyDocument
                .path("agencies")
                .forEach(
                        a -> levels.put(a.path("code").asText(), a.path("level").asText()));
        Map<String, List<String>> agenciesByRole = new LinkedHashMap<>();
        for (JsonNode user : realm().path("users")) {
            String name = user.path("username").asText();
            assertTrue(user.path("enabled").asBoolean(), name + " enabled");
            JsonNode credential = user.path("credentials").path(0);
            assertEquals("password", credential.path("type").asText(), name);
            assertEquals(name, credential.path("value").asText(), name + ": password = username");
            assertFalse(credential.path("temporary").asBoolean(true), name + ": password not temporary");
            JsonNode roles = user.path("realmRoles");
            assertEquals(1, roles.size(), name + ": one role");
            String role = roles.get(0).asText();
            assertTrue(ROLES.contains(role), name + ": " + role);
            String agency = user.path("attributes").path("agency").path(0).asText("");
            if (role.equals("reporter") || role.equals("evaluator")) {
                assertFalse(agency.isEmpty(), name + " needs an agency attribute");
            }
            if (!agency.isEmpty()) {
                assertTrue(levels.containsKey(agency), name + ": agency " + agency + " is not in the demo data");
                agenciesByRole.computeIfAbsent(role, r -> new ArrayList<>()).add(agency);
            } else {
                agenciesByRole.computeIfAbsent(role, r -> new ArrayList<>());
            }
        }
        assertTrue(agenciesByRole.keySet().containsAll(ROLES), "a demo user per role: " + agenciesByRole);
        List<String> reporterLevels =
                agenciesByRole.get("reporter").stream().map(levels::get).toList();
        assertTrue(reporterLevels.contains("PROVINCE"), "a department reporter: " + agenciesByRole);
        assertTrue(reporterLevels.contains("COMMUNE"), "a commune reporter: " + agenciesByRole);
        assertTrue(agenciesByRole.get("reporter").contains("KT.STP"), "the Sở Tư pháp reporter");
        assertTrue(agenciesByRole.get("evaluator").contains("KT.SNV"), "the Sở Nội vụ evaluator");
    }

    @Test
    void appServicesAreBuiltFromTheirModule() {
        for (String app : APP_SERVICES) {
            Map<String, Object> build = mapOf(services.get(app).get("build"), app + ".build");
            assertEquals("./" + app, build.get("context"), app + ": build context");
            assertEquals("src/main/docker/Dockerfile.jvm", build.get("dockerfile"), app + ": dockerfile");
            assertTrue(
                    Files.isRegularFile(repositoryRoot.resolve(app).resolve("src/main/docker/Dockerfile.jvm")),
                    app + "/src/main/docker/Dockerfile.jvm is missing");
        }
    }

    @Test
    void appServicesGetOnlyVariablesTheyRead() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String app : APP_SERVICES) {
            Path properties = repositoryRoot.resolve(app).resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(properties)) {
                problems.add(repositoryRoot.relativize(properties) + " is missing, so the environment of " + app
                        + " in docker-compose.yml cannot be checked against what the service reads");
                continue;
            }
            Set<String> read = referencedVariables(Files.readString(properties, StandardCharsets.UTF_8));
            Set<String> set = environmentNames(services.get(app).get("environment"), app);
            assertFalse(set.isEmpty(), app + " has no environment in docker-compose.yml");
            for (String variable : set) {
                if (!read.contains(variable)) {
                    problems.add(app + " sets " + variable + ", which its application.properties never reads"
                            + " (it reads " + read + ")");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join(System.lineSeparator(), problems));
    }

    @Test
    void referencedVariablesAreFoundWithAndWithoutDefaults() {
        Set<String> read = referencedVariables("""
                quarkus.http.port=${HTTP_PORT:8081}
                quarkus.datasource.jdbc.url=${DB_URL:jdbc:postgresql://localhost:5432/partracker_plans}
                quarkus.datasource.password=${DB_PASSWORD}
                kafka.bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS:${KAFKA_FALLBACK:localhost:9092}}
                quarkus.x=${quarkus.http.port}
                """);

        assertEquals(Set.of("HTTP_PORT", "DB_URL", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_FALLBACK"), read);
    }

    private static Set<String> referencedVariables(String properties) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = ENV_REFERENCE.matcher(properties);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Set<String> environmentNames(Object environment, String app) {
        Set<String> names = new TreeSet<>();
        if (environment instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> names.add(String.valueOf(k)));
        } else if (environment instanceof List<?> list) {
            list.forEach(entry -> names.add(String.valueOf(entry).split("=", 2)[0]));
        } else if (environment != null) {
            fail(app + ".environment must be a map or a list");
        }
        return names;
    }

    private static JsonNode realm() throws IOException {
        Path file = repositoryRoot.resolve(REALM_FILE);
        assertTrue(Files.isRegularFile(file), REALM_FILE + " is missing");
        return JSON.readTree(file.toFile());
    }

    private static JsonNode client(JsonNode realm) {
        for (JsonNode client : realm.path("clients")) {
            if ("partracker-api".equals(client.path("clientId").asText())) {
                return client;
            }
        }
        return fail("the realm has no client partracker-api");
    }

    /** Resolves compose's {@code ${VAR:-default}} to the default, as compose does when VAR is unset. */
    private static String withDefaults(String value) {
        return COMPOSE_DEFAULT.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    private static List<String> withDefaults(Object list) {
        assertInstanceOf(List.class, list);
        return ((List<?>) list)
                .stream().map(v -> withDefaults(String.valueOf(v))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Object value, String what) {
        assertNotNull(value, what + " is missing in docker-compose.yml");
        assertInstanceOf(Map.class, value, what + " must be a mapping in docker-compose.yml");
        return (Map<String, Object>) value;
    }

    /** The module directory when run by Maven; walks up so that an IDE working directory works too. */
    private static Path findRepositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
                    && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        return fail("docker-compose.yml not found above " + Path.of("").toAbsolutePath());
    }
}
