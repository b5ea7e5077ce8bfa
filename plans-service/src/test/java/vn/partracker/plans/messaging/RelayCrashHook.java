package vn.partracker.plans.messaging;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import vn.partracker.support.outbox.OutboxRelayHook;

/** Kills the relay once between "Kafka acknowledged" and "marked sent", when a test arms it. */
@Singleton
public class RelayCrashHook implements OutboxRelayHook {

    private final AtomicInteger armed = new AtomicInteger();
    private volatile boolean asError;
    private final AtomicInteger crashes = new AtomicInteger();

    /** The next relay run that published something dies before marking it sent. */
    public void armOnce() {
        asError = false;
        armed.set(1);
    }

    /**
     * The next relay run that published something dies with an {@link Error} (as an {@link OutOfMemoryError} in a
     * moment of heap shortage would) before marking it sent.
     */
    public void armErrorOnce() {
        asError = true;
        armed.set(1);
    }

    /** How many runs were killed so far. */
    public int crashes() {
        return crashes.get();
    }

    @Override
    public void afterPublish(List<Long> seqs) {
        if (!seqs.isEmpty() && armed.compareAndSet(1, 0)) {
            crashes.incrementAndGet();
            if (asError) {
                throw new OutOfMemoryError("simulated heap shortage after publishing " + seqs);
            }
            throw new IllegalStateException("simulated relay crash after publishing " + seqs);
        }
    }
}
