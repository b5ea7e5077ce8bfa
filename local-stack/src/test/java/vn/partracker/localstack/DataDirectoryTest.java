package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void onlyOneLauncherAtATime() throws Exception {
        Path root = dir.resolve(".local-data");
        try (DataDirectory first = DataDirectory.open(root)) {
            LaunchException error = assertThrows(LaunchException.class, () -> DataDirectory.open(root));
            assertTrue(error.getMessage().startsWith("Another local stack is already running"));
        }
        DataDirectory.open(root).close();
    }

    @Test
    void wipeDeletesDataAndTheDevKeyPairButKeepsTheLockAndThePostgresBinaries() throws Exception {
        try (DataDirectory data = DataDirectory.open(dir.resolve(".local-data"))) {
            Files.createDirectories(data.postgresData().resolve("base"));
            Files.writeString(data.postgresData().resolve("base/1"), "rows");
            Files.createDirectories(data.kafka().resolve("data"));
            Files.createDirectories(data.logs());
            Files.writeString(data.logs().resolve("plans-service.log"), "log");
            Files.createDirectories(data.postgresWork().resolve("PG-abc/bin"));
            DevTokens.loadOrCreate(data.jwt());

            data.wipe();

            try (var entries = Files.list(data.root())) {
                assertEquals(
                        List.of("launcher.lock", "pg-work"),
                        entries.map(p -> p.getFileName().toString()).sorted().toList());
            }
            assertTrue(Files.isDirectory(data.postgresWork().resolve("PG-abc/bin")));
        }
    }

    @Test
    void leftoverPidsThatAreNotServicesAreLeftAlone() throws Exception {
        try (DataDirectory data = DataDirectory.open(dir.resolve(".local-data"))) {
            data.recordServicePids(List.of(ProcessHandle.current().pid(), 999_999_999L));

            data.stopLeftoverServices();

            assertTrue(ProcessHandle.current().isAlive());
            assertFalse(Files.exists(data.root().resolve("services.pid")));
        }
    }
}
