package vn.partracker.support.consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.io.EOFException;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shapes below are those the PostgreSQL driver, Agroal, {@code Jdbc}, {@code QuarkusTransaction} and the Kafka
 * client really throw: a {@code PSQLException} is an {@link SQLException} with the server's SQLState, Agroal's
 * acquisition time-out is a state-less {@link SQLException}, {@code Jdbc} wraps in {@link IllegalStateException}.
 */
class TransientFailuresTest {

    /** What a service's {@code Jdbc} throws around a driver exception, inside a failed QuarkusTransaction. */
    private static RuntimeException wrapped(Throwable sql) {
        return new QuarkusTransactionException(new IllegalStateException("INSERT INTO processed_event failed", sql));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "08000",
                "08003",
                "08006",
                "08001", // connection exception, no connection, failure, cannot connect
                "40001", // serialization_failure
                "40P01", // deadlock_detected
                "53000",
                "53100",
                "53200",
                "53300", // insufficient resources, disk full, out of memory, connections
                "57P01",
                "57P02",
                "57P03", // admin shutdown (pg_terminate_backend), crash shutdown, cannot connect now
                "55P03", // lock_not_available (lock_timeout)
                "57014" // query_canceled (statement_timeout)
            })
    void serverStatesThatPassAreTransientEvenWhenWrapped(String state) {
        SQLException driver = new SQLException("FATAL: terminating connection", state);
        assertTrue(TransientFailures.isTransient(driver), state);
        assertTrue(TransientFailures.isTransient(wrapped(driver)), state + " wrapped");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "23505", // unique_violation
                "23502", // not_null_violation
                "22P02", // invalid_text_representation
                "42P01", // undefined_table
                "23503" // foreign_key_violation: an unknown reference, bounded, not transient
            })
    void permanentStatesAreNot(String state) {
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("ERROR: violates", state))), state);
    }

    @Test
    void foreignKeyViolationIsAnUnknownReference() {
        SQLException fk = new SQLException(
                "ERROR: insert or update on table \"agency_parent_link\" violates foreign key constraint", "23503");
        assertTrue(TransientFailures.isUnknownReference(wrapped(fk)));
        assertFalse(TransientFailures.isUnknownReference(wrapped(new SQLException("dup", "23505"))));
    }

    @Test
    void jdbcTransientAndRecoverableExceptions() {
        assertTrue(TransientFailures.isTransient(wrapped(new SQLTransientConnectionException("pool"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLRecoverableException("gone"))));
    }

    @Test
    void agroalAcquisitionTimeout() {
        // io.agroal.pool.ConnectionPool: new SQLException("Acquisition timeout while waiting for new connection")
        SQLException agroal = new SQLException("Acquisition timeout while waiting for new connection");
        assertTrue(TransientFailures.isTransient(wrapped(agroal)));
    }

    @Test
    void theDriversIoErrorWithItsCause() {
        // PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE, e)
        SQLException io =
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException());
        assertTrue(TransientFailures.isTransient(wrapped(io)));
        assertTrue(TransientFailures.isTransient(new IllegalStateException(new ConnectException("refused"))));
    }

    @Test
    void aBatchUpdateExceptionCarriesTheServerErrorAsItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "", 0, new int[0]);
        batch.setNextException(new SQLException("ERROR: deadlock detected", "40P01"));
        assertTrue(TransientFailures.isTransient(wrapped(batch)));
    }

    @Test
    void suppressedFailuresCount() {
        RuntimeException rollback = new IllegalStateException("rollback failed");
        rollback.addSuppressed(new SQLException("terminating connection", "57P01"));
        assertTrue(TransientFailures.isTransient(rollback));
    }

    @Test
    void kafkaRetriableExceptionsAreTransientOthersAreNot() {
        assertTrue(TransientFailures.isTransient(new TimeoutException("Topic not present in metadata")));
        assertTrue(TransientFailures.isTransient(new IllegalStateException(new NotLeaderOrFollowerException("x"))));
        assertFalse(TransientFailures.isTransient(new RecordTooLargeException("too large")));
    }

    @Test
    void unreadablePayloadsAndRuleViolationsAreNot() {
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("payload is not valid JSON")));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
        assertFalse(TransientFailures.isTransient(null));
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(TransientFailures.isTransient(a));
    }
}
