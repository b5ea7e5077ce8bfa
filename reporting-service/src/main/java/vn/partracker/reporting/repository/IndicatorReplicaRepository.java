package vn.partracker.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.partracker.events.EventJson;
import vn.partracker.events.payload.AgencyRef;
import vn.partracker.events.payload.IndicatorDefined;
import vn.partracker.support.jdbc.Jdbc;

/** The indicator replica: definitions with unit, kind, frequency, performing agencies and targets. */
@ApplicationScoped
public class IndicatorReplicaRepository {

    private final Jdbc jdbc;

    public IndicatorReplicaRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An indicator as reports need it.
     *
     * @param performerAgencyIds agencies named directly as performing agencies
     * @param performerGroupIds groups named as performing agencies
     */
    public record IndicatorRow(
            UUID id,
            UUID planId,
            String group,
            String ordinal,
            String name,
            String unit,
            String kind,
            String frequency,
            List<UUID> performerAgencyIds,
            List<UUID> performerGroupIds) {}

    /**
     * Stores the definition unless the replica holds this or a newer version.
     *
     * @return whether it changed
     */
    public boolean upsert(IndicatorDefined e) {
        int changed = jdbc.update(
                """
                INSERT INTO indicator (id, plan_id, group_code, ordinal, name, unit, kind, direction, frequency,
                    evaluating_agency_id, targets, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET plan_id = EXCLUDED.plan_id, group_code = EXCLUDED.group_code,
                    ordinal = EXCLUDED.ordinal, name = EXCLUDED.name, unit = EXCLUDED.unit, kind = EXCLUDED.kind,
                    direction = EXCLUDED.direction, frequency = EXCLUDED.frequency,
                    evaluating_agency_id = EXCLUDED.evaluating_agency_id, targets = EXCLUDED.targets,
                    version = EXCLUDED.version, updated_at = now()
                WHERE indicator.version < EXCLUDED.version
                """,
                e.id(),
                e.planId(),
                e.group(),
                e.ordinal(),
                e.name(),
                e.unit(),
                e.kind(),
                e.direction(),
                e.frequency(),
                e.evaluatingAgencyId(),
                EventJson.write(e.targets() == null ? List.of() : e.targets()),
                e.version());
        if (changed == 0) {
            return false;
        }
        jdbc.update("DELETE FROM indicator_performer WHERE indicator_id = ?", e.id());
        List<Object[]> rows = new ArrayList<>();
        List<AgencyRef> refs = e.performingAgencies() == null ? List.of() : e.performingAgencies();
        for (int i = 0; i < refs.size(); i++) {
            rows.add(
                    new Object[] {e.id(), i, refs.get(i).agencyId(), refs.get(i).groupId()});
        }
        jdbc.batch(
                "INSERT INTO indicator_performer (indicator_id, position, agency_id, group_id) VALUES (?, ?, ?, ?)",
                rows);
        return true;
    }

    /** The indicators of the plans and the listed indicators, ordered by group and ordinal. */
    public List<IndicatorRow> find(Collection<UUID> planIds, Collection<UUID> indicatorIds) {
        return jdbc.query(
                """
                SELECT i.id, i.plan_id, i.group_code, i.ordinal, i.name, i.unit, i.kind, i.frequency,
                    COALESCE(array_agg(p.agency_id ORDER BY p.position) FILTER (WHERE p.agency_id IS NOT NULL),
                        '{}') AS agency_ids,
                    COALESCE(array_agg(p.group_id ORDER BY p.position) FILTER (WHERE p.group_id IS NOT NULL),
                        '{}') AS group_ids
                FROM indicator i LEFT JOIN indicator_performer p ON p.indicator_id = i.id
                WHERE i.plan_id = ANY(?) OR i.id = ANY(?)
                GROUP BY i.id
                ORDER BY i.group_code NULLS LAST, length(i.ordinal) NULLS LAST, i.ordinal, i.name
                """,
                rs -> new IndicatorRow(
                        Jdbc.uuid(rs, "id"),
                        Jdbc.uuid(rs, "plan_id"),
                        rs.getString("group_code"),
                        rs.getString("ordinal"),
                        rs.getString("name"),
                        rs.getString("unit"),
                        rs.getString("kind"),
                        rs.getString("frequency"),
                        Jdbc.uuidList(rs, "agency_ids"),
                        Jdbc.uuidList(rs, "group_ids")),
                Jdbc.uuids(planIds),
                Jdbc.uuids(indicatorIds));
    }
}
