package vn.partracker.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partracker.reporting.repository.EventPositionRepository;
import vn.partracker.reporting.repository.ProcessedEventRepository;
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
    private final ProcessedEventRepository batchClaims;
    private final EventPositionRepository positions;

    public EventLedger(
            ProcessedEvents processed, ProcessedEventRepository batchClaims, EventPositionRepository positions) {
        this.processed = processed;
        this.batchClaims = batchClaims;
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

    /**
     * Claims a batch's events in one statement, without recording positions (pair with {@link #advance}).
     *
     * @return for each event, in order, whether to apply it: {@code false} when the consumer already applied it, and
     *     for every repetition of an id within the batch after its first
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] claimAll(String consumer, List<IncomingEvent> events) {
        Map<UUID, String> typesById = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            typesById.putIfAbsent(e.id(), e.type());
        }
        Set<UUID> claimed = batchClaims.claim(consumer, typesById);
        boolean[] apply = new boolean[events.size()];
        for (int i = 0; i < apply.length; i++) {
            apply[i] = claimed.remove(events.get(i).id());
        }
        return apply;
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
