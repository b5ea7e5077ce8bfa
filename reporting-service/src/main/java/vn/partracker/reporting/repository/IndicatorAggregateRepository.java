package vn.partracker.reporting.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGStatement;
import vn.partracker.reporting.config.ReportingConfig;
import vn.partracker.reporting.domain.aggregate.IndicatorAggregate;
import vn.partracker.support.jdbc.Jdbc;

/**
 * The persisted aggregate per indicator x period x agency, and the subtree roll-ups computed from it.
 *
 * <p>Roll-ups are sums over the rows of the subtree's agencies, grouped by branch (the root's child each agency lies
 * under). The subtree comes from the hierarchy valid on the window's last day, passed in as parallel arrays, so a
 * reorganisation changes the roll-up of later periods without touching the per-agency rows, and a province report
 * over 1,000 agencies x 21 indicators reads 21,000 index-ordered rows and returns a few hundred.
 */
@ApplicationScoped
public class IndicatorAggregateRepository {

    private static final String COLUMNS = "submitted, approved, returned, met, not_met, ratio_count, numerator_sum,"
            + " denominator_sum, value_count, value_sum, approved_ratio_count, approved_numerator_sum,"
            + " approved_denominator_sum, approved_value_count, approved_value_sum";

    /** How many columns {@link #COLUMNS} lists. */
    private static final int AGGREGATE_COLUMNS = COLUMNS.split(",").length;

    /** The advisory-lock name space of indicators (shared by appliers, exclusive for a rebuild of one indicator). */
    static final int INDICATOR_LOCKS = 0x52494e44;

    /** The roll-up of a subtree per branch; see {@link #branchTotals}. */
    private static final String BRANCH_TOTALS = branchTotalsSql();

    /** The same for a large subtree, under its own text so it never shares a cached named statement. */
    private static final String LARGE_BRANCH_TOTALS = "/* large subtree, planned per call */ " + BRANCH_TOTALS;

    private final Jdbc jdbc;
    private final AgroalDataSource dataSource;
    private final int customPlanMembers;
    private final String largeSubtreeWorkMem;

