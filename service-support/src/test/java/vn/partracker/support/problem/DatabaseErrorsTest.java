package vn.partracker.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    @Test
    void aLostRaceOnAUniqueIndexIsAConflictNamingTheConstraint() {
        RuntimeException failure = new IllegalStateException(
                "could not insert",
                new SQLException(
                        "ERROR: duplicate key value violates unique constraint \"agency_code_key\"\n  Detail: Key"
                                + " (code)=(KT.SNV) already exists.",
                        "23505"));
        ApiException e = DatabaseErrors.classify(failure).orElseThrow();
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("agency_code_key"), e.getMessage());
        assertFalse(e.getMessage().contains("KT.SNV"), "no stored value is echoed: " + e.getMessage());
    }

    @Test
    void valuesBeyondTheColumnsRangeAreBadInput() {
        assertEquals(
                400,
                DatabaseErrors.classify("22003", "numeric field overflow")
                        .orElseThrow()
                        .status());
        assertEquals(
                400,
                DatabaseErrors.classify("22008", "date out of range")
                        .orElseThrow()
                        .status());
        assertEquals(
                400,
                DatabaseErrors.classify("23514", "violates check constraint \"ck_percent\"")
                        .orElseThrow()
                        .status());
    }

    @Test
    void referencesAndSerializationFailuresAreConflicts() {
        assertEquals(409, DatabaseErrors.classify("23503", null).orElseThrow().status());
        assertEquals(409, DatabaseErrors.classify("40001", null).orElseThrow().status());
        assertEquals(409, DatabaseErrors.classify("40P01", null).orElseThrow().status());
    }

    @Test
    void anUnreachableOrOverloadedDatabaseIsAServiceUnavailableNotAServerError() {
        for (String state : new String[] {"08001", "08006", "08003", "57P01", "57P03", "53300", "57014", "55P03"}) {
            ApiException e = DatabaseErrors.classify(
                            new IllegalStateException("could not commit", new SQLException("gone", state)))
                    .orElseThrow(() -> new AssertionError(state + " was not classified"));
            assertEquals(503, e.status(), state);
            assertTrue(e instanceof ServiceUnavailableException, state);
            assertFalse(e.getMessage().contains("gone"), "no driver text is echoed: " + e.getMessage());
        }
        ApiException poolExhausted = DatabaseErrors.classify(new RuntimeException(
                        "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!")))
                .orElseThrow();
        assertEquals(503, poolExhausted.status());
    }

    @Test
    void otherFailuresStayServerErrors() {
        assertTrue(DatabaseErrors.classify("XX000", "internal error").isEmpty());
        assertTrue(DatabaseErrors.classify(new SQLException("something else")).isEmpty());
        assertTrue(DatabaseErrors.classify(new IllegalStateException("bug")).isEmpty());
    }

    @Test
    void aCommitThatFailsOnADeadConnectionIsAServiceUnavailable() {
        // what the transaction manager throws: the driver error is suppressed, under an XAException, not a cause
        XAException xa = new XAException("Error trying to commit local transaction: An I/O error occurred");
        xa.errorCode = XAException.XA_RBCOMMFAIL;
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        Exception rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertEquals(
                503,
                DatabaseErrors.classify(new RuntimeException(rollback))
                        .orElseThrow()
                        .status());

        XAException bare = new XAException("connection lost");
        bare.errorCode = XAException.XA_RBCOMMFAIL;
        Exception commit = new IllegalStateException("could not commit");
        commit.addSuppressed(bare);
        assertEquals(503, DatabaseErrors.classify(commit).orElseThrow().status(), "a communication failure at commit");

        SQLException batch = new SQLException("Batch entry 0 INSERT … was aborted", "08006");
        SQLException outer = new SQLException("batch failed");
        outer.setNextException(new SQLException("Batch entry 0 was aborted", "57P01"));
        assertEquals(503, DatabaseErrors.classify(outer).orElseThrow().status(), "the next exception is read");
        assertEquals(503, DatabaseErrors.classify(batch).orElseThrow().status());

        Exception cycle = new IllegalStateException("a");
        Exception other = new IllegalStateException("b", cycle);
        cycle.addSuppressed(other);
        assertTrue(DatabaseErrors.classify(cycle).isEmpty(), "a cycle ends the search");
    }
}
