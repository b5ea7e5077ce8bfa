package vn.partracker.reporting.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.reporting.domain.aggregate.Contribution;
import vn.partracker.reporting.domain.aggregate.FigureState;
import vn.partracker.reporting.repository.ContributionRepository;
import vn.partracker.reporting.repository.ContributionRepository.Key;
import vn.partracker.reporting.repository.MeasurementReplicaRepository;
import vn.partracker.reporting.repository.MeasurementReplicaRepository.StoredFigure;
import vn.partracker.support.consumer.IncomingEvent;

/**
 * Turns measurement events into the figure replica and the incremental aggregate.
 *
 * <p>A batch of events is applied in one transaction, in partition order: each event id is claimed, a figure older
 * than (or as old as) the stored version is ignored, and otherwise the aggregate row moves by the difference between
 * the figure's new and old contribution. So a revision replaces its predecessor, a return leaves "approved", and a
 * duplicate changes nothing. One transaction per batch instead of per event is what keeps up with a thousand events a
 * second.
 */
@ApplicationScoped
public class MeasurementAggregationService {

    static final String CONSUMER = "reporting-service.measurements";

    private static final Set<String> TYPES = Set.of(
            EventTypes.MEASUREMENT_SUBMITTED,
            EventTypes.MEASUREMENT_REVISED,
            EventTypes.MEASUREMENT_APPROVED,
            EventTypes.MEASUREMENT_RETURNED,
            EventTypes.MEASUREMENT_REOPENED);

    private final EventLedger ledger;
    private final MeasurementReplicaRepository measurements;
    private final ContributionRepository contributions;

    public MeasurementAggregationService(
            EventLedger ledger, MeasurementReplicaRepository measurements, ContributionRepository contributions) {
        this.ledger = ledger;
        this.measurements = measurements;
        this.contributions = contributions;
    }

    /**
     * Applies a batch of measurement events in one transaction.
     *
     * @return how many events changed a figure
     * @throws IllegalArgumentException when a payload cannot be read (the caller then retries event by event)
     */
    @Transactional
    public int applyBatch(List<IncomingEvent> events) {
        List<MeasurementState> payloads = new ArrayList<>(events.size());
        List<UUID> ids = new ArrayList<>();
        for (IncomingEvent event : events) {
            MeasurementState state = TYPES.contains(event.type()) ? event.payloadAs(MeasurementState.class) : null;
            payloads.add(state);
            if (state != null) {
                ids.add(requireComplete(state).id());
            }
        }
        Map<UUID, StoredFigure> current = measurements.lockByIds(ids);
        Map<UUID, StoredFigure> changed = new LinkedHashMap<>();
        Map<Key, Contribution> deltas = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            MeasurementState state = payloads.get(i);
            if (!ledger.claimOnly(CONSUMER, event)) {
                Log.debugf("measurement event %s already applied; skipped", event.id());
                continue;
            }
            if (state == null) {
                continue;
            }
            StoredFigure old = current.get(state.id());
            if (old != null && old.version() >= state.version()) {
                Log.debugf(
                        "measurement %s version %d is not newer than %d; ignored",
                        state.id(), state.version(), old.version());
                continue;
            }
            StoredFigure next = next(state, old, event);
            if (old != null) {
                deltas.merge(key(old.state()), Contribution.of(old.state()).negate(), Contribution::plus);
            }
            deltas.merge(key(next.state()), Contribution.of(next.state()), Contribution::plus);
            current.put(state.id(), next);
            changed.put(state.id(), next);
        }
        measurements.save(changed.values());
        contributions.add(deltas);
        ledger.advance(events);
        return changed.size();
    }

    /** The figure as the aggregates see it. */
    static FigureState figure(MeasurementState m) {
        return new FigureState(
                m.indicatorId(),
                m.agencyId(),
                m.period(),
                m.status(),
                m.numerator(),
                m.denominator(),
                m.computedValue() != null ? m.computedValue() : m.value(),
                m.achievement() == null ? null : m.achievement().status());
    }

    private static StoredFigure next(MeasurementState m, StoredFigure old, IncomingEvent event) {
        Instant eventTime = event.time() == null ? Instant.now() : event.time().toInstant();
        Instant submittedAt = m.submittedAt() != null
                ? m.submittedAt().toInstant()
                : old != null && old.submittedAt() != null ? old.submittedAt() : eventTime;
        Instant first = old == null || old.firstSubmittedAt() == null
                ? submittedAt
                : old.firstSubmittedAt().isBefore(submittedAt) ? old.firstSubmittedAt() : submittedAt;
        return new StoredFigure(m.id(), m.version(), m.revision(), figure(m), submittedAt, first);
    }

    private static Key key(FigureState f) {
        return new Key(f.indicatorId(), f.period(), f.agencyId());
    }

    private static MeasurementState requireComplete(MeasurementState m) {
        if (m.id() == null
                || m.indicatorId() == null
                || m.agencyId() == null
                || m.period() == null
                || m.status() == null) {
            throw new IllegalArgumentException("measurement payload lacks id, indicatorId, agencyId, period or status");
        }
        return m;
    }
}
