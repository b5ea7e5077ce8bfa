package vn.partracker.indicators.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.indicators.domain.AgencyGroupReplica;
import vn.partracker.indicators.domain.AgencyParentLink;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.domain.IndicatorAgency;
import vn.partracker.indicators.domain.IndicatorTarget;
import vn.partracker.support.jdbc.Jdbc;

/**
 * Reads the reference data a figure is checked against — agency and group replicas with parent links, indicators
 * with their agencies and targets — as plain detached objects, together with the {@code reference_generation} they
 * belong to, all from one database snapshot ({@code REPEATABLE READ}). Used by {@code ReferenceData}, which keeps
 * the result in memory; the objects are never attached to a persistence context and must not be changed.
 */
@ApplicationScoped
public class ReferenceDataRepository {

    /** Everything read at one generation. */
    public record Rows(
            long generation,
            List<AgencyReplica> agencies,
            List<AgencyGroupReplica> groups,
            List<Indicator> indicators) {}

    private final AgroalDataSource dataSource;
    private final Jdbc jdbc;

    public ReferenceDataRepository(AgroalDataSource dataSource, Jdbc jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** @return the current generation (in the caller's transaction, if any) */
    public long generation() {
        return jdbc.queryOne("SELECT generation FROM reference_generation", rs -> rs.getLong(1))
                .orElseThrow(() -> new IllegalStateException("reference_generation has no row"));
    }

    /**
     * What {@link #confirm} found.
     *
     * @param generation the database's {@code reference_generation}
     * @param indicatorsCurrent whether every indicator asked about still has the version it was asked at
     */
    public record Confirmation(long generation, boolean indicatorsCurrent) {}

    /**
     * Proves, in the caller's transaction and with one statement, that decisions taken against a snapshot still
     * hold: reads {@code reference_generation} and share-locks the given indicators at the given versions until the
     * transaction ends (an update of their definition waits for the caller, then sees its figures when it
     * re-evaluates achievement, as with indicators read {@code FOR SHARE} on the table path).
     *
     * @param versions each indicator's id with the version the decisions were taken against
     */
    public Confirmation confirm(Map<UUID, Long> versions) {
        List<UUID> ids = new ArrayList<>(versions.keySet());
        List<String> numbers =
                ids.stream().map(id -> versions.get(id).toString()).toList();
        return jdbc.queryOne(
                        "WITH ind AS (SELECT i.id FROM indicator i JOIN unnest(?::uuid[], ?::text[]::bigint[]) AS"
                                + " k(id, version) ON i.id = k.id AND i.version = k.version FOR SHARE OF i)"
                                + " SELECT (SELECT generation FROM reference_generation) AS generation,"
                                + " (SELECT count(*) FROM ind) AS current",
                        rs -> new Confirmation(rs.getLong("generation"), rs.getLong("current") == ids.size()),
                        Jdbc.uuids(ids),
                        Jdbc.texts(numbers))
                .orElseThrow(() -> new IllegalStateException("reference_generation has no row"));
    }

    /**
     * Reads every row in one read-only {@code REPEATABLE READ} transaction of its own, so the rows and the generation
     * agree. Must be called outside a JTA transaction (the loader's own thread).
     */
    public Rows load() {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                long generation;
                try (PreparedStatement s = c.prepareStatement("SELECT generation FROM reference_generation");
                        ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("reference_generation has no row");
                    }
                    generation = rs.getLong(1);
                }
                List<AgencyReplica> agencies = agencies(c);
                List<AgencyGroupReplica> groups = groups(c);
                List<Indicator> indicators = indicators(c);
                c.rollback();
                return new Rows(generation, agencies, groups, indicators);
            } finally {
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the reference data", e);
        }
    }

