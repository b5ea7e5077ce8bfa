package vn.partracker.testsupport.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Row count and content checksum of every table of the service's schema, to prove a rejected request wrote nothing. */
public record TableSnapshot(Map<String, String> tables) {

    /** Reads every table of the {@code public} schema but Flyway's history and the {@code excluded} ones. */
    public static TableSnapshot take(DataSource dataSource, Set<String> excluded) {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                if (name.startsWith("flyway_") || excluded.contains(name)) {
                    continue;
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|'"
                        + " ORDER BY t::text)), '') FROM \"" + name + "\" t")) {
                    rs.next();
                    tables.put(name, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the tables", e);
        }
        return new TableSnapshot(tables);
    }

    /** The tables whose count or content differ from {@code before}. */
    List<String> changedSince(TableSnapshot before) {
        List<String> changed = new ArrayList<>();
        tables.forEach((name, value) -> {
            if (!value.equals(before.tables.get(name))) {
                changed.add(name);
            }
        });
        return changed;
    }
}
