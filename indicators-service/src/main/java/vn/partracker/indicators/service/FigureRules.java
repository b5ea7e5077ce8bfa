package vn.partracker.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.events.EventJson;
import vn.partracker.events.payload.AchievementState;
import vn.partracker.events.period.Frequency;
import vn.partracker.events.period.Period;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.domain.PeriodLock;
import vn.partracker.indicators.domain.achievement.Achievement;
import vn.partracker.indicators.domain.achievement.AchievementEvaluator;
import vn.partracker.indicators.domain.composite.Component;
import vn.partracker.indicators.domain.composite.CompositeCalculator;
import vn.partracker.indicators.domain.composite.CompositeResult;
import vn.partracker.indicators.domain.target.AppliedTarget;
import vn.partracker.indicators.domain.value.IndicatorKind;
import vn.partracker.indicators.domain.value.MeasurementRules;
import vn.partracker.indicators.domain.value.RatioValue;
import vn.partracker.indicators.domain.value.Unit;
import vn.partracker.indicators.repository.IndicatorRepository;
import vn.partracker.indicators.repository.PeriodLockRepository;
import vn.partracker.support.problem.FieldError;

/**
 * Checks one figure against every rule of the measurement issue and computes what is stored with it: the value
 * (ratio percentage, value or composite total), composite subtotals and the achievement. The single submission,
 * the JSON batch and the CSV/XLSX import all go through here, so a figure is accepted or rejected the same way
 * whichever door it came in by.
 */
@ApplicationScoped
public class FigureRules {

    private final IndicatorRepository indicators;
    private final PeriodLockRepository locks;
    private final AgencyDirectory directory;

    public FigureRules(IndicatorRepository indicators, PeriodLockRepository locks, AgencyDirectory directory) {
        this.indicators = indicators;
        this.locks = locks;
        this.directory = directory;
    }

    /** @return a context caching indicators, agencies and locks for one request or one import */
    public Context context() {
        return new Context(directory.view(), null);
    }

    /**
     * A context that answers indicators, agencies and groups from an in-memory snapshot ({@link ReferenceData})
     * instead of the tables. It takes no share lock on the indicator: whoever writes a figure checked in it must
     * check, in the writing statement, that the snapshot's generation and the indicator's version are still current
     * (as {@link MeasurementService#submit} does).
     *
     * @param snapshot the reference data to check against
     * @return a context for one request
     */
    public Context context(ReferenceSnapshot snapshot) {
        return new Context(directory.view(snapshot), snapshot);
    }

