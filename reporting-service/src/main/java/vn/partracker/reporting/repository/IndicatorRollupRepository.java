package vn.partracker.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.reporting.repository.IndicatorAggregateRepository.BranchTotal;
import vn.partracker.support.jdbc.Jdbc;

/**
 * The per-ancestor roll-ups of the indicator aggregates ({@code indicator_rollup}) and the hierarchy each period's
 * roll-ups were derived from ({@code indicator_rollup_state}).
 *
 * <p>A roll-up row is what {@link IndicatorAggregateRepository#branchTotals} computes for one branch, stored: always
 * recomputed from the leaf rows of the branch's subtree (never moved by a delta, because min and max cannot be), by
 * the transaction that moved those leaf rows. Writers serialise per period on the state row ({@link #lockStates}) and
 * hold the directory revision still ({@link #lockDirectoryRevision}), so the roll-ups of a period always match the
 * leaf rows and the hierarchy their state names.
 */
@ApplicationScoped
public class IndicatorRollupRepository {

    private static final String ROLLUP_COLUMNS = IndicatorAggregateRepository.columns()
            + ", min_value, max_value, agency_value_count, agency_value_sum, own_rows, own_submitted, own_met,"
            + " own_not_met";

    private static final String RECOMPUTE = """
            INSERT INTO indicator_rollup (indicator_id, period, ancestor_id, leaf_rows, %s)
            SELECT c.indicator_id, c.period, m.ancestor_id, count(*), %s
            FROM unnest(?::uuid[], ?::uuid[]) AS m(ancestor_id, agency_id)
                JOIN indicator_contribution c ON c.agency_id = m.agency_id
            WHERE c.period = ? %s
            GROUP BY c.indicator_id, c.period, m.ancestor_id
            """;

    private static final String RECOMPUTE_INDICATORS = RECOMPUTE.formatted(
            ROLLUP_COLUMNS,
            IndicatorAggregateRepository.subtreeAggregates("m.ancestor_id"),
            "AND c.indicator_id = ANY(?)");

    private static final String RECOMPUTE_ALL =
            RECOMPUTE.formatted(ROLLUP_COLUMNS, IndicatorAggregateRepository.subtreeAggregates("m.ancestor_id"), "");

    private static final String READ = """
            WITH st AS (
                SELECT COALESCE(s.directory_revision = ? AND d.revision = ? AND s.hierarchy_date = ?, false) AS ok
                FROM directory_revision d LEFT JOIN indicator_rollup_state s ON s.period = ?)
            SELECT st.ok, r.indicator_id, r.ancestor_id AS branch, %s
            FROM st LEFT JOIN indicator_rollup r ON st.ok AND r.period = ? AND r.indicator_id = ANY(?)
                AND r.ancestor_id = ANY(?) AND r.leaf_rows > 0
            """.formatted(prefixed(ROLLUP_COLUMNS));

    /** The columns of indicator_contribution a leaf child's drill-down row needs, with its own achievement counts. */
    private static final List<String> LEAF_COLUMNS = List.of(
            "submitted",
            "met",
            "not_met",
            "ratio_count",
            "numerator_sum",
            "denominator_sum",
            "value_count",
            "value_sum");

    /**
     * {@link #READ} followed by the own rows of the leaf children, in the same statement (one snapshot, so the root's
     * total and its children's rows agree) and in the same column positions, the columns a drill-down row does not
     * need left NULL: a leaf row has a NULL first column.
     */
    private static final String READ_WITH_LEAVES = READ + """
            UNION ALL
            SELECT NULL, c.indicator_id, c.agency_id, %s
            FROM st CROSS JOIN unnest(?::uuid[]) AS m(agency_id)
                JOIN indicator_contribution c ON c.agency_id = m.agency_id
            WHERE st.ok AND c.period = ? AND c.indicator_id = ANY(?)
            """.formatted(leafSelectList());

    private final Jdbc jdbc;

    public IndicatorRollupRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The hierarchy a period's roll-ups were derived from (a revision of -1: none yet, or invalidated). */
    public record State(String period, LocalDate hierarchyDate, long directoryRevision) {}

