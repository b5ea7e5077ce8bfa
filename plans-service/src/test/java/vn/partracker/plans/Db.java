package vn.partracker.plans;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;

/** Row counts for "nothing was written" assertions. */
public final class Db {

    private Db() {}

    /** The single number {@code sql} returns. */
    public static long count(AgroalDataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code request} and asserts that none of the given tables (nor the outbox) gained or lost a row. */
    public static <T> T assertNothingWritten(AgroalDataSource dataSource, Supplier<T> request, String... tables) {
        String[] all = new String[tables.length + 1];
        System.arraycopy(tables, 0, all, 0, tables.length);
        all[tables.length] = "outbox_event";
        long[] before = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            before[i] = count(dataSource, "SELECT count(*) FROM " + all[i]);
        }
        T result = request.get();
        for (int i = 0; i < all.length; i++) {
            Assertions.assertEquals(before[i], count(dataSource, "SELECT count(*) FROM " + all[i]), all[i] + " rows");
        }
        return result;
    }
}
