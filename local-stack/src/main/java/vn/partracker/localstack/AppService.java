package vn.partracker.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The three PAR Tracker services the local stack runs, with the names used in module directories, demo manifests
 * and environment variables.
 */
public enum AppService {
    PLANS("plans", "partracker_plans", 8081, "PLANS_PORT"),
    INDICATORS("indicators", "partracker_indicators", 8082, "INDICATORS_PORT"),
    REPORTING("reporting", "partracker_reporting", 8083, "REPORTING_PORT");

    private final String shortName;
    private final String database;
    private final int defaultPort;
    private final String portVariable;

    AppService(String shortName, String database, int defaultPort, String portVariable) {
        this.shortName = shortName;
        this.database = database;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
    }

    /** Returns the name used in demo manifests, e.g. {@code plans}. */
    public String shortName() {
        return shortName;
    }

    /** Returns the Maven module directory and process name, e.g. {@code plans-service}. */
    public String moduleName() {
        return shortName + "-service";
    }

    /** Returns the PostgreSQL database the service owns. */
    public String database() {
        return database;
    }

    /** Returns the HTTP port used when the port variable is not set. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Returns the environment variable of the launcher that overrides the HTTP port, e.g. {@code PLANS_PORT}. */
    public String portVariable() {
        return portVariable;
    }

    /** Returns the packaged fast-jar launcher of this service below the repository root. */
    public Path runnerJar(Path repositoryRoot) {
        return repositoryRoot.resolve(moduleName()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Finds a service by its short name ({@code plans}) or module name ({@code plans-service}). */
    public static Optional<AppService> byName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.shortName.equals(name) || s.moduleName().equals(name))
                .findFirst();
    }
}
