package vn.partracker.indicators.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.IndicatorDefined;
import vn.partracker.support.outbox.OutboxWriter;

/**
 * Writes the events of the indicator aggregate to the outbox ({@code partracker.indicators}, keyed by indicator id),
 * in the transaction that made the change. Creation and every update publish the same full definition, so the
 * consumers keep a replica by replacing it.
 */
@ApplicationScoped
public class IndicatorEvents {

    private final OutboxWriter outbox;

    public IndicatorEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Appends {@code partracker.indicator.defined}; must run inside the transaction that made the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void defined(IndicatorDefined indicator) {
        outbox.append(Topics.INDICATORS, indicator.id().toString(), EventTypes.INDICATOR_DEFINED, indicator);
    }
}
