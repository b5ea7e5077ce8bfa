package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The status rows the launcher prints while it restarts a service, driven by a stand-in process ({@code sleep}). */
@EnabledOnOs(OS.LINUX)
class SupervisedServiceTest {

    @TempDir
    Path dir;

    @Test
    void anExitThenARestartThenReadyAgainIsWhatTheStatusRowSays() throws Exception {
        ServiceProcess first = sleeper("first.log", null);
        SupervisedService supervised = new SupervisedService(AppService.PLANS, first, RestartPolicy.standard());
        supervised.ready();
        assertEquals(new ServiceStatus(AppService.PLANS, "up", first.pid(), 0, ""), supervised.status());

        first.stop(Duration.ZERO);
        Instant exitedAt = Instant.now();
        RestartPolicy.Decision decision = supervised.policy().onExit(exitedAt, Duration.ofSeconds(30));
        supervised.exited(137, exitedAt, decision);
        ServiceStatus down = supervised.status();
        assertEquals("restarting in 1.0 s", down.state());
        assertEquals(-1, down.pid());
        assertEquals(1, down.restarts());
        assertTrue(down.lastExit().startsWith("code 137 at "), down.lastExit());

        ServiceProcess second = sleeper("first.log", "restarted by the launcher (restart 1)");
        supervised.restarted(second);
        assertEquals("starting (restart 1)", supervised.status().state());
        assertEquals(second.pid(), supervised.status().pid());

        Duration downFor = supervised.readyAgain(exitedAt.plusMillis(21_340));
        assertEquals(Duration.ofMillis(21_340), downFor);
        assertEquals("up", supervised.status().state());
        assertTrue(
                supervised.status().lastExit().endsWith(", ready again after 21.3 s"),
                supervised.status().lastExit());
        second.stop(Duration.ZERO);

        String log = Files.readString(dir.resolve("first.log"));
        assertTrue(log.contains("----- restarted by the launcher (restart 1) -----"), log);
        assertTrue(log.indexOf("first") < log.indexOf("----- restarted"), "the first process's output is kept: " + log);
    }

    @Test
    void givingUpIsShownLoudlyAndWithoutAPid() throws Exception {
        ServiceProcess process = sleeper("x.log", null);
        RestartPolicy once = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 1, Duration.ofMinutes(5));
        SupervisedService supervised = new SupervisedService(AppService.REPORTING, process, once);
        process.stop(Duration.ZERO);
        Instant at = Instant.now();

        supervised.exited(1, at, once.onExit(at, Duration.ofSeconds(20)));

        ServiceStatus status = supervised.status();
        assertEquals("GAVE UP", status.state());
        assertEquals(-1, status.pid());
        assertEquals(0, status.restarts());
        assertTrue(status.lastExit().endsWith(", 1 exits within 5 min"), status.lastExit());
    }

    /** A stand-in for a service JVM: a shell that prints a line and sleeps, started like a service. */
    private ServiceProcess sleeper(String log, String restartNote) throws Exception {
        Path script = dir.resolve("fake-service.sh");
        Files.writeString(script, "echo first; exec sleep 300\n");
        script.toFile().setExecutable(true);
        return ServiceProcess.startCommand(
                AppService.PLANS, List.of("bash", script.toString()), 1, Map.of(), dir.resolve(log), restartNote);
    }
}
