package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ProcessesTest {

    @Test
    void stopsAProcessAndItsDescendants() throws Exception {
        Process parent = new ProcessBuilder("bash", "-c", "sleep 300 & sleep 300 & wait").start();
        List<ProcessHandle> children = awaitChildren(parent, 2);

        boolean graceful = Processes.stopTree(parent.toHandle(), Duration.ofSeconds(5));

        assertTrue(graceful, "bash exits on SIGTERM");
        assertFalse(parent.isAlive());
        children.forEach(child -> assertFalse(Processes.isRunning(child), "descendant " + child.pid() + " left"));
    }

    @Test
    void killsWhatIgnoresSigterm() throws Exception {
        // the script says when its TERM trap is in place, so the signal cannot arrive before it ignores it
        Process stubborn =
                new ProcessBuilder("bash", "-c", "trap '' TERM; echo trapped; sleep 300 & wait; sleep 300").start();
        try (java.io.BufferedReader out =
                new java.io.BufferedReader(new java.io.InputStreamReader(stubborn.getInputStream()))) {
            assertTrue("trapped".equals(out.readLine()), "the script installed its trap");
            List<ProcessHandle> children = awaitChildren(stubborn, 1);

            boolean graceful = Processes.stopAll(List.of(stubborn.toHandle()), Duration.ofMillis(500));

            assertFalse(graceful);
            assertFalse(stubborn.isAlive());
            children.forEach(child -> assertFalse(Processes.isRunning(child)));
        }
    }

    @Test
    void residentMemoryOfThisJvmIsKnown() {
        assertTrue(Processes.residentMegabytes(ProcessHandle.current().pid()) > 0);
        assertTrue(Processes.residentMegabytes(Long.MAX_VALUE) < 0);
    }

    private static List<ProcessHandle> awaitChildren(Process parent, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<ProcessHandle> children = parent.children().toList();
        while (children.size() < count && System.nanoTime() < deadline) {
            Processes.sleep(Duration.ofMillis(20));
            children = parent.children().toList();
        }
        assertTrue(children.size() >= count, "children started: " + children);
        return children;
    }
}
