package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    @Test
    void theArchiveBesideTheRunnerIsUsedWhenTheBuildWroteOne() throws Exception {
        Path runner = Files.createFile(dir.resolve("quarkus-run.jar"));
        assertEquals(Optional.empty(), ServiceProcess.classDataArchive(runner, List.of("-Xmx256m")));

        Path archive = Files.createFile(dir.resolve("app-cds.jsa"));
        assertEquals(Optional.of(archive), ServiceProcess.classDataArchive(runner, List.of("-Xmx256m")));
    }

    @Test
    void optionsThatChooseTheirOwnArchiveOrTurnSharingOffWin() throws Exception {
        Path runner = Files.createFile(dir.resolve("quarkus-run.jar"));
        Files.createFile(dir.resolve("app-cds.jsa"));

        assertEquals(
                Optional.empty(),
                ServiceProcess.classDataArchive(runner, List.of("-XX:SharedArchiveFile=/elsewhere/other.jsa")));
        assertEquals(Optional.empty(), ServiceProcess.classDataArchive(runner, List.of("-Xshare:off")));
    }
}
