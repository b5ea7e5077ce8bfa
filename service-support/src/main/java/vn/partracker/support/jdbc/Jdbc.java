package vn.partracker.support.jdbc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain SQL on the service's data source, joined to the caller's JTA transaction like every Agroal connection.
 * Repositories use it where JPA does not fit: set-based upserts with {@code ON CONFLICT} and delta arithmetic,
 * multi-row batch inserts, and recursive hierarchy queries. SQL errors surface as {@link IllegalStateException}
 * naming the statement's first line, with the {@link SQLException} as the cause.
 */
@ApplicationScoped
public class Jdbc {

    private final AgroalDataSource dataSource;

    public Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows changed. */
    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + firstLine(sql), e);
        }
    }

    /** Runs one statement for each parameter row as a JDBC batch. */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(c, s, row);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL batch failed: " + firstLine(sql), e);
        }
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, params);
            try (ResultSet rs = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL query failed: " + firstLine(sql), e);
        }
    }

    /** Runs a query expected to return at most one row. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** A {@code uuid[]} parameter. */
    public static UuidArray uuids(Collection<UUID> ids) {
        return new UuidArray(List.copyOf(ids));
    }

    /** A {@code text[]} parameter. */
    public static TextArray texts(Collection<String> values) {
        return new TextArray(List.copyOf(values));
    }

    /** Marker for a {@code uuid[]} parameter. */
    public record UuidArray(List<UUID> ids) {}

    /** Marker for a {@code text[]} parameter. */
    public record TextArray(List<String> values) {}

    /** A nullable UUID column. */
    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** A nullable DATE column. */
    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    /** A nullable TIMESTAMPTZ column. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** A NUMERIC column, zero when null. */
    public static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value;
    }

    /** A {@code uuid[]} column as a list. */
    public static List<UUID> uuidList(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return List.of((UUID[]) array.getArray());
    }

    /** A {@code text[]} column as a list. */
    public static List<String> textList(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    private static void bind(Connection c, PreparedStatement s, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int index = i + 1;
            if (p instanceof UuidArray a) {
                s.setArray(index, c.createArrayOf("uuid", a.ids().toArray()));
            } else if (p instanceof TextArray a) {
                s.setArray(index, c.createArrayOf("text", a.values().toArray()));
            } else if (p instanceof LocalDate d) {
                s.setDate(index, Date.valueOf(d));
            } else if (p instanceof Instant t) {
                s.setTimestamp(index, Timestamp.from(t));
            } else if (p instanceof OffsetDateTime t) {
                s.setTimestamp(index, Timestamp.from(t.toInstant()));
            } else if (p == null) {
                s.setObject(index, null);
            } else {
                s.setObject(index, p);
            }
        }
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
