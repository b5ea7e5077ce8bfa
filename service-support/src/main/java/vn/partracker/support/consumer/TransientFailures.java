package vn.partracker.support.consumer;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that will go away by itself (the database restarting, a pool time-out, a deadlock, a broker
 * hiccup) from one that will not. Consumers retry the first kind in place for as long as it lasts and never
 * dead-letter it; the cause chain (and suppressed exceptions) of the thrown exception is walked, so a transient
 * SQL error wrapped by JPA, JTA or the service is still recognised.
 */
public final class TransientFailures {

    /** SQLStates that mean "try again": serialization failure, deadlock, lock time-out, shutdown, can't connect. */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock_timeout)
            "57014", // query_canceled (statement_timeout)
            "57P01", // admin_shutdown (also pg_terminate_backend)
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up, shutting down)
            "57P05"); // idle_session_timeout

    /** PostgreSQL's foreign_key_violation: the event refers to a row whose own event has not arrived yet. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private static final int MAX_DEPTH = 32;

    private TransientFailures() {}

    /** Whether {@code failure}, or anything in its cause chain, is a failure that retrying later can cure. */
    public static boolean isTransient(Throwable failure) {
        return anyInChain(failure, TransientFailures::transientItself);
    }

    /**
     * Whether {@code failure} says the event refers to something this service does not know yet (a foreign key
     * violation): worth retrying for a bounded time, since the referenced event may still arrive, but not forever.
     */
    public static boolean isUnknownReference(Throwable failure) {
        return anyInChain(
                failure, t -> t instanceof SQLException sql && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState()));
    }

    private static boolean transientItself(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null
                    && (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state))) {
                return true;
            }
            // the PostgreSQL driver reports an I/O error on a dead connection with 08006, but an Agroal acquisition
            // time-out is a plain SQLException without a state
            return state == null && acquisitionTimeout(sql.getMessage());
        }
        if (t instanceof RetriableException) {
            return true;
        }
        if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof SocketException) {
            return true;
        }
        String name = t.getClass().getName();
        // Hibernate's lock and query time-outs, and JPA's, without a compile-time dependency on them
        return name.endsWith(".LockTimeoutException")
                || name.endsWith(".PessimisticLockException")
                || name.endsWith(".QueryTimeoutException")
                || name.endsWith(".JDBCConnectionException")
                || name.endsWith(".LockAcquisitionException")
                || name.endsWith(".CannotAcquireLockException");
    }

    private static boolean acquisitionTimeout(String message) {
        return message != null
                && (message.contains("Acquisition timeout") || message.contains("Unable to acquire JDBC Connection"));
    }

    private static boolean anyInChain(Throwable failure, java.util.function.Predicate<Throwable> test) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        return walk(failure, test, seen, 0);
    }

    private static boolean walk(
            Throwable t, java.util.function.Predicate<Throwable> test, Map<Throwable, Boolean> seen, int depth) {
        if (t == null || depth > MAX_DEPTH || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        if (test.test(t)) {
            return true;
        }
        if (t instanceof SQLException sql && walk(sql.getNextException(), test, seen, depth + 1)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (walk(suppressed, test, seen, depth + 1)) {
                return true;
            }
        }
        return walk(t.getCause(), test, seen, depth + 1);
    }
}
