package vn.partracker.indicators.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.ParentLink;
import vn.partracker.events.payload.PlanState;
import vn.partracker.testsupport.KafkaTestClient;

/**
 * Publishes agency, group and plan events the way plans-service does and waits until this service's replicas hold
 * them, so HTTP tests start from replicated reference data.
 */
public final class Replicas {

    public static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

    private final AgroalDataSource dataSource;

    public Replicas(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Sends an agency valid since 2020 under one parent and waits for its replica. */
    public UUID agency(String code, String name, String kind, String level, UUID parent, List<String> sectors) {
        UUID id = UUID.randomUUID();
        agencyEvent(
                UUID.randomUUID(),
                new AgencyUpserted(
                        AgencyUpserted.SCHEMA_VERSION,
                        id,
                        1,
                        code,
                        name,
                        null,
                        kind,
                        level,
                        parent,
                        List.of(new ParentLink(parent, SINCE, null)),
                        sectors,
                        SINCE,
                        null,
                        List.of()));
        awaitVersion("agency_replica", id, 1);
        return id;
    }

    /** Sends a group and waits for its replica. */
    public UUID group(
            String code, String name, List<String> kinds, List<String> levels, UUID ancestor, List<UUID> ids) {
        UUID id = UUID.randomUUID();
        groupEvent(
                UUID.randomUUID(),
                new AgencyGroupUpserted(
                        AgencyGroupUpserted.SCHEMA_VERSION, id, 1, code, name, kinds, levels, ancestor, ids));
        awaitVersion("agency_group_replica", id, 1);
        return id;
    }

    /** Sends an issued plan and waits for its replica. */
    public UUID plan(String number, int year) {
        UUID id = UUID.randomUUID();
        planEvent(UUID.randomUUID(), EventTypes.PLAN_ISSUED, plan(id, 1, number, year, "ISSUED"));
        awaitVersion("plan_replica", id, 1);
        return id;
    }

    /** A plan payload. */
    public static PlanState plan(UUID id, long version, String number, int year, String status) {
        return new PlanState(
                PlanState.SCHEMA_VERSION,
                id,
                version,
                number,
                "Kế hoạch cải cách thủ tục hành chính, kiểm soát thủ tục hành chính trọng tâm năm " + year,
                null,
                LocalDate.of(year, 1, 29),
                year,
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                status,
                null,
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    /** Publishes an agency event. */
    public static void agencyEvent(UUID eventId, AgencyUpserted payload) {
        send(Topics.AGENCIES, payload.id(), eventId, EventTypes.AGENCY_UPSERTED, EventJson.write(payload));
    }

    /** Publishes a group event. */
    public static void groupEvent(UUID eventId, AgencyGroupUpserted payload) {
        send(Topics.AGENCIES, payload.id(), eventId, EventTypes.AGENCY_GROUP_UPSERTED, EventJson.write(payload));
    }

    /** Publishes a plan event. */
    public static void planEvent(UUID eventId, String type, PlanState payload) {
        send(Topics.PLANS, payload.id(), eventId, type, EventJson.write(payload));
    }

    /** Publishes one record with CloudEvents headers. */
    public static void send(String topic, UUID key, UUID eventId, String type, String payload) {
        KafkaTestClient.send(
                topic,
                key.toString(),
                payload,
                Map.of(
                        CloudEventHeaders.ID,
                        eventId.toString(),
                        CloudEventHeaders.TYPE,
                        type,
                        CloudEventHeaders.SOURCE,
                        "/plans-service",
                        CloudEventHeaders.SUBJECT,
                        key.toString(),
                        CloudEventHeaders.TIME,
                        OffsetDateTime.now().toString(),
                        CloudEventHeaders.SPEC_VERSION,
                        "1.0"));
    }

    /** Waits until a replica table holds the given version of a row. */
    public void awaitVersion(String table, UUID id, long version) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> String.valueOf(version)
                        .equals(text("SELECT source_version::text FROM " + table + " WHERE id = ?", id)));
    }

    /** The first column of the first row, as text. */
    public String text(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row count. */
    public long count(String sql, Object... params) {
        return Long.parseLong(text(sql, params));
    }
}
