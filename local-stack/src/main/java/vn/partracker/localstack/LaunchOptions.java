package vn.partracker.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options and environment variables of the launcher, parsed without side effects so that they can be
 * unit-tested.
 *
 * @param fresh wipe the data directory before starting
 * @param demo load the demo data manifest after the services are ready
 * @param infraOnly start only PostgreSQL and Kafka (for running a service from the IDE or {@code quarkus:dev})
 * @param help print usage and exit
 * @param httpPorts HTTP port of each service
 * @param postgresPort PostgreSQL port
 * @param kafkaPort Kafka client (PLAINTEXT) port
 * @param kafkaControllerPort KRaft controller port
 * @param serviceJvmOptions JVM options for each service process
 * @param demoManifest the demo data manifest, relative to the repository root unless absolute
 * @param corsOrigins {@code CORS_ORIGINS} passed on to the services (comma list; empty: the services' default)
 * @param readyTimeout how long a service may take to become ready, at start and after a restart
 */
public record LaunchOptions(
        boolean fresh,
        boolean demo,
        boolean infraOnly,
        boolean help,
        Map<AppService, Integer> httpPorts,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        List<String> serviceJvmOptions,
        String demoManifest,
        String corsOrigins,
        Duration readyTimeout) {

    /** Default PostgreSQL port: away from 5432 so that a system PostgreSQL does not clash. */
    public static final int DEFAULT_PG_PORT = 55432;

    /** Default Kafka port: away from 9092 so that another local broker does not clash. */
    public static final int DEFAULT_KAFKA_PORT = 59092;

    /** Default demo data manifest, relative to the repository root. */
    public static final String DEFAULT_DEMO_MANIFEST = "demo-data/manifest.json";

    /**
     * Default JVM options of a service process: a 256 MB heap, given back when the service idles. After 15 s without
     * a collection G1 runs a full one and shrinks the heap to at most 40 % free (the default keeps 70 % free), so an
     * idle service holds its live data, not the peak of its last burst: indicators-service's resident size after the
     * demo load went from 308-328 MB (115 MB of heap committed for 73 MB used) to 273-276 MB (59 MB committed). A busy
     * service collects far more often than every 15 s, so the periodic collection never runs under load.
     */
    public static final String DEFAULT_SERVICE_JAVA_OPTS =
            "-Xmx256m -XX:G1PeriodicGCInterval=15000 -XX:-G1PeriodicGCInvokesConcurrent -XX:MaxHeapFreeRatio=40";

    /** Default time a service may take to become ready. */
    public static final int DEFAULT_READY_TIMEOUT_SECONDS = 120;

    /** Validates and copies the collections. */
    public LaunchOptions {
        httpPorts = Map.copyOf(httpPorts);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /**
     * Parses the arguments and the environment.
     *
     * @throws IllegalArgumentException with a message meant for the user (unknown option, bad or clashing port)
     */
    public static LaunchOptions parse(List<String> args, Map<String, String> env) {
        boolean fresh = false;
        boolean demo = true;
        boolean infraOnly = false;
        boolean help = false;
        for (String arg : args) {
            switch (arg) {
                case "--fresh" -> fresh = true;
                case "--no-demo" -> demo = false;
                case "--infra-only" -> infraOnly = true;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option: " + arg + "\n\n" + usage());
            }
        }
        Map<AppService, Integer> httpPorts = new EnumMap<>(AppService.class);
        for (AppService service : AppService.values()) {
            httpPorts.put(service, port(env, service.portVariable(), service.defaultPort()));
        }
        int pgPort = port(env, "PG_PORT", DEFAULT_PG_PORT);
        int kafkaPort = port(env, "KAFKA_PORT", DEFAULT_KAFKA_PORT);
        int controllerPort = port(env, "KAFKA_CONTROLLER_PORT", kafkaPort + 1);
        List<String> jvmOptions = splitOptions(env.getOrDefault("SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS));
        String manifest = env.getOrDefault("DEMO_MANIFEST", "").isBlank()
                ? DEFAULT_DEMO_MANIFEST
                : env.get("DEMO_MANIFEST").trim();
        String corsOrigins = env.getOrDefault("CORS_ORIGINS", "").trim();
        Duration readyTimeout =
                Duration.ofSeconds(seconds(env, "SERVICE_READY_TIMEOUT", DEFAULT_READY_TIMEOUT_SECONDS));
        LaunchOptions options = new LaunchOptions(
                fresh,
                demo,
                infraOnly,
                help,
                httpPorts,
                pgPort,
                kafkaPort,
                controllerPort,
                jvmOptions,
                manifest,
                corsOrigins,
                readyTimeout);
        options.checkDistinctPorts();
        return options;
    }

    /** Returns the HTTP port of a service. */
    public int httpPort(AppService service) {
        return httpPorts.get(service);
    }

    /** Returns every port the stack listens on, keyed by a label for error messages. */
    public Map<String, Integer> allPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL (PG_PORT)", postgresPort);
        ports.put("Kafka (KAFKA_PORT)", kafkaPort);
        ports.put("Kafka controller (KAFKA_CONTROLLER_PORT)", kafkaControllerPort);
        if (!infraOnly) {
            for (AppService service : AppService.values()) {
                ports.put(service.moduleName() + " (" + service.portVariable() + ")", httpPort(service));
            }
        }
        return ports;
    }

    /** Returns the usage text printed for {@code --help} and after an unknown option. */
    public static String usage() {
        return """
                Usage: ./run-local.sh [--fresh] [--no-demo] [--infra-only] [--rebuild] [--help]
                       ./run-local.sh token <role> [agency-code] [--subtree]

                Starts embedded PostgreSQL, a local Kafka broker and the three PAR Tracker services.
                Stop with Ctrl-C.

                Options:
                  --fresh       delete the data in ./.local-data (databases, Kafka logs, service logs) first
                  --no-demo     do not load ./demo-data/manifest.json
                  --infra-only  start PostgreSQL and Kafka only (run the services yourself, e.g. quarkus:dev)
                  --rebuild     (run-local.sh) run ./mvnw -DskipTests install before starting
                  --help        show this text

                Tokens (every /api call needs one):
                  ./run-local.sh token <role> [agency-code] [--subtree]
                                prints one signed JWT (valid 12 h) and nothing else; starts nothing.
                                role: admin, planner, reporter, evaluator, viewer; agency-code e.g. KT.STP;
                                --subtree also covers the agencies under it (agencyScope=subtree).
                                TOKEN=$(./run-local.sh token reporter KT.STP)
                                curl -H "Authorization: Bearer $TOKEN" http://localhost:8082/api/indicators
                                The key pair lives in .local-data/jwt (created when missing; --fresh replaces it).

                Environment (defaults in brackets):
                  PLANS_PORT [8081]  INDICATORS_PORT [8082]  REPORTING_PORT [8083]
                  PG_PORT [55432]  KAFKA_PORT [59092]  KAFKA_CONTROLLER_PORT [KAFKA_PORT + 1]
                  SERVICE_JAVA_OPTS [-Xmx256m …]  JVM options of each service process (default: see README-local-stack)
                  DEMO_MANIFEST [demo-data/manifest.json]  demo data to load
                  CORS_ORIGINS [empty]  passed on to the services (comma list of allowed origins)
                  SERVICE_READY_TIMEOUT [120]  seconds a service may take to become ready (start and restart)
                """;
    }

    private void checkDistinctPorts() {
        Map<Integer, String> seen = new HashMap<>();
        for (Map.Entry<String, Integer> entry : allPorts().entrySet()) {
            String previous = seen.putIfAbsent(entry.getValue(), entry.getKey());
            if (previous != null) {
                throw new IllegalArgumentException(
                        "Port " + entry.getValue() + " is used twice: by " + previous + " and by " + entry.getKey());
            }
        }
    }

    private static int port(Map<String, String> env, String variable, int defaultValue) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number (1-65535), got '" + value + "'");
        }
    }

    private static int seconds(Map<String, String> env, String variable, int defaultValue) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds < 1 || seconds > 3600) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a number of seconds (1-3600), got '" + value + "'");
        }
    }

    private static List<String> splitOptions(String value) {
        List<String> options = new ArrayList<>();
        Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(options::add);
        return options;
    }
}
