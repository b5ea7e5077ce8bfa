package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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

/**
 * Checks docker-compose.yml against the rules operators rely on: every container has a healthcheck, start order
 * follows health, and the services get only environment variables they actually read.
 */
class ComposeFileTest {

    private static final List<String> APP_SERVICES =
            List.of("plans-service", "indicators-service", "reporting-service");

    /** {@code ${VAR}} or {@code ${VAR:default}}; dotted property references such as {@code ${quarkus.x}} are not env. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?=[:}])");

    /** Healthcheck keys that compose v1.29 and the compose specification both accept (no start_interval). */
    private static final Set<String> PORTABLE_HEALTHCHECK_KEYS =
            Set.of("test", "interval", "timeout", "retries", "start_period", "disable");

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
