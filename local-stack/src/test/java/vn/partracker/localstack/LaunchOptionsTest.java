package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaultsWithoutArgumentsOrEnvironment() {
        LaunchOptions options = LaunchOptions.parse(List.of(), Map.of());

        assertFalse(options.fresh());
        assertTrue(options.demo());
        assertFalse(options.infraOnly());
        assertFalse(options.help());
        assertEquals(8081, options.httpPort(AppService.PLANS));
        assertEquals(8082, options.httpPort(AppService.INDICATORS));
        assertEquals(8083, options.httpPort(AppService.REPORTING));
        assertEquals(55432, options.postgresPort());
        assertEquals(59092, options.kafkaPort());
        assertEquals(59093, options.kafkaControllerPort());
        assertEquals(
                List.of(
                        "-Xmx256m",
                        "-XX:G1PeriodicGCInterval=15000",
                        "-XX:-G1PeriodicGCInvokesConcurrent",
                        "-XX:MaxHeapFreeRatio=40"),
                options.serviceJvmOptions());
        assertEquals("demo-data/manifest.json", options.demoManifest());
        assertEquals("", options.corsOrigins());
    }

    @Test
    void flagsAreRecognised() {
        LaunchOptions options = LaunchOptions.parse(List.of("--fresh", "--no-demo", "--infra-only"), Map.of());

        assertTrue(options.fresh());
        assertFalse(options.demo());
        assertTrue(options.infraOnly());
        assertTrue(LaunchOptions.parse(List.of("-h"), Map.of()).help());
        assertTrue(LaunchOptions.parse(List.of("--help"), Map.of()).help());
    }

    @Test
    void unknownOptionIsRejectedWithUsage() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--rebuilt"), Map.of()));

        assertTrue(error.getMessage().startsWith("Unknown option: --rebuilt"));
        assertTrue(error.getMessage().contains("Usage: ./run-local.sh"));
    }

    @Test
    void portsComeFromTheEnvironment() {
        LaunchOptions options = LaunchOptions.parse(
                List.of(),
                Map.of(
                        "PLANS_PORT", "18081",
                        "INDICATORS_PORT", "18082",
                        "REPORTING_PORT", " 18083 ",
                        "PG_PORT", "15432",
                        "KAFKA_PORT", "19092"));

        assertEquals(18081, options.httpPort(AppService.PLANS));
        assertEquals(18082, options.httpPort(AppService.INDICATORS));
        assertEquals(18083, options.httpPort(AppService.REPORTING));
        assertEquals(15432, options.postgresPort());
        assertEquals(19092, options.kafkaPort());
        assertEquals(19093, options.kafkaControllerPort(), "controller port follows KAFKA_PORT");
    }

    @Test
    void blankVariableMeansDefault() {
        assertEquals(
                55432, LaunchOptions.parse(List.of(), Map.of("PG_PORT", " ")).postgresPort());
    }

    @Test
    void badPortNamesTheVariable() {
        IllegalArgumentException notANumber = assertThrows(
                IllegalArgumentException.class, () -> LaunchOptions.parse(List.of(), Map.of("PG_PORT", "fivefive")));
        IllegalArgumentException outOfRange = assertThrows(
                IllegalArgumentException.class, () -> LaunchOptions.parse(List.of(), Map.of("KAFKA_PORT", "70000")));

        assertTrue(notANumber.getMessage().startsWith("PG_PORT must be a port number"));
        assertTrue(outOfRange.getMessage().startsWith("KAFKA_PORT must be a port number"));
    }

    @Test
    void clashingPortsAreRejected() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> LaunchOptions.parse(List.of(), Map.of("REPORTING_PORT", "8081")));

        assertTrue(error.getMessage().contains("8081"));
        assertTrue(error.getMessage().contains("plans-service"));
        assertTrue(error.getMessage().contains("reporting-service"));
    }

    @Test
    void kafkaPortNextToControllerPortClashes() {
        assertThrows(
                IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of(), Map.of("KAFKA_CONTROLLER_PORT", "55432")));
    }

    @Test
    void serviceHttpPortsAreIgnoredForClashesInInfraOnlyMode() {
        LaunchOptions options =
                LaunchOptions.parse(List.of("--infra-only"), Map.of("PG_PORT", "8081", "PLANS_PORT", "8081"));

        assertEquals(3, options.allPorts().size());
    }

    @Test
    void serviceJavaOptionsAreSplitOnWhitespace() {
        LaunchOptions options =
                LaunchOptions.parse(List.of(), Map.of("SERVICE_JAVA_OPTS", "  -Xmx200m   -XX:+UseSerialGC "));

        assertEquals(List.of("-Xmx200m", "-XX:+UseSerialGC"), options.serviceJvmOptions());
    }

    @Test
    void demoManifestCanBeOverridden() {
        assertEquals(
                "/tmp/other.json",
                LaunchOptions.parse(List.of(), Map.of("DEMO_MANIFEST", "/tmp/other.json"))
                        .demoManifest());
    }

    @Test
    void corsOriginsArePassedThroughFromTheEnvironment() {
        assertEquals(
                "http://localhost:3000,https://par.example.vn",
                LaunchOptions.parse(List.of(), Map.of("CORS_ORIGINS", " http://localhost:3000,https://par.example.vn "))
                        .corsOrigins());
    }

    @Test
    void theReadyTimeoutIs120SecondsUnlessSet() {
        assertEquals(
                Duration.ofSeconds(120),
                LaunchOptions.parse(List.of(), Map.of()).readyTimeout());
        assertEquals(
                Duration.ofSeconds(300),
                LaunchOptions.parse(List.of(), Map.of("SERVICE_READY_TIMEOUT", "300"))
                        .readyTimeout());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of(), Map.of("SERVICE_READY_TIMEOUT", "soon")));
        assertTrue(e.getMessage().contains("SERVICE_READY_TIMEOUT"), e.getMessage());
        assertTrue(LaunchOptions.usage().contains("SERVICE_READY_TIMEOUT [120]"));
    }

    @Test
    void usageDocumentsTheTokenCommand() {
        String usage = LaunchOptions.usage();

        assertTrue(usage.contains("./run-local.sh token <role> [agency-code] [--subtree]"), usage);
        assertTrue(usage.contains("admin, planner, reporter, evaluator, viewer"), usage);
        assertTrue(usage.contains("CORS_ORIGINS"), usage);
    }
}
