package vn.partracker.support.outbox;

import java.util.List;

/**
 * Observes the relay between "published to Kafka" and "marked sent". Production has no implementation; tests
 * provide one that throws to prove that a relay dying at that point republishes (at-least-once) rather than loses.
 */
public interface OutboxRelayHook {

    /** Called after the broker acknowledged the rows {@code seqs}, before they are marked sent. */
    void afterPublish(List<Long> seqs);
}
