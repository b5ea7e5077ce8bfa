package vn.partracker.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Stopping process trees and reading process memory, shared by the service processes and leftover clean-up. */
public final class Processes {

    private static final Duration POLL = Duration.ofMillis(50);

    private Processes() {}

    /**
     * Asks a process to stop (SIGTERM), waits up to {@code grace}, then kills it and every descendant that is still
     * alive.
     *
     * @return {@code true} if the process stopped within the grace period
     */
    public static boolean stopTree(ProcessHandle process, Duration grace) {
        return stopAll(List.of(process), grace);
    }

    /**
     * Stops several process trees at once: SIGTERM to every root, up to {@code grace} for all of them to exit, then
     * SIGKILL for every root and descendant still alive. Descendants are collected before the first signal because
     * they are re-parented once their parent exits and could no longer be found.
     *
     * @return {@code true} if every root stopped within the grace period
     */
    public static boolean stopAll(List<ProcessHandle> roots, Duration grace) {
        Set<ProcessHandle> descendants = new LinkedHashSet<>();
        roots.forEach(root -> descendants.addAll(root.descendants().toList()));
        roots.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        boolean graceful = roots.stream().allMatch(root -> awaitExit(root, deadline));
        roots.forEach(root -> descendants.addAll(root.descendants().toList()));
        List<ProcessHandle> remaining = new ArrayList<>();
        roots.stream().filter(Processes::isRunning).forEach(remaining::add);
        descendants.stream().filter(Processes::isRunning).forEach(remaining::add);
        remaining.forEach(ProcessHandle::destroyForcibly);
        long killDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        remaining.forEach(p -> awaitExit(p, killDeadline));
        return graceful;
    }

    /**
     * Returns whether a process is running. A zombie (exited, not yet reaped by its parent) counts as stopped: a
     * server left over from a crashed launcher is re-parented to init, and some init processes reap late.
     */
    public static boolean isRunning(ProcessHandle process) {
        return process.isAlive() && !isZombie(process.pid());
    }

    /** Returns the resident set size of a process in MiB from {@code /proc}, or -1 where that is not available. */
    public static long residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Math.round(kb / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Sleeps without propagating interruption as an exception (the flag is restored). */
    public static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process, long deadlineNanos) {
        while (isRunning(process)) {
            if (System.nanoTime() >= deadlineNanos || Thread.currentThread().isInterrupted()) {
                return false;
            }
            sleep(POLL);
        }
        return true;
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
