package vn.partracker.indicators.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.partracker.events.EventEnvelope;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.support.outbox.NewEvent;
import vn.partracker.support.outbox.OutboxBulkWriter;
import vn.partracker.support.outbox.OutboxWriter;

/**
 * Writes the events of the figure aggregate to the outbox ({@code partracker.measurements}, keyed by figure id), in
 * the transaction that made the change: every event carries the figure's full state, so a consumer never needs an
 * earlier one to apply a later one.
 */
@ApplicationScoped
public class MeasurementEvents {

    private final OutboxWriter outbox;
    private final OutboxBulkWriter bulk;

    public MeasurementEvents(OutboxWriter outbox, OutboxBulkWriter bulk) {
        this.outbox = outbox;
        this.bulk = bulk;
    }

    /** One change of a figure: the event type and the state after it. */
    public record Change(String type, MeasurementState figure) {}

    /** Appends the event of one change; must run inside the transaction that made it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String type, MeasurementState figure) {
        outbox.append(Topics.MEASUREMENTS, figure.id().toString(), type, figure);
    }

    /**
     * The event of one change, for the caller to write in the statement that makes the change
     * ({@link OutboxWriter#prepare}); must run inside the transaction that makes it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope prepare(String type, MeasurementState figure) {
        return outbox.prepare(Topics.MEASUREMENTS, figure.id().toString(), type, figure);
    }

    /**
     * Appends the events of many changes, in order, with one {@code COPY} ({@link OutboxBulkWriter}): a
     * 100,000-row import would otherwise spend its time binding statement parameters.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Change> changes) {
        bulk.appendPrepared(prepareAll(changes));
    }

    /**
     * Serialises the events of many changes for {@link #appendPrepared}, without the database (a bulk import does it
     * on one thread while another writes its previous chunk).
     */
    public OutboxBulkWriter.Prepared prepareAll(List<Change> changes) {
        return bulk.prepare(changes.stream()
                .map(c -> new NewEvent(Topics.MEASUREMENTS, c.figure().id().toString(), c.type(), c.figure()))
                .toList());
    }

    /** Appends events {@link #prepareAll prepared} before, in order, with one {@code COPY}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendPrepared(OutboxBulkWriter.Prepared events) {
        bulk.appendPrepared(events);
    }
}
