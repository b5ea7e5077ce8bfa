package vn.partracker.indicators.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.partracker.events.EventJson;
import vn.partracker.events.payload.AchievementState;
import vn.partracker.events.period.Period;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.domain.Measurement;
import vn.partracker.indicators.messaging.MeasurementEvents;
import vn.partracker.indicators.repository.MeasurementRepository;

/**
 * Keeps stored achievement true to the current targets: when an indicator's targets (or direction) change, every
 * figure of the indicator is evaluated again against the rules now in force, on the same reference day as at
 * submission (the period's last day, or the agency's last day if it ceased during the period).
 *
 * <p>This is the suite's policy for target changes (issue 11, item 5): <b>a target change re-evaluates the stored
 * achievement of the affected figures</b>; reports never evaluate on their own. A figure whose achievement changes
 * gets a new version (not a new revision: its numbers are what the agency entered) and a measurement event with its
 * full state, so reporting-service moves its met / not-met counts by the usual version-guarded delta. Figures whose
 * achievement stays the same are left alone (no version, no event). Revision history keeps the achievement as it
 * was judged when each revision was entered. Approved and locked figures are re-evaluated too: achievement is
 * derived from the targets, not something the agency or the reviewer stated.
 */
@ApplicationScoped
public class AchievementRefresh {

    private final MeasurementRepository measurements;
    private final AgencyDirectory directory;
    private final MeasurementEvents events;

    public AchievementRefresh(MeasurementRepository measurements, AgencyDirectory directory, MeasurementEvents events) {
        this.measurements = measurements;
        this.directory = directory;
        this.events = events;
    }

    /**
     * Re-evaluates every figure of the indicator against its current targets, in the caller's transaction (the one
     * that changed the indicator, which holds the indicator's row lock).
     *
     * @return how many figures changed achievement
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reevaluate(Indicator indicator) {
        AgencyDirectory.View view = directory.view();
        List<Measurement> changed = new ArrayList<>();
        for (Measurement m : measurements.lockByIndicator(indicator.id)) {
            Optional<AgencyReplica> agency = view.agency(m.agencyId);
            LocalDate asOf = agency.flatMap(a -> referenceDate(a, m.period)).orElse(null);
            if (asOf == null) {
                continue;
            }
            AchievementState next = FigureRules.achievement(indicator, view, agency.get(), asOf, m.computedValue);
            String json = EventJson.write(next);
            if (json.equals(m.achievement)) {
                continue;
            }
            m.achievementStatus = next.status();
            m.achievement = json;
            changed.add(m);
        }
        if (changed.isEmpty()) {
            return 0;
        }
        measurements.flush();
        events.appendAll(changed.stream()
                .map(m -> new MeasurementEvents.Change(MeasurementMapper.stateType(m), MeasurementMapper.toEvent(m)))
                .toList());
        Log.infof(
                "indicator %s: targets changed, achievement of %d figures re-evaluated", indicator.id, changed.size());
        return changed.size();
    }

    private static Optional<LocalDate> referenceDate(AgencyReplica agency, String period) {
        try {
            return Optional.ofNullable(FigureRules.referenceDate(agency, Period.parse(period)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
