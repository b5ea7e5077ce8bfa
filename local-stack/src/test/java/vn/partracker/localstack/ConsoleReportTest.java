package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    private static final List<String> TOPICS = List.of("partracker.plans", "partracker.reports");

    @Test
    void listsEveryServiceUrlAndTheInfrastructure() {
        LaunchOptions options = LaunchOptions.parse(List.of(), Map.of("INDICATORS_PORT", "18082"));

        String report = ConsoleReport.render(
                options,
                TOPICS,
                "partracker",
                "secret",
                Path.of("/repo/.local-data"),
                Path.of("/repo/.local-data/jwt/public-key.pem"),
                Duration.ofMillis(3_240),
                Duration.ofMillis(12_560),
                Map.of(AppService.PLANS, 217L, AppService.INDICATORS, 232L));

        assertTrue(report.contains("infrastructure 3.2 s, services ready 12.6 s later, total 15.8 s"), report);
        assertTrue(report.contains("http://localhost:8081/api"), report);
        assertTrue(report.contains("http://localhost:8081/q/swagger-ui"), report);
        assertTrue(report.contains("http://localhost:8081/q/health/ready"), report);
        assertTrue(report.contains("http://localhost:8081/q/openapi"), report);
        assertTrue(report.contains("http://localhost:18082/q/swagger-ui"), report);
        assertTrue(report.contains("http://localhost:8083/q/openapi"), report);
        assertTrue(report.contains("jdbc:postgresql://127.0.0.1:55432/partracker_plans"), report);
        assertTrue(report.contains("jdbc:postgresql://127.0.0.1:55432/partracker_indicators"), report);
        assertTrue(report.contains("jdbc:postgresql://127.0.0.1:55432/partracker_reporting"), report);
        assertTrue(report.contains("user partracker, password secret"), report);
        assertTrue(report.contains("127.0.0.1:59092  topics partracker.plans, partracker.reports"), report);
        assertTrue(report.contains("/repo/.local-data"), report);
        assertTrue(report.contains("217 MB"), report);
        assertTrue(report.contains("Press Ctrl-C to stop everything."), report);
        assertFalse(report.contains("quarkus:dev"), report);
    }

    @Test
    void showsHowToGetATokenAndUseIt() {
        String report = ConsoleReport.render(
                LaunchOptions.parse(List.of(), Map.of("INDICATORS_PORT", "18082")),
                TOPICS,
                "partracker",
                "partracker",
                Path.of("/repo/.local-data"),
                Path.of("/repo/.local-data/jwt/public-key.pem"),
                Duration.ofSeconds(3),
                Duration.ofSeconds(15),
                Map.of());

        assertTrue(
                report.contains("Tokens      ./run-local.sh token <role> [agency-code] [--subtree]  (admin, planner,"
                        + " reporter, evaluator, viewer; valid 12 h)"),
                report);
        assertTrue(report.contains("TOKEN=$(./run-local.sh token reporter KT.STP)"), report);
        assertTrue(
                report.contains("curl -H \"Authorization: Bearer $TOKEN\" http://localhost:18082/api/indicators"),
                report);
        assertTrue(report.contains("Issuer https://partracker.local/dev"), report);
        assertTrue(report.contains("public key /repo/.local-data/jwt/public-key.pem"), report);
    }

    @Test
    void serviceRowsAreAligned() {
        String report = ConsoleReport.render(
                LaunchOptions.parse(List.of(), Map.of()),
                TOPICS,
                "u",
                "p",
                Path.of("/d"),
                Path.of("/d/jwt/public-key.pem"),
                Duration.ZERO,
                Duration.ZERO,
                Map.of());
        List<String> rows = report.lines()
                .filter(l -> l.contains("-service ") || l.startsWith("  Service"))
                .toList();

        assertEquals(4, rows.size(), report);
        int column = rows.get(0).indexOf("Swagger UI");
        for (String row : rows.subList(1, rows.size())) {
            assertEquals(column, row.indexOf("http://localhost:808", row.indexOf("/api") + 4), row);
        }
        assertTrue(rows.get(1).endsWith("?    0"), "unknown RSS is shown as ?, no restarts as 0: " + rows.get(1));
    }

    @Test
    void infrastructureOnlyShowsHowToRunAService() {
        String report = ConsoleReport.render(
                LaunchOptions.parse(List.of("--infra-only"), Map.of()),
                TOPICS,
                "partracker",
                "partracker",
                Path.of("/d"),
                Path.of("/d/jwt/public-key.pem"),
                Duration.ofSeconds(4),
                null,
                Map.of());

        assertTrue(report.contains("local infrastructure is running (ready in 4.0 s)"), report);
        assertFalse(report.contains("swagger-ui"), report);
        assertTrue(
                report.contains("DB_URL=jdbc:postgresql://127.0.0.1:55432/partracker_plans DB_USERNAME=partracker"
                        + " DB_PASSWORD=partracker KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:59092"
                        + " JWT_ISSUER=https://partracker.local/dev JWT_PUBLIC_KEY_LOCATION=/d/jwt/public-key.pem"
                        + " ./mvnw -pl plans-service quarkus:dev"),
                report);
    }

    @Test
    void theSummaryShowsRestartsPerService() {
        String report = ConsoleReport.render(
                LaunchOptions.parse(List.of(), Map.of()),
                TOPICS,
                "u",
                "p",
                Path.of("/d"),
                Path.of("/d/jwt/public-key.pem"),
                Duration.ofSeconds(3),
                Duration.ofSeconds(15),
                Map.of(AppService.PLANS, 250L, AppService.INDICATORS, 260L, AppService.REPORTING, 240L),
                Map.of(AppService.INDICATORS, 2));
        List<String> rows = report.lines()
                .filter(l -> l.contains("-service ") || l.startsWith("  Service"))
                .toList();

        assertTrue(rows.get(0).endsWith("RSS     Restarts"), rows.get(0));
        assertTrue(rows.get(1).endsWith("250 MB  0"), rows.get(1));
        assertTrue(rows.get(2).endsWith("260 MB  2"), rows.get(2));
        assertTrue(rows.get(3).endsWith("240 MB  0"), rows.get(3));
    }

    @Test
    void theStatusTableShowsStatePidRestartsAndTheLastExit() {
        String status = ConsoleReport.status(
                "plans-service exited with code 137:",
                List.of(
                        new ServiceStatus(AppService.PLANS, "restarting in 1.0 s", -1, 1, "code 137 at 06:51:02"),
                        new ServiceStatus(AppService.INDICATORS, "up", 4242, 0, ""),
                        new ServiceStatus(
                                AppService.REPORTING, "GAVE UP", -1, 4, "code 1 at 06:55:40, 5 exits within 5 min")));

        assertEquals(
                String.join(
                        System.lineSeparator(),
                        "",
                        "plans-service exited with code 137:",
                        "  Service             State                PID   Restarts  Last exit",
                        "  ------------------  -------------------  ----  --------  " + "-".repeat(40),
                        "  plans-service       restarting in 1.0 s  -     1         code 137 at 06:51:02",
                        "  indicators-service  up                   4242  0         -",
                        "  reporting-service   GAVE UP              -     4         code 1 at 06:55:40, 5 exits within 5 min",
                        ""),
                status);
    }

    @Test
    void secondsHaveOneDecimal() {
        assertEquals("0.0 s", ConsoleReport.seconds(Duration.ZERO));
        assertEquals("1.3 s", ConsoleReport.seconds(Duration.ofMillis(1_250)));
        assertEquals("120.0 s", ConsoleReport.seconds(Duration.ofSeconds(120)));
    }
}
