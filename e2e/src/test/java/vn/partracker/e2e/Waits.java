package vn.partracker.e2e;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polling with a deadline: the e2e tests never sleep and hope, they ask again until the answer is right or time is up. */
final class Waits {

    private Waits() {}

    /**
     * Asks {@code probe} every {@code interval} until it returns a value or {@code timeout} passes.
     *
     * @return the value and how long it took
     * @throws AssertionError with {@code what} and the last state {@code lastState} supplies when time runs out
     */
    static <T> Timed<T> until(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> lastState) {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return new Timed<>(value.get(), Duration.ofNanos(System.nanoTime() - begin));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Timed out after " + timeout.toSeconds() + " s waiting for " + what + ": " + lastState.get());
            }
            pause(Duration.ofMillis(250));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A value and how long it took to get it. */
    record Timed<T>(T value, Duration took) {}
}
