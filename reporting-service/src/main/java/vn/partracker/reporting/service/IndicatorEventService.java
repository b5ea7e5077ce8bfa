package vn.partracker.reporting.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.IndicatorDefined;
import vn.partracker.reporting.repository.IndicatorReplicaRepository;
import vn.partracker.support.consumer.IncomingEvent;

/** Applies indicator definitions to the replica. */
@ApplicationScoped
public class IndicatorEventService {

    static final String CONSUMER = "reporting-service.indicators";

    private final EventLedger ledger;
    private final IndicatorReplicaRepository indicators;

    public IndicatorEventService(EventLedger ledger, IndicatorReplicaRepository indicators) {
        this.ledger = ledger;
        this.indicators = indicators;
    }

    /** Applies one event of {@code partracker.indicators} exactly once; an older version never overwrites a newer. */
    @Transactional
    public void apply(IncomingEvent event) {
        if (!ledger.claim(CONSUMER, event)) {
            Log.debugf("indicator event %s already applied; skipped", event.id());
            return;
        }
        if (EventTypes.INDICATOR_DEFINED.equals(event.type())) {
            boolean changed = indicators.upsert(event.payloadAs(IndicatorDefined.class));
            Log.debugf("indicator %s %s by event %s", event.key(), changed ? "updated" : "kept", event.id());
        }
    }
}
