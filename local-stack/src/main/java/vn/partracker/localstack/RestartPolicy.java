package vn.partracker.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * What the launcher does when a service process that was running dies, like compose's
 * {@code restart: unless-stopped} but with a limit: restart after a delay that doubles with each consecutive failure
 * (1 s, 2 s, 4 s … capped at 30 s), and give up once {@code maxFailures} exits fall within {@code window} (5 within
 * 5 minutes), because a service that keeps dying needs a person, not a loop. A process that stayed up for at least
 * {@code window} counts as healthy again: the next failure starts over at the initial delay.
 *
 * <p>Pure and deterministic (the caller passes the clock), so that the policy is unit-tested without processes. One
 * instance per service; not thread-safe beyond the synchronized methods.
 */
public final class RestartPolicy {

    /** Delay before the first restart. */
    public static final Duration INITIAL_DELAY = Duration.ofSeconds(1);

    /** Longest delay between restarts. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);

    /** Exits within {@link #WINDOW} after which the launcher stops restarting. */
    public static final int MAX_FAILURES = 5;

    /** The window failures are counted in; also the uptime after which the delay starts over. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int maxFailures;
    private final Duration window;
    private final Deque<Instant> recentFailures = new ArrayDeque<>();

    private int consecutiveFailures;
    private int restarts;
    private boolean gaveUp;

    /** Creates a policy; see the class comment for the meaning of the parameters. */
    public RestartPolicy(Duration initialDelay, Duration maxDelay, int maxFailures, Duration window) {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 < initialDelay <= maxDelay");
        }
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need maxFailures >= 1 and a positive window");
        }
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** The launcher's policy: 1 s doubling to 30 s, give up after 5 exits within 5 minutes. */
    public static RestartPolicy standard() {
        return new RestartPolicy(INITIAL_DELAY, MAX_DELAY, MAX_FAILURES, WINDOW);
    }

    /**
     * Decides what to do about a process that exited.
     *
     * @param exitedAt when the exit was detected
     * @param uptime how long the process that exited had been running
     * @return restart after a delay, or give up (also for every exit after giving up)
     */
    public synchronized Decision onExit(Instant exitedAt, Duration uptime) {
        Objects.requireNonNull(exitedAt);
        Objects.requireNonNull(uptime);
        while (!recentFailures.isEmpty() && !recentFailures.peekFirst().isAfter(exitedAt.minus(window))) {
            recentFailures.removeFirst();
        }
        recentFailures.addLast(exitedAt);
        consecutiveFailures = uptime.compareTo(window) >= 0 ? 1 : consecutiveFailures + 1;
        if (gaveUp || recentFailures.size() >= maxFailures) {
            gaveUp = true;
            return new GiveUp(recentFailures.size(), window);
        }
        restarts++;
        return new Restart(delay(consecutiveFailures), restarts, recentFailures.size(), maxFailures, window);
    }

    /** Returns how many restarts this policy has decided on. */
    public synchronized int restarts() {
        return restarts;
    }

    /** Returns whether the policy has given up. */
    public synchronized boolean gaveUp() {
        return gaveUp;
    }

    private Duration delay(int failure) {
        Duration delay = initialDelay;
        for (int i = 1; i < failure && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** What to do about an exit. */
    public sealed interface Decision permits Restart, GiveUp {}

    /**
     * Start the service again after {@code delay}.
     *
     * @param delay how long to wait first
     * @param restart the number of this restart since the launcher started (1 for the first)
     * @param failuresInWindow exits within the window, this one included
     * @param maxFailures the exits within the window that make the launcher give up
     * @param window the window exits are counted in
     */
    public record Restart(Duration delay, int restart, int failuresInWindow, int maxFailures, Duration window)
            implements Decision {}

    /**
     * Do not restart: the service exited {@code failures} times within {@code window}.
     *
     * @param failures exits within the window, this one included
     * @param window the window exits are counted in
     */
    public record GiveUp(int failures, Duration window) implements Decision {}
}