    /**
     * The directory's revision, which no agency change can move until this transaction ends (the revision row is
     * share-locked; the directory triggers update it).
     */
    public long lockDirectoryRevision() {
        return jdbc.query("SELECT revision FROM directory_revision FOR SHARE", rs -> rs.getLong("revision"))
                .get(0);
    }

    /** The states of the periods (created when missing), each locked until the transaction ends; in period order. */
    public Map<String, State> lockStates(Collection<String> periods) {
        List<String> sorted = periods.stream().distinct().sorted().toList();
        Map<String, State> result = new LinkedHashMap<>();
        if (sorted.isEmpty()) {
            return result;
        }
        jdbc.update(
                "INSERT INTO indicator_rollup_state (period, directory_revision)"
                        + " SELECT p, -1 FROM unnest(?::text[]) AS p ORDER BY p ON CONFLICT DO NOTHING",
                Jdbc.texts(sorted));
        for (State state : jdbc.query(
                "SELECT period, hierarchy_date, directory_revision FROM indicator_rollup_state"
                        + " WHERE period = ANY(?) ORDER BY period FOR UPDATE",
                rs -> new State(
                        rs.getString("period"), Jdbc.date(rs, "hierarchy_date"), rs.getLong("directory_revision")),
                Jdbc.texts(sorted))) {
            result.put(state.period(), state);
        }
        return result;
    }

    /** Records the hierarchy the period's roll-ups now match; the caller holds the period's {@link #lockStates}. */
    public void setState(String period, LocalDate hierarchyDate, long directoryRevision) {
        jdbc.update(
                "UPDATE indicator_rollup_state SET hierarchy_date = ?, directory_revision = ? WHERE period = ?",
                hierarchyDate,
                directoryRevision,
                period);
    }

    /**
     * Recomputes the roll-ups of the indicators over the subtrees of the ancestors, given as (ancestor, member)
     * pairs that list every member of each ancestor's subtree, itself included.
     */
    public void recompute(String period, Collection<UUID> indicatorIds, List<UUID> ancestors, List<UUID> members) {
        List<UUID> distinct = ancestors.stream().distinct().toList();
        jdbc.update(
                "DELETE FROM indicator_rollup WHERE period = ? AND indicator_id = ANY(?) AND ancestor_id = ANY(?)",
                period,
                Jdbc.uuids(indicatorIds),
                Jdbc.uuids(distinct));
        jdbc.update(RECOMPUTE_INDICATORS, Jdbc.uuids(ancestors), Jdbc.uuids(members), period, Jdbc.uuids(indicatorIds));
    }

    /** The agencies with a leaf row in the period (this transaction's included), for any indicator. */
    public List<UUID> agenciesWithRows(String period) {
        return jdbc.query(
                "SELECT DISTINCT agency_id FROM indicator_contribution WHERE period = ?",
                rs -> Jdbc.uuid(rs, "agency_id"),
                period);
    }

    /** Replaces every roll-up of the period by those of the (ancestor, member) pairs, for every indicator. */
    public void replacePeriod(String period, List<UUID> ancestors, List<UUID> members) {
        jdbc.update("DELETE FROM indicator_rollup WHERE period = ?", period);
        if (!ancestors.isEmpty()) {
            jdbc.update(RECOMPUTE_ALL, Jdbc.uuids(ancestors), Jdbc.uuids(members), period);
        }
    }

    /**
     * The roll-ups of the ancestors, as branch totals, if the period's roll-ups match the hierarchy of this date and
     * directory revision and the directory is still at that revision (checked and read in one statement); empty
     * otherwise ({@link #readWithLeaves} without leaves). An ancestor whose subtree has no aggregate row has no branch
     * total, as in the leaf query.
     */
    public Optional<List<BranchTotal>> read(
            String period,
            LocalDate hierarchyDate,
            long directoryRevision,
            Collection<UUID> indicatorIds,
            Collection<UUID> ancestors) {
        return readWithLeaves(period, hierarchyDate, directoryRevision, indicatorIds, ancestors, List.of())
                .map(RolledUp::rollups);
    }