    public IndicatorAggregateRepository(Jdbc jdbc, AgroalDataSource dataSource, ReportingConfig config) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.customPlanMembers = config.customPlanMembers();
        this.largeSubtreeWorkMem = config.largeSubtreeWorkMem();
    }

    /** The key of one aggregate row. */
    public record Key(UUID indicatorId, String period, UUID agencyId) {}

    /**
     * A roll-up of one indicator over one branch of a subtree.
     *
     * @param minValue smallest agency value (an agency's value is the mean of its counted figures' values)
     * @param maxValue largest agency value
     * @param agencyValueCount how many agencies have a value
     * @param agencyValueSum the sum of the agency values, for the mean over agencies
     * @param own the branch agency's own row ({@code null} when it has none), for the drill-down's achievement
     */
    public record BranchTotal(
            UUID indicatorId,
            UUID branch,
            IndicatorAggregate totals,
            BigDecimal minValue,
            BigDecimal maxValue,
            int agencyValueCount,
            BigDecimal agencyValueSum,
            OwnFigures own) {}

    /** The achievement counts of an agency's own aggregate row. */
    public record OwnFigures(int submitted, int met, int notMet) {}

    /** Adds the deltas to their rows, creating missing rows; keys are applied in a fixed order. */
    public void add(Map<Key, IndicatorAggregate> deltas) {
        List<Object[]> rows = new ArrayList<>();
        deltas.entrySet().stream()
                .filter(e -> !e.getValue().isZero())
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Key::period)
                        .thenComparing(Key::indicatorId)
                        .thenComparing(Key::agencyId)))
                .forEach(e -> rows.add(params(e.getKey(), e.getValue())));
        StringBuilder set = new StringBuilder();
        for (String column : COLUMNS.split(",\\s*")) {
            if (!set.isEmpty()) {
                set.append(", ");
            }
            set.append(column)
                    .append(" = indicator_contribution.")
                    .append(column)
                    .append(" + EXCLUDED.")
                    .append(column);
        }
        jdbc.batch(
                "INSERT INTO indicator_contribution (indicator_id, period, agency_id, " + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (period, indicator_id, agency_id) DO UPDATE SET " + set
                        + ", updated_at = now()",
                rows);
    }

    /** Every row, for comparison with a rebuild. */
    public Map<Key, IndicatorAggregate> all() {
        Map<Key, IndicatorAggregate> result = new LinkedHashMap<>();
        jdbc.query(
                "SELECT indicator_id, period, agency_id, " + COLUMNS + " FROM indicator_contribution",
                rs -> result.put(
                        new Key(Jdbc.uuid(rs, "indicator_id"), rs.getString("period"), Jdbc.uuid(rs, "agency_id")),
                        aggregate(rs, 4)));
        return result;
    }

    /**
     * Waits until no transaction is applying figures of the indicator and keeps new ones out until this transaction
     * ends, so a rebuild of one indicator sees a still picture while every other indicator keeps flowing.
     */
    public void lockIndicatorForRebuild(UUID indicatorId) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(" + INDICATOR_LOCKS + ", ?)", rs -> Boolean.TRUE, indicatorId.hashCode());
    }

    /** Every indicator that has a figure or an aggregate row, in a fixed order. */
    public List<UUID> indicatorIds() {
        return jdbc.query(
                "SELECT indicator_id FROM measurement UNION SELECT indicator_id FROM indicator_contribution ORDER BY 1",
                rs -> Jdbc.uuid(rs, "indicator_id"));
    }

    /** The rows of one indicator, for comparison with its rebuild. */
    public Map<Key, IndicatorAggregate> ofIndicator(UUID indicatorId) {
        Map<Key, IndicatorAggregate> result = new LinkedHashMap<>();
        jdbc.query(
                "SELECT indicator_id, period, agency_id, " + COLUMNS
                        + " FROM indicator_contribution WHERE indicator_id = ?",
                rs -> result.put(
                        new Key(Jdbc.uuid(rs, "indicator_id"), rs.getString("period"), Jdbc.uuid(rs, "agency_id")),
                        aggregate(rs, 4)),
                indicatorId);
        return result;
    }

    /** Replaces the rows of one indicator by the given ones; the caller holds {@link #lockIndicatorForRebuild}. */
    public void replaceIndicator(UUID indicatorId, Map<Key, IndicatorAggregate> rows) {
        jdbc.update("DELETE FROM indicator_contribution WHERE indicator_id = ?", indicatorId);
        add(rows);
    }

    /**
     * The roll-up of each indicator per branch of the subtree given as (agency, branch) pairs, with each branch
     * agency's own achievement counts (one statement for the whole report).
     *
     * <p>A large subtree (more than {@code partracker.reports.custom-plan-members}, a national report) runs its own
     * SQL text as PostgreSQL's unnamed statement ({@link PGStatement#setPrepareThreshold} 0), so it is planned for its
     * actual arguments every time, with {@code work_mem} raised for that statement's transaction only. Through the
     * driver's server-side prepared statement PostgreSQL switched to a generic plan after five executions: it assumes
     * 10 subtree members, so for a national report it probed the agency index once per member (3,356 bitmap scans)
     * and sorted 70,000 rows on disk. The text must differ from the small-subtree one: the driver caches named
     * statements per connection by SQL text, and a province report that had prepared the same text on a pooled
     * connection handed its generic plan to the next national report there. For a small subtree the generic plan is
     * the right one (a province's 98 probes beat a scan of every row of the period). EXPLAIN ANALYZE of the plans is in
     * reporting-service/BENCHMARK.md.
     */
    public List<BranchTotal> branchTotals(
            String period, Collection<UUID> indicatorIds, List<UUID> agencyIds, List<UUID> branches) {
        if (agencyIds.size() <= customPlanMembers) {
            return jdbc.query(
                    BRANCH_TOTALS,
                    rs -> branchTotal(rs, 1),
                    Jdbc.uuids(agencyIds),
                    Jdbc.uuids(branches),
                    period,
                    Jdbc.uuids(indicatorIds));
        }
        try (Connection c = dataSource.getConnection()) {
            boolean ownTransaction = c.getAutoCommit();
            if (ownTransaction) {
                c.setAutoCommit(false);
            }
            try {
                List<BranchTotal> result = largeBranchTotals(c, period, indicatorIds, agencyIds, branches);
                if (ownTransaction) {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (ownTransaction) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL query failed: branch totals of " + period, e);
        }
    }

    private List<BranchTotal> largeBranchTotals(
            Connection c, String period, Collection<UUID> indicatorIds, List<UUID> agencyIds, List<UUID> branches)
            throws SQLException {
        try (PreparedStatement set = c.prepareStatement("SELECT set_config('work_mem', ?, true)")) {
            set.setString(1, largeSubtreeWorkMem);
            set.execute();
        }
        try (PreparedStatement statement = c.prepareStatement(LARGE_BRANCH_TOTALS)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            statement.setArray(1, c.createArrayOf("uuid", agencyIds.toArray()));
            statement.setArray(2, c.createArrayOf("uuid", branches.toArray()));
            statement.setString(3, period);
            statement.setArray(4, c.createArrayOf("uuid", indicatorIds.toArray()));
            List<BranchTotal> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(branchTotal(rs, 1));
                }
            }
            return result;
        }
    }

    private static String branchTotalsSql() {
        return """
                WITH s(agency_id, branch) AS (SELECT * FROM unnest(?::uuid[], ?::uuid[]))
                SELECT c.indicator_id, s.branch, %s
                FROM indicator_contribution c JOIN s ON s.agency_id = c.agency_id
                WHERE c.period = ? AND c.indicator_id = ANY(?)
                GROUP BY c.indicator_id, s.branch
                """.formatted(subtreeAggregates("s.branch"));
    }

    /**
     * The select list of a roll-up over the rows {@code c} of a subtree: the column sums, the agency values' min, max,
     * count and sum, and the achievement counts of the row of the agency {@code ownAgency} (the subtree's top).
     * {@link IndicatorRollupRepository} stores exactly this per internal agency, so both paths compute the same.
     */
    static String subtreeAggregates(String ownAgency) {
        StringBuilder sums = new StringBuilder();
        for (String column : COLUMNS.split(",\\s*")) {
            sums.append("sum(c.").append(column).append(") AS ").append(column).append(", ");
        }
        return sums + """
                min(c.value_sum / c.value_count) FILTER (WHERE c.value_count > 0) AS min_value,
                max(c.value_sum / c.value_count) FILTER (WHERE c.value_count > 0) AS max_value,
                count(*) FILTER (WHERE c.value_count > 0) AS agency_value_count,
                COALESCE(sum(c.value_sum / c.value_count) FILTER (WHERE c.value_count > 0), 0) AS agency_value_sum,
                count(*) FILTER (WHERE c.agency_id = %1$s) AS own_rows,
                COALESCE(sum(c.submitted) FILTER (WHERE c.agency_id = %1$s), 0) AS own_submitted,
                COALESCE(sum(c.met) FILTER (WHERE c.agency_id = %1$s), 0) AS own_met,
                COALESCE(sum(c.not_met) FILTER (WHERE c.agency_id = %1$s), 0) AS own_not_met
                """.formatted(ownAgency);
    }

    /** The aggregate columns, comma-separated. */
    static String columns() {
        return COLUMNS;
    }

    /**
     * A branch total from a row whose {@code indicator_id} is column {@code first}, followed by the branch and the
     * {@link #subtreeAggregates} list in its order. Columns are read by position: by name, the driver's column
     * lookup was 40 % of a province report's CPU in the reporting JVM (2,000 rows x 25 columns).
     */
    static BranchTotal branchTotal(ResultSet rs, int first) throws SQLException {
        int extra = first + 2 + AGGREGATE_COLUMNS;
        return new BranchTotal(
                rs.getObject(first, UUID.class),
                rs.getObject(first + 1, UUID.class),
                aggregate(rs, first + 2),
                rs.getBigDecimal(extra),
                rs.getBigDecimal(extra + 1),
                rs.getInt(extra + 2),
                decimal(rs, extra + 3),
                rs.getInt(extra + 4) == 0
                        ? null
                        : new OwnFigures(rs.getInt(extra + 5), rs.getInt(extra + 6), rs.getInt(extra + 7)));
    }

    private static Object[] params(Key key, IndicatorAggregate c) {
        return new Object[] {
            key.indicatorId(),
            key.period(),
            key.agencyId(),
            c.submitted(),
            c.approved(),
            c.returned(),
            c.met(),
            c.notMet(),
            c.ratioCount(),
            c.numeratorSum(),
            c.denominatorSum(),
            c.valueCount(),
            c.valueSum(),
            c.approvedRatioCount(),
            c.approvedNumeratorSum(),
            c.approvedDenominatorSum(),
            c.approvedValueCount(),
            c.approvedValueSum()
        };
    }

    /** The {@link #COLUMNS}, in their order, from column {@code first} on. */
    private static IndicatorAggregate aggregate(ResultSet rs, int first) throws SQLException {
        int i = first;
        return new IndicatorAggregate(
                rs.getInt(i++),
                rs.getInt(i++),
                rs.getInt(i++),
                rs.getInt(i++),
                rs.getInt(i++),
                rs.getInt(i++),
                decimal(rs, i++),
                decimal(rs, i++),
                rs.getInt(i++),
                decimal(rs, i++),
                rs.getInt(i++),
                decimal(rs, i++),
                decimal(rs, i++),
                rs.getInt(i++),
                decimal(rs, i));
    }

    private static BigDecimal decimal(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value;
    }
}
