package vn.partracker.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AchievementState;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyRef;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.IndicatorDefined;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.events.payload.ParentLink;
import vn.partracker.events.payload.PlanState;
import vn.partracker.events.payload.TargetState;
import vn.partracker.testsupport.KafkaTestClient;

/**
 * Publishes events exactly as plans-service and indicators-service do (CloudEvents binary headers, payload records
 * written with {@link EventJson}, keyed by aggregate id), so the consumers are tested against the real format.
 */
public final class TestEvents {

    private TestEvents() {}

    /** Sends one event with a fresh id; returns the id. */
    public static UUID send(String topic, String type, UUID key, Object payload) {
        UUID id = UUID.randomUUID();
        send(topic, type, key, id, EventJson.write(payload));
        return id;
    }

    /** Sends one event with the given id and JSON payload (for duplicate deliveries). */
    public static void send(String topic, String type, UUID key, UUID eventId, String json) {
        KafkaTestClient.send(
                topic,
                key.toString(),
                json,
                Map.of(
                        CloudEventHeaders.ID,
                        eventId.toString(),
                        CloudEventHeaders.TYPE,
                        type,
                        CloudEventHeaders.SOURCE,
                        "/test",
                        CloudEventHeaders.SUBJECT,
                        key.toString(),
                        CloudEventHeaders.TIME,
                        OffsetDateTime.now(ZoneOffset.UTC).toString(),
                        CloudEventHeaders.SPEC_VERSION,
                        "1.0"));
    }

    /** A unique code suffix, so tests sharing one database never collide. */
    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** An agency valid from 2020 with one parent link. */
    public static AgencyUpserted agency(
            UUID id, long version, String code, String name, String kind, String level, UUID parent) {
        return agency(id, version, code, name, kind, level, parent, LocalDate.of(2020, 1, 1), null);
    }

    /** An agency with explicit validity. */
    public static AgencyUpserted agency(
            UUID id,
            long version,
            String code,
            String name,
            String kind,
            String level,
            UUID parent,
            LocalDate validFrom,
            LocalDate validTo) {
        return new AgencyUpserted(
                AgencyUpserted.SCHEMA_VERSION,
                id,
                version,
                code,
                name,
                null,
                kind,
                level,
                parent,
                List.of(new ParentLink(parent, validFrom, validTo)),
                List.of(),
                validFrom,
                validTo,
                List.of());
    }

    /** Publishes an agency and returns its id. */
    public static UUID publishAgency(String code, String name, String kind, String level, UUID parent) {
        UUID id = UUID.randomUUID();
        send(Topics.AGENCIES, EventTypes.AGENCY_UPSERTED, id, agency(id, 0, code, name, kind, level, parent));
        return id;
    }

    /** Publishes a rule-based group and returns its id. */
    public static UUID publishGroup(String code, String name, List<String> kinds, List<String> levels, UUID ancestor) {
        UUID id = UUID.randomUUID();
        send(
                Topics.AGENCIES,
                EventTypes.AGENCY_GROUP_UPSERTED,
                id,
                new AgencyGroupUpserted(
                        AgencyGroupUpserted.SCHEMA_VERSION, id, 0, code, name, kinds, levels, ancestor, List.of()));
        return id;
    }

    /** An issued plan without tasks. */
    public static PlanState plan(UUID id, long version, String number) {
        return new PlanState(
                PlanState.SCHEMA_VERSION,
                id,
                version,
                number,
                "Kế hoạch cải cách thủ tục hành chính, kiểm soát thủ tục hành chính trọng tâm năm 2024",
                null,
                LocalDate.of(2024, 1, 29),
                2024,
                null,
                null,
                "ISSUED",
                null,
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    /** A quarterly percent RATIO indicator of the plan, target at least 95, performed by agencies and groups. */
    public static IndicatorDefined ratioIndicator(UUID id, UUID planId, String name, List<AgencyRef> performers) {
        return indicator(id, planId, name, "PERCENT", "RATIO", "QUARTERLY", performers);
    }

    /** An indicator definition. */
    public static IndicatorDefined indicator(
            UUID id, UUID planId, String name, String unit, String kind, String frequency, List<AgencyRef> performers) {
        return new IndicatorDefined(
                IndicatorDefined.SCHEMA_VERSION,
                id,
                1,
                planId,
                "IV",
                "1",
                name,
                unit,
                kind,
                "hồ sơ giải quyết đúng hạn",
                "hồ sơ đã giải quyết",
                "HIGHER_IS_BETTER",
                frequency,
                performers,
                List.of(),
                null,
                List.of(new TargetState("AT_LEAST", BigDecimal.valueOf(95), null, null, null, null, null, null)),
                List.of(),
                "Mục 3.4.1, Quyết định số 876/QĐ-BNV");
    }

    /** A ratio figure (b of a) in the given status, achievement against a 95 % floor. */
    public static MeasurementState ratioFigure(
            UUID id,
            long version,
            int revision,
            UUID indicator,
            UUID agency,
            String period,
            String status,
            long b,
            long a,
            OffsetDateTime submittedAt) {
        BigDecimal value = BigDecimal.valueOf(b * 100).divide(BigDecimal.valueOf(a), 2, java.math.RoundingMode.HALF_UP);
        String achievement = value.compareTo(BigDecimal.valueOf(95)) >= 0 ? "MET" : "NOT_MET";
        return new MeasurementState(
                MeasurementState.SCHEMA_VERSION,
                id,
                version,
                revision,
                indicator,
                agency,
                period,
                status,
                BigDecimal.valueOf(b),
                BigDecimal.valueOf(a),
                null,
                null,
                value,
                new AchievementState(
                        achievement,
                        new TargetState("AT_LEAST", BigDecimal.valueOf(95), null, null, null, null, null, null),
                        "all agencies",
                        value.subtract(BigDecimal.valueOf(95))),
                null,
                "test",
                submittedAt,
                "chuyenvien@kontum.gov.vn",
                null,
                null,
                "RETURNED".equals(status) ? "Số liệu chưa khớp với hệ thống một cửa" : null);
    }

    /** The event type indicators-service uses for a figure in this status at this version. */
    public static String measurementType(String status, int revision, long version) {
        return switch (status) {
            case "APPROVED" -> EventTypes.MEASUREMENT_APPROVED;
            case "RETURNED" -> EventTypes.MEASUREMENT_RETURNED;
            default -> revision > 1 ? EventTypes.MEASUREMENT_REVISED : EventTypes.MEASUREMENT_SUBMITTED;
        };
    }

    /** Publishes a ratio figure and returns the event id. */
    public static UUID publishFigure(MeasurementState m) {
        return send(Topics.MEASUREMENTS, measurementType(m.status(), m.revision(), m.version()), m.id(), m);
    }

    /** A performer reference to an agency. */
    public static AgencyRef agencyRef(UUID id) {
        return new AgencyRef(id, null);
    }

    /** A performer reference to a group. */
    public static AgencyRef groupRef(UUID id) {
        return new AgencyRef(null, id);
    }
}
