package vn.partracker.plans.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.support.outbox.OutboxWriter;

/** Writes an event in a transaction that then fails, as a service method whose later step throws would. */
@ApplicationScoped
public class RollbackProbe {

    private final OutboxWriter outbox;

    public RollbackProbe(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Appends an event for {@code key}, then throws so the transaction rolls back. */
    @Transactional
    public void appendThenFail(String key) {
        outbox.append(Topics.AGENCIES, key, EventTypes.AGENCY_UPSERTED, java.util.Map.of("probe", key));
        throw new IllegalStateException("a later step of the same transaction failed");
    }
}
