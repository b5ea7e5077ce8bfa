package vn.partracker.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded PostgreSQL (zonky) whose data survives restarts: the cluster is initialised once in
 * {@code .local-data/postgres} and reused afterwards, and the application role and databases are created only when
 * missing.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * Starts PostgreSQL on 127.0.0.1 only.
     *
     * @param dataDirectory the cluster directory; initialised when it holds no {@code postgresql.conf}
     * @param workDirectory where the binaries are unpacked (instead of the system temporary directory)
     * @param logFile receives the output of {@code initdb}, {@code pg_ctl} and the server
     */
    public static PostgresServer start(Path dataDirectory, Path workDirectory, Path logFile, int port)
            throws IOException {
        Files.createDirectories(workDirectory);
        Files.createDirectories(logFile.getParent());
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workDirectory.toFile())
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky turns both off (-F, synchronous_commit) for throwaway test databases; this cluster's data
                    // is
                    // kept across restarts, so a crash must not lose or corrupt it
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
            return new PostgresServer(postgres, port);
        } catch (IOException | RuntimeException e) {
            throw new LaunchException(
                    "PostgreSQL did not start on port " + port + ": " + e.getMessage() + System.lineSeparator()
                            + "Last lines of " + logFile + ":" + System.lineSeparator()
                            + LogFiles.indent(LogFiles.tail(logFile, 20), "    ")
                            + System.lineSeparator()
                            + "If the data directory is damaged, start again with --fresh.",
                    e);
        }
    }

    /**
     * Creates the login role and the databases it owns when they do not exist yet; existing ones, and their data,
     * are left alone.
     */
    public void ensureDatabases(String user, String password, Collection<String> databases) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + identifier(user) + " LOGIN PASSWORD " + literal(password));
                }
                LOG.info("Created role {}", user);
            }
            for (String database : databases) {
                if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE " + identifier(database) + " OWNER " + identifier(user)
                                + " ENCODING 'UTF8'");
                    }
                    LOG.info("Created database {}", database);
                }
            }
        }
    }

    /** Returns the JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    /** Returns the JDBC URL of a database on a local server listening on {@code port}. */
    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server with a fast shutdown ({@code pg_ctl stop -m fast}); the data directory is kept. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
