package vn.partracker.support.problem;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.transaction.xa.XAException;

/**
 * Turns the PostgreSQL errors that bad input or a race can cause into the 4xx a client can act on, instead of a 500:
 * a second create of the same code that loses the race to the unique index, a reference to a row deleted meanwhile,
 * a check constraint, a number or date beyond the column's range, a serialization failure between two transactions.
 * Only the SQLSTATE class and the constraint name are used: no SQL text or value reaches the answer.
 *
 * <p>A database that cannot be reached, is shutting down or starting, refuses more connections, cancels a statement
 * at its timeout or cannot take a lock in time, and a connection pool that hands out no connection within its
 * acquisition timeout, are a {@link ServiceUnavailableException} (503 with {@code Retry-After}): the request changed
 * nothing and can be sent again; it is neither the client's fault nor a defect of ours.
 */
public final class DatabaseErrors {

    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]{1,100})\"");

    /** Agroal's message (an SQLException without SQLSTATE) when no pooled connection is free in time. */
    static final String POOL_ACQUISITION_TIMEOUT = "acquisition timeout";

    /** Most throwables looked at in one failure (a cycle or a huge batch cannot make the search long). */
    private static final int MAX_RELATED = 64;

    private DatabaseErrors() {}

    /**
     * The client error for a failure whose cause chain holds an {@link SQLException} with a known SQLSTATE.
     *
     * @return the exception to answer with, or empty when the failure is not one a client caused
     */
    public static Optional<ApiException> classify(Throwable failure) {
        for (Throwable cause : related(failure)) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() == null
                    && sql.getMessage() != null
                    && sql.getMessage().contains(POOL_ACQUISITION_TIMEOUT)) {
                return Optional.of(new ServiceUnavailableException(
                        "the service is busy: no database connection became free in time; nothing was changed,"
                                + " try again"));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<ApiException> known = classify(sql.getSQLState(), sql.getMessage());
                if (known.isPresent()) {
                    return known;
                }
            }
            if (cause instanceof XAException xa && xa.errorCode == XAException.XA_RBCOMMFAIL) {
                return Optional.of(unavailable());
            }
        }
        return Optional.empty();
    }

    /**
     * The failure and every throwable it carries, breadth first: causes, suppressed throwables and an
     * {@link SQLException}'s next exceptions. A commit that fails because the connection died arrives from the
     * transaction manager as a {@code RollbackException} whose driver error is a <em>suppressed</em> throwable (often
     * under an {@link XAException}), not its cause; a batch's driver error hangs off the batch exception as its next
     * exception.
     */
    private static List<Throwable> related(Throwable failure) {
        List<Throwable> seen = new ArrayList<>();
        Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> queue = new ArrayDeque<>();
        queue.add(failure);
        while (!queue.isEmpty() && seen.size() < MAX_RELATED) {
            Throwable t = queue.poll();
            if (t == null || !visited.add(t)) {
                continue;
            }
            seen.add(t);
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            Collections.addAll(queue, t.getSuppressed());
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                queue.add(sql.getNextException());
            }
        }
        return seen;
    }

    /** See {@link #classify(Throwable)}; {@code message} is only searched for the constraint name. */
    static Optional<ApiException> classify(String sqlState, String message) {
        if (unavailable(sqlState)) {
            return Optional.of(unavailable());
        }
        String constraint = constraint(message);
        return Optional.ofNullable(
                switch (sqlState) {
                    case "23505" ->
                        new ConflictException("a record with the same "
                                + (constraint == null ? "key" : "value (" + constraint + ")")
                                + " already exists; it may have been created by a concurrent request");
                    case "23503" ->
                        new ConflictException("the request refers to a record that does not exist (any"
                                + " more), or removes one that is still referenced"
                                + (constraint == null ? "" : " (" + constraint + ")"));
                    case "23514" ->
                        new ValidationException(
                                "$", "breaks the rule " + (constraint == null ? "of the record" : constraint));
                    case "23502" -> new ValidationException("$", "a required value is missing");
                    case "22003" -> new ValidationException("$", "a number is out of the accepted range");
                    case "22008", "22007" -> new ValidationException("$", "a date is out of the accepted range");
                    case "22001" -> new ValidationException("$", "a text is longer than the accepted length");
                    case "22P02", "22P05", "22021" -> new ValidationException("$", "a value cannot be stored as given");
                    case "40001", "40P01" ->
                        new ConflictException(
                                "the request collided with a concurrent change and was not applied; send it again");
                    default -> null;
                });
    }

    /**
     * Class 08 (connection exception), 57P01–57P03 (administrator shutdown, crash shutdown, cannot connect now),
     * 53300 (too many connections), 57014 (statement cancelled at its timeout), 55P03 (lock not available in time).
     */
    private static boolean unavailable(String sqlState) {
        return sqlState.startsWith("08")
                || switch (sqlState) {
                    case "57P01", "57P02", "57P03", "53300", "57014", "55P03" -> true;
                    default -> false;
                };
    }

    private static ServiceUnavailableException unavailable() {
        return new ServiceUnavailableException(
                "the database cannot be reached or is overloaded for now; nothing was changed, try again");
    }

    private static String constraint(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = CONSTRAINT.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
