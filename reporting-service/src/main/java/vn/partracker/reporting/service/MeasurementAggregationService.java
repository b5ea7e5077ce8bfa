package vn.partracker.reporting.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.reporting.domain.aggregate.FigureState;
import vn.partracker.reporting.domain.aggregate.IndicatorAggregate;
import vn.partracker.reporting.repository.IndicatorAggregateRepository;
import vn.partracker.reporting.repository.IndicatorAggregateRepository.Key;
import vn.partracker.reporting.repository.MeasurementReplicaRepository;
import vn.partracker.reporting.repository.MeasurementReplicaRepository.StoredFigure;
import vn.partracker.support.consumer.IncomingEvent;

/**
 * Turns measurement events into the figure replica and the incremental aggregate.
 *
 * <p>A batch of events is applied in one transaction, in partition order: the batch's figures are locked before their
 * stored state is read (so a second instance applying the same figures after a rebalance waits instead of taking its
 * delta against a state that is about to change), the batch's event ids are claimed in one statement (an id already
 * claimed, or repeated within the batch, is skipped), a figure older than (or as old as) the
 * stored version is ignored, and otherwise the aggregate row moves by the difference between
 * the figure's new and old share of it ({@link IndicatorAggregate#of}). So a revision replaces its predecessor, a
 * return leaves "approved", and a duplicate changes nothing. The per-ancestor roll-ups over the moved rows are
 * recomputed in the same transaction ({@link IndicatorRollups}). One transaction per batch instead of per event is
 * what keeps up with a thousand events a second.
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
    private final IndicatorAggregateRepository aggregates;
    private final IndicatorRollups rollups;

    public MeasurementAggregationService(
            EventLedger ledger,
            MeasurementReplicaRepository measurements,
            IndicatorAggregateRepository aggregates,
            IndicatorRollups rollups) {
        this.ledger = ledger;
        this.measurements = measurements;
        this.aggregates = aggregates;
        this.rollups = rollups;
    }

    /** What became of a batch: how many figures changed, and the events that could not be applied and why. */
    public record BatchOutcome(int changed, List<Failure> failures) {

        /** An event of the batch (by position) that failed even in a transaction of its own. */
        public record Failure(int index, RuntimeException cause) {}
    }

    /**
     * Applies a polled batch: in one transaction when every event applies, else one transaction per event, so one
     * unreadable payload neither blocks nor rolls back the good events of its batch. The caller dead-letters the
     * failures and commits the offsets after this returns.
     */
    public BatchOutcome apply(List<IncomingEvent> events) {
        long began = System.nanoTime();
        try {
            int changed = QuarkusTransaction.requiringNew().call(() -> applyInTransaction(events));
            Log.debugf(
                    "measurements: batch of %d events changed %d figures in %d ms",
                    events.size(), changed, (System.nanoTime() - began) / 1_000_000);
            return new BatchOutcome(changed, List.of());
        } catch (RuntimeException batchFailure) {
            Log.warnf(
                    "measurements: batch of %d events failed (%s); applying them one by one",
                    events.size(), batchFailure.getMessage());
        }
        int changed = 0;
        List<BatchOutcome.Failure> failures = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            List<IncomingEvent> single = List.of(events.get(i));
            try {
                changed += QuarkusTransaction.requiringNew().call(() -> applyInTransaction(single));
            } catch (RuntimeException e) {
                failures.add(new BatchOutcome.Failure(i, e));
            }
        }
        return new BatchOutcome(changed, failures);
    }

    /**
     * Applies events in the caller's transaction: claims each id, keeps the newest version per figure, and moves the
     * aggregate rows by the deltas.
     *
     * @return how many events changed a figure
     * @throws IllegalArgumentException when a payload cannot be read
     */
    private int applyInTransaction(List<IncomingEvent> events) {
        List<MeasurementState> payloads = new ArrayList<>(events.size());
        List<UUID> ids = new ArrayList<>();
        Set<UUID> indicators = new HashSet<>();
        for (IncomingEvent event : events) {
            MeasurementState state = TYPES.contains(event.type()) ? event.payloadAs(MeasurementState.class) : null;
            payloads.add(state);
            if (state != null) {
                ids.add(requireComplete(state).id());
                indicators.add(state.indicatorId());
            }
        }
        measurements.lockFigures(indicators, ids);
        Map<UUID, StoredFigure> current = measurements.lockByIds(ids);
        Set<UUID> moreIndicators = new HashSet<>();
        for (StoredFigure stored : current.values()) {
            if (!indicators.contains(stored.state().indicatorId())) {
                moreIndicators.add(stored.state().indicatorId());
            }
        }
        measurements.lockIndicators(moreIndicators);
        boolean[] claimed = ledger.claimAll(CONSUMER, events);
        Map<UUID, StoredFigure> changed = new LinkedHashMap<>();
        Map<Key, IndicatorAggregate> deltas = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            MeasurementState state = payloads.get(i);
            if (!claimed[i]) {
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
                deltas.merge(
                        key(old.state()), IndicatorAggregate.of(old.state()).negate(), IndicatorAggregate::plus);
            }
            deltas.merge(key(next.state()), IndicatorAggregate.of(next.state()), IndicatorAggregate::plus);
            current.put(state.id(), next);
            changed.put(state.id(), next);
        }
        measurements.save(changed.values());
        aggregates.add(deltas);
        rollups.changed(deltas.entrySet().stream()
                .filter(e -> !e.getValue().isZero())
                .map(Map.Entry::getKey)
                .toList());
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
