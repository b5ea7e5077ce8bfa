package vn.partracker.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the e2e and fault tests measured (recovery times, replays, lags), logged and appended to
 * {@code target/e2e-measurements.txt} so that a run leaves its numbers next to its reports.
 */
final class Measured {

    private static final Logger LOG = LoggerFactory.getLogger(Measured.class);
    private static final Path FILE = Path.of("target", "e2e-measurements.txt");

    private Measured() {}

    static void record(String scenario, String what, Object value) {
        String line = Instant.now() + "  " + scenario + "  " + what + ": " + value;
        LOG.info(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE,
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("Could not write {}: {}", FILE, e.toString());
        }
    }
}
