package vn.partracker.indicators.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.AchievementState;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.events.payload.TargetState;
import vn.partracker.indicators.api.AchievementDto;
import vn.partracker.indicators.api.MeasurementResponse;
import vn.partracker.indicators.api.ReviewResponse;
import vn.partracker.indicators.api.RevisionResponse;
import vn.partracker.indicators.api.TargetScopeDto;
import vn.partracker.indicators.domain.Measurement;
import vn.partracker.indicators.domain.MeasurementReview;
import vn.partracker.indicators.domain.MeasurementRevision;
import vn.partracker.indicators.domain.target.TargetRule;

/** Maps figures between the entity, the API records and the {@link MeasurementState} event payload. */
final class MeasurementMapper {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    private static final TypeReference<LinkedHashMap<String, BigDecimal>> POINTS = new TypeReference<>() {};

    private MeasurementMapper() {}

    static MeasurementResponse toResponse(Measurement m) {
        return toResponse(m, achievement(m.achievement));
    }

    /** As {@link #toResponse(Measurement)}, with the figure's stored achievement already read. */
    static MeasurementResponse toResponse(Measurement m, AchievementState achievement) {
        return new MeasurementResponse(
                m.id,
                m.indicatorId,
                m.agencyId,
                m.period,
                m.status.name(),
                m.revision,
                m.version,
                m.numerator,
                m.denominator,
                m.computedValue,
                points(m.components),
                points(m.subtotals),
                m.note,
                m.source,
                m.submittedAt,
                m.submittedBy,
                m.reviewedAt,
                m.reviewedBy,
                m.reviewReason,
                toDto(achievement));
    }

    static RevisionResponse toResponse(MeasurementRevision r) {
        return new RevisionResponse(
                r.revision,
                r.numerator,
                r.denominator,
                r.computedValue,
                points(r.components),
                toDto(achievement(r.achievement)),
                r.note,
                r.source,
                r.submittedAt,
                r.submittedBy);
    }

    static ReviewResponse toResponse(MeasurementReview r) {
        return new ReviewResponse(
                r.id,
                r.action.name(),
                r.fromStatus.name(),
                r.toStatus.name(),
                r.revision,
                r.reviewerAgencyId,
                r.reason,
                r.reviewedAt);
    }

    static MeasurementState toEvent(Measurement m) {
        return toEvent(m, achievement(m.achievement));
    }

    /**
     * The event payload of a figure whose achievement is at hand as an object (a bulk import has just computed it),
     * so the stored JSON need not be read back.
     */
    static MeasurementState toEvent(Measurement m, AchievementState achievement) {
        return new MeasurementState(
                MeasurementState.SCHEMA_VERSION,
                m.id,
                m.version,
                m.revision,
                m.indicatorId,
                m.agencyId,
                m.period,
                m.status.name(),
                m.numerator,
                m.denominator,
                m.enteredValue,
                points(m.components),
                m.computedValue,
                achievement,
                m.note,
                m.source,
                m.submittedAt == null ? null : m.submittedAt.atOffset(ZoneOffset.UTC),
                m.submittedBy,
                m.reviewedAt == null ? null : m.reviewedAt.atOffset(ZoneOffset.UTC),
                m.reviewedBy,
                m.reviewReason);
    }

    /**
     * The event type that announces a figure's current state, for events that re-state a figure rather than record a
     * change of it (republish, achievement re-evaluated after a target change): approved and returned figures as
     * such, a submitted one as submitted (first revision) or revised. Consumers apply every measurement type the same
     * way, by the full state and its version.
     */
    static String stateType(Measurement m) {
        return switch (m.status) {
            case APPROVED -> EventTypes.MEASUREMENT_APPROVED;
            case RETURNED -> EventTypes.MEASUREMENT_RETURNED;
            case SUBMITTED -> m.revision > 1 ? EventTypes.MEASUREMENT_REVISED : EventTypes.MEASUREMENT_SUBMITTED;
        };
    }

    static Figures figures(Measurement m) {
        return new Figures(m.numerator, m.denominator, m.enteredValue, points(m.components), m.note, m.source);
    }

    static TargetState toState(TargetRule rule) {
        return new TargetState(
                rule.comparator().name(),
                rule.value(),
                rule.scope().level(),
                rule.scope().agencyKind(),
                rule.scope().sector(),
                rule.scope().agencyId(),
                rule.validFrom(),
                rule.validTo());
    }

    static AchievementState achievement(String json) {
        return json == null ? null : EventJson.read(json, AchievementState.class);
    }

    static AchievementDto toDto(AchievementState state) {
        if (state == null) {
            return null;
        }
        TargetState t = state.target();
        AchievementDto.AppliedRuleDto rule = t == null
                ? null
                : new AchievementDto.AppliedRuleDto(
                        t.comparator(),
                        t.value(),
                        new TargetScopeDto(t.level(), t.agencyKind(), t.sector(), t.agencyId()),
                        state.reason());
        return new AchievementDto(state.status(), rule, state.gap());
    }

    static Map<String, BigDecimal> points(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, POINTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored component points are not valid JSON", e);
        }
    }
}