    /**
     * The own row of a leaf agency, narrowed to what its drill-down row shows: the subtree of a leaf is itself, so
     * these are its subtree's submitted count and value inputs as well as its own achievement counts.
     */
    public record LeafRow(
            UUID indicatorId,
            UUID agencyId,
            int submitted,
            int met,
            int notMet,
            int ratioCount,
            BigDecimal numeratorSum,
            BigDecimal denominatorSum,
            int valueCount,
            BigDecimal valueSum) {}

    /** The roll-ups of some internal agencies and the own rows of some leaf agencies, read together. */
    public record RolledUp(List<BranchTotal> rollups, List<LeafRow> leaves) {}

    /**
     * Like {@link #read}, plus the own rows of the leaf agencies {@code leaves} (narrowed, see {@link LeafRow}), in one
     * statement; empty when the period's roll-ups do not follow this hierarchy (nothing is read then).
     */
    public Optional<RolledUp> readWithLeaves(
            String period,
            LocalDate hierarchyDate,
            long directoryRevision,
            Collection<UUID> indicatorIds,
            Collection<UUID> ancestors,
            Collection<UUID> leaves) {
        List<BranchTotal> totals = new ArrayList<>();
        List<LeafRow> leafRows = new ArrayList<>();
        boolean[] usable = {false};
        Object indicators = Jdbc.uuids(indicatorIds);
        jdbc.query(
                READ_WITH_LEAVES,
                rs -> {
                    boolean ok = rs.getBoolean(1);
                    if (rs.wasNull()) {
                        leafRows.add(leafRow(rs));
                    } else {
                        usable[0] = ok;
                        if (ok && rs.getObject(2) != null) {
                            totals.add(IndicatorAggregateRepository.branchTotal(rs, 2));
                        }
                    }
                    return Boolean.TRUE;
                },
                directoryRevision,
                directoryRevision,
                hierarchyDate,
                period,
                period,
                indicators,
                Jdbc.uuids(ancestors),
                Jdbc.uuids(leaves),
                period,
                indicators);
        return usable[0] ? Optional.of(new RolledUp(totals, leafRows)) : Optional.empty();
    }

    /** A leaf row of {@link #READ_WITH_LEAVES}, by column position ({@link #ROLLUP_COLUMNS} from column 4). */
    private static LeafRow leafRow(ResultSet rs) throws SQLException {
        return new LeafRow(
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getInt(4),
                rs.getInt(7),
                rs.getInt(8),
                rs.getInt(9),
                rs.getBigDecimal(10),
                rs.getBigDecimal(11),
                rs.getInt(12),
                rs.getBigDecimal(13));
    }

    /** {@link #ROLLUP_COLUMNS} with the {@link #LEAF_COLUMNS} read from indicator_contribution c, NULL otherwise. */
    private static String leafSelectList() {
        StringBuilder result = new StringBuilder();
        for (String column : ROLLUP_COLUMNS.split(",\\s*")) {
            if (!result.isEmpty()) {
                result.append(", ");
            }
            result.append(LEAF_COLUMNS.contains(column) ? "c." + column : "NULL");
        }
        return result.toString();
    }

    /** Every roll-up row of the period, keyed by indicator and ancestor, for comparisons in tests and rebuilds. */
    public Map<List<UUID>, List<Object>> ofPeriod(String period) {
        Map<List<UUID>, List<Object>> result = new LinkedHashMap<>();
        String[] columns = ("leaf_rows, " + ROLLUP_COLUMNS).split(",\\s*");
        jdbc.query(
                "SELECT indicator_id, ancestor_id, leaf_rows, " + ROLLUP_COLUMNS
                        + " FROM indicator_rollup WHERE period = ? ORDER BY indicator_id, ancestor_id",
                rs -> {
                    List<Object> values = new ArrayList<>();
                    for (String column : columns) {
                        Object value = rs.getObject(column);
                        values.add(value instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : value);
                    }
                    result.put(List.of(Jdbc.uuid(rs, "indicator_id"), Jdbc.uuid(rs, "ancestor_id")), values);
                    return Boolean.TRUE;
                },
                period);
        return result;
    }

    private static String prefixed(String columns) {
        StringBuilder result = new StringBuilder();
        for (String column : columns.split(",\\s*")) {
            if (!result.isEmpty()) {
                result.append(", ");
            }
            result.append("r.").append(column);
        }
        return result.toString();
    }
}
