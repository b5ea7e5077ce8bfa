package vn.partracker.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.ParentLink;
import vn.partracker.reporting.domain.hierarchy.AgencyNode;
import vn.partracker.reporting.domain.hierarchy.GroupRule;
import vn.partracker.support.jdbc.Jdbc;

/** The agency and agency-group replicas, with the effective-dated parent links of every agency. */
@ApplicationScoped
public class AgencyReplicaRepository {

    private final Jdbc jdbc;

    public AgencyReplicaRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the agency unless the replica already holds this or a newer version.
     *
     * @return whether the replica changed
     */
    public boolean upsert(AgencyUpserted e) {
        int changed = jdbc.update(
                """
                INSERT INTO agency (id, code, name, short_name, kind, level_code, parent_id, valid_from, valid_to, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name,
                    short_name = EXCLUDED.short_name, kind = EXCLUDED.kind, level_code = EXCLUDED.level_code,
                    parent_id = EXCLUDED.parent_id, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
                    version = EXCLUDED.version, updated_at = now()
                WHERE agency.version < EXCLUDED.version
                """,
                e.id(),
                e.code(),
                e.name(),
                e.shortName(),
                e.kind(),
                e.level(),
                e.parentId(),
                e.validFrom(),
                e.validTo(),
                e.version());
        if (changed == 0) {
            return false;
        }
        jdbc.update("DELETE FROM agency_parent_link WHERE agency_id = ?", e.id());
        List<ParentLink> links = e.parentLinks() == null || e.parentLinks().isEmpty()
                ? List.of(new ParentLink(e.parentId(), e.validFrom(), e.validTo()))
                : e.parentLinks();
        List<Object[]> rows = new ArrayList<>();
        for (ParentLink link : links) {
            rows.add(new Object[] {e.id(), link.parentId(), link.validFrom(), link.validTo()});
        }
        jdbc.batch(
                "INSERT INTO agency_parent_link (agency_id, parent_id, valid_from, valid_to) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                rows);
        return true;
    }

    /**
     * Stores the group unless the replica already holds this or a newer version.
     *
     * @return whether the replica changed
     */
    public boolean upsertGroup(AgencyGroupUpserted e) {
        return jdbc.update(
                        """
                INSERT INTO agency_group (id, code, name, kinds, levels, ancestor_id, agency_ids, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kinds = EXCLUDED.kinds,
                    levels = EXCLUDED.levels, ancestor_id = EXCLUDED.ancestor_id, agency_ids = EXCLUDED.agency_ids,
                    version = EXCLUDED.version, updated_at = now()
                WHERE agency_group.version < EXCLUDED.version
                """,
                        e.id(),
                        e.code(),
                        e.name(),
                        Jdbc.texts(e.kinds() == null ? List.of() : e.kinds()),
                        Jdbc.texts(e.levels() == null ? List.of() : e.levels()),
                        e.ancestorId(),
                        Jdbc.uuids(e.agencyIds() == null ? List.of() : e.agencyIds()),
                        e.version())
                > 0;
    }

    /**
     * The directory's revision: moves (by trigger, in the writer's transaction) whenever an agency, a parent link or
     * a group changes, so a hierarchy read after seeing revision {@code r} is at least as new as {@code r}.
     */
    public long directoryRevision() {
        return jdbc.queryOne("SELECT revision FROM directory_revision", rs -> rs.getLong("revision"))
                .orElse(0L);
    }

    /**
     * The dates on which {@link #validOn} can change, ascending: the first day of every agency's and parent link's
     * validity and the day after its last. Between two consecutive ones (and before the first, and from the last on)
     * the same agencies are valid with the same parents.
     */
    public List<LocalDate> changeDates() {
        return jdbc.query("""
                SELECT d FROM (
                    SELECT valid_from AS d FROM agency
                    UNION SELECT valid_to + 1 FROM agency WHERE valid_to IS NOT NULL
                    UNION SELECT valid_from FROM agency_parent_link
                    UNION SELECT valid_to + 1 FROM agency_parent_link WHERE valid_to IS NOT NULL) c
                ORDER BY d
                """, rs -> rs.getObject("d", LocalDate.class));
    }

    /** Every agency valid on the date, each with its parent on that date. */
    public List<AgencyNode> validOn(LocalDate date) {
        return jdbc.query("""
                SELECT a.id, a.code, a.name, a.kind, a.level_code, l.parent_id AS parent_on, a.valid_from, a.valid_to
                FROM agency a
                LEFT JOIN agency_parent_link l ON l.agency_id = a.id AND l.valid_from <= ?
                    AND (l.valid_to IS NULL OR l.valid_to >= ?)
                WHERE a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to >= ?)
                """, rs -> node(rs, "parent_on"), date, date, date, date);
    }

    /** Any agencies with the given ids, whatever their validity (for names of agencies that no longer exist). */
    public List<AgencyNode> byIds(Collection<UUID> ids) {
        return jdbc.query(
                "SELECT id, code, name, kind, level_code, parent_id, valid_from, valid_to FROM agency WHERE id = ANY(?)",
                rs -> node(rs, "parent_id"),
                Jdbc.uuids(ids));
    }

    /** Ids of the agencies with the given codes. */
    public List<UUID> idsByCodes(Collection<String> codes) {
        return jdbc.query("SELECT id FROM agency WHERE code = ANY(?)", rs -> Jdbc.uuid(rs, "id"), Jdbc.texts(codes));
    }

    /** The groups with the given ids or codes. */
    public List<GroupRule> groups(Collection<UUID> ids, Collection<String> codes) {
        if (ids.isEmpty() && codes.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT id, code, name, kinds, levels, ancestor_id, agency_ids FROM agency_group"
                        + " WHERE id = ANY(?) OR code = ANY(?)",
                rs -> new GroupRule(
                        Jdbc.uuid(rs, "id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        Jdbc.textList(rs, "kinds"),
                        Jdbc.textList(rs, "levels"),
                        Jdbc.uuid(rs, "ancestor_id"),
                        Jdbc.uuidList(rs, "agency_ids")),
                Jdbc.uuids(ids),
                Jdbc.texts(codes));
    }

    /** One agency row, with its parent read from the given column (the parent on a date, or the current one). */
    private static AgencyNode node(ResultSet rs, String parentColumn) throws SQLException {
        return new AgencyNode(
                Jdbc.uuid(rs, "id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("level_code"),
                Jdbc.uuid(rs, parentColumn),
                Jdbc.date(rs, "valid_from"),
                Jdbc.date(rs, "valid_to"));
    }
}