    private static List<AgencyReplica> agencies(Connection c) throws SQLException {
        Map<UUID, List<AgencyParentLink>> links = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT agency_id, parent_id, valid_from, valid_to"
                        + " FROM agency_parent_link ORDER BY agency_id, position");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                links.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new AgencyParentLink(rs.getObject(2, UUID.class), date(rs, 3), date(rs, 4)));
            }
        }
        List<AgencyReplica> agencies = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, code, name, short_name, kind, level_code, parent_id, sectors, valid_from, valid_to,"
                                + " predecessor_ids, source_version FROM agency_replica ORDER BY code, id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                AgencyReplica a = new AgencyReplica();
                a.id = rs.getObject(1, UUID.class);
                a.code = rs.getString(2);
                a.name = rs.getString(3);
                a.shortName = rs.getString(4);
                a.kind = rs.getString(5);
                a.level = rs.getString(6);
                a.parentId = rs.getObject(7, UUID.class);
                a.sectors = texts(rs.getArray(8));
                a.validFrom = date(rs, 9);
                a.validTo = date(rs, 10);
                a.predecessorIds = uuids(rs.getArray(11));
                a.sourceVersion = rs.getLong(12);
                a.parentLinks = List.copyOf(links.getOrDefault(a.id, List.of()));
                agencies.add(a);
            }
        }
        return agencies;
    }

    private static List<AgencyGroupReplica> groups(Connection c) throws SQLException {
        List<AgencyGroupReplica> groups = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, code, name, name_folded, kinds, levels, ancestor_id, agency_ids, source_version"
                                + " FROM agency_group_replica ORDER BY code, id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                AgencyGroupReplica g = new AgencyGroupReplica();
                g.id = rs.getObject(1, UUID.class);
                g.code = rs.getString(2);
                g.name = rs.getString(3);
                g.nameFolded = rs.getString(4);
                g.kinds = texts(rs.getArray(5));
                g.levels = texts(rs.getArray(6));
                g.ancestorId = rs.getObject(7, UUID.class);
                g.agencyIds = uuids(rs.getArray(8));
                g.sourceVersion = rs.getLong(9);
                groups.add(g);
            }
        }
        return groups;
    }

    private static List<Indicator> indicators(Connection c) throws SQLException {
        Map<UUID, List<IndicatorAgency>> refs = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT indicator_id, role, agency_id, group_id"
                        + " FROM indicator_agency ORDER BY indicator_id, position");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                refs.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new IndicatorAgency(
                                rs.getString(2), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class)));
            }
        }
        Map<UUID, List<IndicatorTarget>> targets = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT indicator_id, comparator, value, level_code, agency_kind, sector, agency_id, valid_from,"
                                + " valid_to FROM indicator_target ORDER BY indicator_id, position");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                IndicatorTarget t = new IndicatorTarget();
                t.comparator = rs.getString(2);
                t.value = rs.getBigDecimal(3);
                t.level = rs.getString(4);
                t.agencyKind = rs.getString(5);
                t.sector = rs.getString(6);
                t.agencyId = rs.getObject(7, UUID.class);
                t.validFrom = date(rs, 8);
                t.validTo = date(rs, 9);
                targets.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(t);
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, plan_id, group_code, ordinal, name, name_folded, unit, kind, numerator_label,"
                                + " denominator_label, direction, frequency, evaluating_agency_id, legal_basis,"
                                + " components, version FROM indicator");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Indicator i = new Indicator();
                i.id = rs.getObject(1, UUID.class);
                i.planId = rs.getObject(2, UUID.class);
                i.group = rs.getString(3);
                i.ordinal = rs.getString(4);
                i.name = rs.getString(5);
                i.nameFolded = rs.getString(6);
                i.unit = rs.getString(7);
                i.kind = rs.getString(8);
                i.numeratorLabel = rs.getString(9);
                i.denominatorLabel = rs.getString(10);
                i.direction = rs.getString(11);
                i.frequency = rs.getString(12);
                i.evaluatingAgencyId = rs.getObject(13, UUID.class);
                i.legalBasis = rs.getString(14);
                i.components = rs.getString(15);
                i.version = rs.getLong(16);
                i.agencies = List.copyOf(refs.getOrDefault(i.id, List.of()));
                i.targets = List.copyOf(targets.getOrDefault(i.id, List.of()));
                indicators.add(i);
            }
        }
        return indicators;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Collections.unmodifiableList(Arrays.asList((String[]) array.getArray()));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Collections.unmodifiableList(Arrays.asList((UUID[]) array.getArray()));
    }
}
