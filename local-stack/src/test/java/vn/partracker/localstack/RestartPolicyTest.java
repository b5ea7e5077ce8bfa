package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-02T06:00:00Z");
    private static final Duration STARTUP_CRASH = Duration.ofSeconds(15);

    @Test
    void aServiceThatKeepsDyingIsRestartedAfter1_2_4_8SecondsThenGivenUpOnTheFifthExitWithin5Minutes() {
        RestartPolicy policy = RestartPolicy.standard();
        List<Duration> delays = new ArrayList<>();
        Instant at = T0;
        for (int exit = 1; exit <= 4; exit++) {
            RestartPolicy.Restart restart =
                    assertInstanceOf(RestartPolicy.Restart.class, policy.onExit(at, STARTUP_CRASH));
            assertEquals(exit, restart.restart());
            assertEquals(exit, restart.failuresInWindow());
            assertEquals(5, restart.maxFailures());
            delays.add(restart.delay());
            at = at.plus(restart.delay()).plus(STARTUP_CRASH);
        }

        RestartPolicy.Decision fifth = policy.onExit(at, STARTUP_CRASH);

        assertEquals(List.of(secs(1), secs(2), secs(4), secs(8)), delays);
        RestartPolicy.GiveUp giveUp = assertInstanceOf(RestartPolicy.GiveUp.class, fifth);
        assertEquals(5, giveUp.failures());
        assertEquals(Duration.ofMinutes(5), giveUp.window());
        assertTrue(policy.gaveUp());
        assertEquals(4, policy.restarts(), "the fifth exit is not restarted");
    }

    @Test
    void onceGivenUpEveryLaterExitIsGivenUpToo() {
        RestartPolicy policy = new RestartPolicy(secs(1), secs(30), 1, Duration.ofMinutes(5));

        assertInstanceOf(RestartPolicy.GiveUp.class, policy.onExit(T0, STARTUP_CRASH));
        assertInstanceOf(RestartPolicy.GiveUp.class, policy.onExit(T0.plus(Duration.ofHours(1)), Duration.ofHours(1)));
        assertEquals(0, policy.restarts());
    }

    @Test
    void theDelayDoublesUpTo30SecondsWhileExitsAreSpreadOutEnoughNeverToGiveUp() {
        RestartPolicy policy = RestartPolicy.standard();
        List<Duration> delays = new ArrayList<>();
        Instant at = T0;
        for (int exit = 1; exit <= 9; exit++) {
            // up for 2 minutes each time: never stable for the whole window, never 5 exits within 5 minutes
            RestartPolicy.Restart restart =
                    assertInstanceOf(RestartPolicy.Restart.class, policy.onExit(at, Duration.ofMinutes(2)));
            delays.add(restart.delay());
            assertTrue(restart.failuresInWindow() <= 3, "exits within 5 min: " + restart.failuresInWindow());
            at = at.plus(restart.delay()).plus(Duration.ofMinutes(2));
        }

        assertEquals(
                List.of(secs(1), secs(2), secs(4), secs(8), secs(16), secs(30), secs(30), secs(30), secs(30)), delays);
        assertEquals(9, policy.restarts());
        assertFalse(policy.gaveUp());
    }

    @Test
    void aProcessThatStayedUpForTheWholeWindowStartsOverAtOneSecond() {
        RestartPolicy policy = RestartPolicy.standard();
        policy.onExit(T0, STARTUP_CRASH);
        policy.onExit(T0.plusSeconds(20), STARTUP_CRASH);
        RestartPolicy.Restart third =
                assertInstanceOf(RestartPolicy.Restart.class, policy.onExit(T0.plusSeconds(40), STARTUP_CRASH));
        assertEquals(secs(4), third.delay());

        RestartPolicy.Restart afterStableRun = assertInstanceOf(
                RestartPolicy.Restart.class,
                policy.onExit(
                        T0.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5).plusSeconds(10)));

        assertEquals(secs(1), afterStableRun.delay());
        assertEquals(4, afterStableRun.restart());
    }

    @Test
    void exitsOlderThanTheWindowNoLongerCount() {
        RestartPolicy policy = RestartPolicy.standard();
        for (int i = 0; i < 4; i++) {
            policy.onExit(T0.plusSeconds(10L * i), STARTUP_CRASH);
        }
        // exactly 5 minutes after the first exit: the first one has left the window
        RestartPolicy.Restart restart = assertInstanceOf(
                RestartPolicy.Restart.class, policy.onExit(T0.plus(Duration.ofMinutes(5)), STARTUP_CRASH));

        assertEquals(4, restart.failuresInWindow());
        assertInstanceOf(
                RestartPolicy.GiveUp.class,
                policy.onExit(T0.plus(Duration.ofMinutes(5)).plusSeconds(1), STARTUP_CRASH),
                "exits at 10, 20, 30 s, 5:00 and 5:01 are five within 5 minutes");
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RestartPolicy(Duration.ZERO, secs(30), 5, Duration.ofMinutes(5)));
        assertThrows(
                IllegalArgumentException.class, () -> new RestartPolicy(secs(31), secs(30), 5, Duration.ofMinutes(5)));
        assertThrows(
                IllegalArgumentException.class, () -> new RestartPolicy(secs(1), secs(30), 0, Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> new RestartPolicy(secs(1), secs(30), 5, Duration.ZERO));
    }

    private static Duration secs(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
