package vn.partracker.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the summary printed once the stack is up (timings, a table of service URLs with memory and restarts, how to
 * get a token, the infrastructure) and the status table printed whenever a service exits, is restarted or is given up
 * on.
 */
public final class ConsoleReport {

    private static final String NL = System.lineSeparator();

    private ConsoleReport() {}

    /**
     * Renders the summary.
     *
     * @param publicKeyFile the public key the services verify tokens with ({@code JWT_PUBLIC_KEY_LOCATION})
     * @param infrastructure time until PostgreSQL, Kafka, databases and topics were ready
     * @param services time from starting the service processes until all were ready; {@code null} with
     *     {@code --infra-only}
     * @param residentMegabytes resident memory of each service process once ready (absent or -1 when unknown)
     */
    public static String render(
            LaunchOptions options,
            List<String> topics,
            String databaseUser,
            String databasePassword,
            Path dataDirectory,
            Path publicKeyFile,
            Duration infrastructure,
            Duration services,
            Map<AppService, Long> residentMegabytes) {
        return render(
                options,
                topics,
                databaseUser,
                databasePassword,
                dataDirectory,
                publicKeyFile,
                infrastructure,
                services,
                residentMegabytes,
                Map.of());
    }

    /**
     * Renders the summary with the number of times each service was restarted (absent: 0).
     *
     * @see #render(LaunchOptions, List, String, String, Path, Path, Duration, Duration, Map)
     */
    public static String render(
            LaunchOptions options,
            List<String> topics,
            String databaseUser,
            String databasePassword,
            Path dataDirectory,
            Path publicKeyFile,
            Duration infrastructure,
            Duration services,
            Map<AppService, Long> residentMegabytes,
            Map<AppService, Integer> restarts) {
        StringBuilder out = new StringBuilder(NL);
        if (services == null) {
            out.append("PAR Tracker local infrastructure is running (ready in ")
                    .append(seconds(infrastructure))
                    .append(")")
                    .append(NL);
        } else {
            out.append("PAR Tracker local stack is running (infrastructure ")
                    .append(seconds(infrastructure))
                    .append(", services ready ")
                    .append(seconds(services))
                    .append(" later, total ")
                    .append(seconds(infrastructure.plus(services)))
                    .append(")")
                    .append(NL)
                    .append(NL);
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Service", "API base", "Swagger UI", "Health (ready)", "OpenAPI", "RSS", "Restarts"));
            for (AppService service : AppService.values()) {
                String base = "http://localhost:" + options.httpPort(service);
                long rss = residentMegabytes.getOrDefault(service, -1L);
                rows.add(List.of(
                        service.moduleName(),
                        base + "/api",
                        base + "/q/swagger-ui",
                        base + "/q/health/ready",
                        base + "/q/openapi",
                        rss < 0 ? "?" : rss + " MB",
                        String.valueOf(restarts.getOrDefault(service, 0))));
            }
            out.append(table(rows, "  "));
        }
        out.append(NL);
        String indent = "  ";
        String more = indent + " ".repeat(12);
        out.append(indent)
                .append(String.format("%-12s", "Tokens"))
                .append("./run-local.sh token <role> [agency-code] [--subtree]  (")
                .append(String.join(", ", DevTokens.ROLES))
                .append("; valid ")
                .append(DevTokens.LIFETIME.toHours())
                .append(" h)")
                .append(NL);
        out.append(more).append("TOKEN=$(./run-local.sh token reporter KT.STP)").append(NL);
        out.append(more)
                .append("curl -H \"Authorization: Bearer $TOKEN\" http://localhost:")
                .append(options.httpPort(AppService.INDICATORS))
                .append("/api/indicators")
                .append(NL);
        out.append(more)
                .append("Swagger UI: Authorize, paste the token. Issuer ")
                .append(DevTokens.ISSUER)
                .append(", public key ")
                .append(publicKeyFile)
                .append(NL)
                .append(NL);
        for (AppService service : AppService.values()) {
            out.append(indent)
                    .append(service == AppService.PLANS ? String.format("%-12s", "PostgreSQL") : " ".repeat(12))
                    .append(PostgresServer.jdbcUrl(options.postgresPort(), service.database()))
                    .append(NL);
        }
        out.append(indent)
                .append(" ".repeat(12))
                .append("user ")
                .append(databaseUser)
                .append(", password ")
                .append(databasePassword)
                .append(NL);
        out.append(indent)
                .append(String.format("%-12s", "Kafka"))
                .append("127.0.0.1:")
                .append(options.kafkaPort())
                .append("  topics ")
                .append(String.join(", ", topics))
                .append(NL);
        out.append(indent)
                .append(String.format("%-12s", "Data, logs"))
                .append(dataDirectory)
                .append("  (logs/<service>.log)")
                .append(NL);
        if (services == null) {
            out.append(NL).append("Run a service against it, for example:").append(NL);
            out.append(indent)
                    .append("DB_URL=")
                    .append(PostgresServer.jdbcUrl(options.postgresPort(), AppService.PLANS.database()))
                    .append(" DB_USERNAME=")
                    .append(databaseUser)
                    .append(" DB_PASSWORD=")
                    .append(databasePassword)
                    .append(" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:")
                    .append(options.kafkaPort())
                    .append(" JWT_ISSUER=")
                    .append(DevTokens.ISSUER)
                    .append(" JWT_PUBLIC_KEY_LOCATION=")
                    .append(publicKeyFile)
                    .append(" ./mvnw -pl plans-service quarkus:dev")
                    .append(NL);
        }
        out.append(NL).append("Press Ctrl-C to stop everything.").append(NL);
        return out.toString();
    }

    /**
     * Renders the status table: state, process id, restarts and last unexpected exit of each service, with a heading
     * that says why it is printed.
     */
    public static String status(String heading, List<ServiceStatus> statuses) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Service", "State", "PID", "Restarts", "Last exit"));
        for (ServiceStatus status : statuses) {
            rows.add(List.of(
                    status.service().moduleName(),
                    status.state(),
                    status.pid() < 0 ? "-" : String.valueOf(status.pid()),
                    String.valueOf(status.restarts()),
                    status.lastExit().isEmpty() ? "-" : status.lastExit()));
        }
        return NL + heading + NL + table(rows, "  ");
    }

    /** Formats a duration as seconds with one decimal, e.g. {@code 12.3 s}. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Lays out rows as left-aligned columns separated by two spaces, with a rule under the header row. */
    static String table(List<List<String>> rows, String indent) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(rows.get(r), widths, indent)).append(NL);
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                out.append(line(rule, widths, indent)).append(NL);
            }
        }
        return out.toString();
    }

    private static String line(List<String> cells, int[] widths, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            line.append(c == cells.size() - 1 ? cells.get(c) : String.format("%-" + widths[c] + "s  ", cells.get(c)));
        }
        return line.toString().stripTrailing();
    }
}
