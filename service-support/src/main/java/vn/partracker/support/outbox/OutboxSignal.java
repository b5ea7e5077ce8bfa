package vn.partracker.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the relay when a transaction that wrote events commits, so events leave within milliseconds instead of
 * waiting for the next poll. Polling still runs as the safety net (e.g. rows written by another instance).
 */
@ApplicationScoped
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    /** Called after a commit that wrote outbox rows. */
    public void newEvents() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until signalled or until {@code millis} pass; clears the signal. */
    boolean await(long millis) throws InterruptedException {
        boolean signalled = pending.tryAcquire(millis, TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return signalled;
    }
}
