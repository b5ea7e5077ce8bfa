package vn.partracker.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import vn.partracker.reporting.repository.EventPositionRepository;
import vn.partracker.support.consumer.IncomingEvent;
import vn.partracker.support.consumer.ProcessedEvents;

/**
 * Bookkeeping of consumed events, always inside the transaction that applies them: the event id is claimed (so a
 * redelivery changes nothing) and the partition's applied offset advances (so a report can name the events it
 * includes).
 */
@ApplicationScoped
public class EventLedger {

    private final ProcessedEvents processed;
    private final EventPositionRepository positions;

    public EventLedger(ProcessedEvents processed, EventPositionRepository positions) {
        this.processed = processed;
        this.positions = positions;
    }

    /**
     * Claims the event for the consumer and records its position.
     *
     * @return {@code false} when the consumer already applied it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String consumer, IncomingEvent event) {
        positions.advance(event.topic(), event.partition(), event.offset());
        return processed.claim(consumer, event.id(), event.type());
    }

    /** Claims an event without recording its position; pair with {@link #advance} for batches. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claimOnly(String consumer, IncomingEvent event) {
        return processed.claim(consumer, event.id(), event.type());
    }

    /** Records the highest offset of each partition among the events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(Collection<IncomingEvent> events) {
        Map<String, IncomingEvent> last = new HashMap<>();
        for (IncomingEvent e : events) {
            last.merge(e.topic() + "/" + e.partition(), e, (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        for (IncomingEvent e : last.values()) {
            positions.advance(e.topic(), e.partition(), e.offset());
        }
    }
}