    /**
     * Validates one figure.
     *
     * @param ctx the request's cache
     * @param indicatorId the indicator, {@code null} when the caller could not resolve it
     * @param agencyId the agency, {@code null} when the caller could not resolve it
     * @param periodCode the period code
     * @param figures the entered parts
     * @return the outcome: errors naming the fields, or the resolved indicator, agency, period and computation
     */
    public Checked check(Context ctx, UUID indicatorId, UUID agencyId, String periodCode, Figures figures) {
        List<FieldError> errors = new ArrayList<>();
        Indicator indicator =
                indicatorId == null ? null : ctx.indicator(indicatorId).orElse(null);
        if (indicatorId != null && indicator == null) {
            errors.add(new FieldError("indicatorId", "unknown indicator " + indicatorId));
        }
        AgencyReplica agency =
                agencyId == null ? null : ctx.view.agency(agencyId).orElse(null);
        if (agencyId != null && agency == null) {
            errors.add(new FieldError("agencyId", "unknown agency " + agencyId));
        }
        Period period = null;
        try {
            period = Period.parse(periodCode);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("period", e.getMessage()));
        }
        if (indicator == null) {
            return new Checked(errors, null, agency, period, null, null);
        }
        Frequency frequency = Frequency.valueOf(indicator.frequency);
        if (period != null && period.frequency() != frequency) {
            errors.add(new FieldError(
                    "period",
                    "period " + period + " is a " + period.frequency() + " period but indicator " + indicator.group
                            + "." + indicator.ordinal + " is measured " + frequency));
        }
        LocalDate asOf = null;
        if (agency != null && period != null) {
            asOf = referenceDate(agency, period);
            if (asOf == null) {
                errors.add(new FieldError(
                        "agencyId", "agency " + agency.code + " does not exist during period " + period));
            } else if (!ctx.view.isAmong(indicator.performing(), agency, asOf)) {
                errors.add(new FieldError(
                        "agencyId",
                        "agency " + agency.code + " is not a performing agency of indicator " + indicator.group + "."
                                + indicator.ordinal + " on " + asOf));
            }
        }
        List<Component> tree = ctx.tree(indicator);
        for (vn.partracker.indicators.domain.FieldError error : MeasurementRules.validate(
                IndicatorKind.valueOf(indicator.kind),
                Unit.valueOf(indicator.unit),
                figures.numerator(),
                figures.denominator(),
                figures.value(),
                figures.components(),
                tree)) {
            errors.add(new FieldError(error.field(), error.message()));
        }
        if (!errors.isEmpty()) {
            return new Checked(errors, indicator, agency, period, asOf, null);
        }
        return new Checked(errors, indicator, agency, period, asOf, compute(ctx, indicator, agency, asOf, figures));
    }

    /**
     * @return the lock that closes the period for the indicator, if any
     */
    public Optional<PeriodLock> lockFor(Context ctx, Indicator indicator, Period period) {
        return ctx.locks().stream()
                .filter(l -> l.covers(indicator.id, indicator.planId, period.calendarStart(), period.calendarEnd()))
                .findFirst();
    }

    /**
     * The day whose hierarchy and targets count for a figure: the period's last day, or the agency's last day when
     * it ceased to exist during the period (a district abolished on 1 July 2025 still reports 2025-S1).
     *
     * @return the day, or {@code null} when the agency did not exist at all during the period
     */
    static LocalDate referenceDate(AgencyReplica agency, Period period) {
        LocalDate end = period.calendarEnd();
        if (agency.validOn(end)) {
            return end;
        }
        if (agency.validTo != null
                && !agency.validTo.isBefore(period.calendarStart())
                && !agency.validTo.isAfter(end)
                && agency.validOn(agency.validTo)) {
            return agency.validTo;
        }
        return null;
    }

    private static Computed compute(
            Context ctx, Indicator indicator, AgencyReplica agency, LocalDate asOf, Figures figures) {
        BigDecimal value;
        Map<String, BigDecimal> subtotals = null;
        switch (IndicatorKind.valueOf(indicator.kind)) {
            case RATIO -> value = RatioValue.percent(figures.numerator(), figures.denominator());
            case VALUE -> value = figures.value();
            default -> {
                CompositeResult result = CompositeCalculator.compute(ctx.tree(indicator), figures.components());
                value = result.total();
                subtotals = new LinkedHashMap<>(result.subtotals());
            }
        }
        AchievementState state = achievement(indicator, ctx.view, agency, asOf, value);
        return new Computed(
                value,
                figures.components().isEmpty() ? null : EventJson.write(new LinkedHashMap<>(figures.components())),
                subtotals == null ? null : EventJson.write(subtotals),
                state);
    }

    /**
     * A figure's value against the target that applies to its agency on its reference day, under the indicator's
     * current target rules. Submissions store it; {@link AchievementRefresh} recomputes it when the rules change.
     */
    static AchievementState achievement(
            Indicator indicator, AgencyDirectory.View view, AgencyReplica agency, LocalDate asOf, BigDecimal value) {
        Optional<AppliedTarget> target = IndicatorService.select(indicator, view, agency, asOf);
        Achievement achievement = AchievementEvaluator.evaluate(value, target);
        return new AchievementState(
                achievement.status().name(),
                target.map(t -> MeasurementMapper.toState(t.rule())).orElse(null),
                target.map(AppliedTarget::reason).orElse(null),
                achievement.gap());
    }

    /** The result of {@link #check}. */
    public record Checked(
            List<FieldError> errors,
            Indicator indicator,
            AgencyReplica agency,
            Period period,
            LocalDate asOf,
            Computed computed) {

        /** @return whether the figure passed every rule */
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * What is stored with a valid figure.
     *
     * @param value the computed value
     * @param componentsJson the entered component points as JSON, or {@code null}
     * @param subtotalsJson composite subtotals as JSON, or {@code null}
     * @param achievement the figure against its target
     */
    public record Computed(
            BigDecimal value, String componentsJson, String subtotalsJson, AchievementState achievement) {}

    /**
     * Per-request caches of indicators, component trees and locks, on top of an agency view. Indicators are read
     * {@code FOR SHARE}: a figure is checked and evaluated against a definition that cannot change before the figure
     * commits (an indicator update waits for it, then sees the figure when it re-evaluates achievement). A context
     * on a {@link ReferenceSnapshot} reads indicators from it instead, unlocked; see {@link #context(ReferenceSnapshot)}.
     */
    public final class Context {

        final AgencyDirectory.View view;
        private final ReferenceSnapshot snapshot;
        private final Map<UUID, Optional<Indicator>> byId = new HashMap<>();
        private final Map<String, Optional<Indicator>> byOrdinal = new HashMap<>();
        private final Map<UUID, List<Component>> trees = new HashMap<>();
        private List<PeriodLock> lockList;

        private Context(AgencyDirectory.View view, ReferenceSnapshot snapshot) {
            this.view = view;
            this.snapshot = snapshot;
        }

        /** @return the agency view of this context */
        public AgencyDirectory.View view() {
            return view;
        }

        /** @return the indicator, cached */
        public Optional<Indicator> indicator(UUID id) {
            if (snapshot != null) {
                return snapshot.indicator(id);
            }
            return byId.computeIfAbsent(id, indicators::findForShare);
        }

        /** @return the indicator with this group and ordinal in the plan, cached (and by id once found) */
        public Optional<Indicator> indicator(UUID planId, String group, String ordinal) {
            if (snapshot != null) {
                return snapshot.indicator(planId, group, ordinal);
            }
            return byOrdinal.computeIfAbsent(planId + "|" + group + "|" + ordinal, key -> {
                Optional<Indicator> found = indicators.findByOrdinalForShare(planId, group, ordinal);
                found.ifPresent(i -> byId.putIfAbsent(i.id, found));
                return found;
            });
        }

        /** @return the snapshot this context answers from, or {@code null} when it reads the tables */
        ReferenceSnapshot snapshot() {
            return snapshot;
        }

        List<Component> tree(Indicator indicator) {
            if (snapshot != null) {
                return snapshot.tree(indicator);
            }
            return trees.computeIfAbsent(indicator.id, key -> IndicatorMapper.componentTree(indicator));
        }

        List<PeriodLock> locks() {
            if (lockList == null) {
                lockList = locks.listAll();
            }
            return lockList;
        }
    }
}
