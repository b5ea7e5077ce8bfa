package vn.partracker.support.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import vn.partracker.support.outbox.RelayDecisions.Gate;
import vn.partracker.support.outbox.RelayDecisions.Verdict;

class RelayDecisionsTest {

    private static final int MAX = 10;

    @Test
    void anAcknowledgedRowIsSent() {
        assertEquals(Verdict.SENT, RelayDecisions.decide(null, false, 3, MAX));
    }

    @Test
    void aRecordTooLargeIsParkedAtOnceEvenOnItsFirstTry() {
        Throwable error = new ExecutionException(new RecordTooLargeException("The message is 1048600 bytes"));
        assertEquals(Verdict.PARK, RelayDecisions.decide(error, true, 0, MAX));
        assertEquals(Verdict.PARK, RelayDecisions.decide(error, false, 0, MAX), "no broker needed to know");
        assertEquals(Verdict.PARK, RelayDecisions.decide(new SerializationException("bad"), true, 0, MAX));
        assertEquals(
                Verdict.PARK,
                RelayDecisions.decide(new RelayDecisions.MalformedRowException("row 7", null), false, 0, MAX));
    }

    @Test
    void nothingIsCountedOrParkedWhileTheBrokerIsUnreachable() {
        Throwable timeout = new ExecutionException(new TimeoutException("Expiring 3 record(s) after 10002 ms"));
        assertEquals(Verdict.OUTAGE, RelayDecisions.decide(timeout, false, 0, MAX));
        assertEquals(Verdict.OUTAGE, RelayDecisions.decide(timeout, false, MAX - 1, MAX), "not even the last try");
        assertEquals(Verdict.OUTAGE, RelayDecisions.decide(new NetworkException("down"), false, 500, MAX));
    }

    @Test
    void aRowTheAnsweringBrokerRefusesIsRetriedThenParkedAtMaxAttempts() {
        Throwable refused = new ExecutionException(new InvalidTopicException("Invalid topics: [bad topic]"));
        for (int before = 0; before < MAX - 1; before++) {
            assertEquals(Verdict.RETRY, RelayDecisions.decide(refused, true, before, MAX), "attempt " + (before + 1));
        }
        assertEquals(Verdict.PARK, RelayDecisions.decide(refused, true, MAX - 1, MAX));
        assertEquals(Verdict.RETRY, RelayDecisions.decide(new NotLeaderOrFollowerException("moving"), true, 0, MAX));
        assertEquals(Verdict.PARK, RelayDecisions.decide(refused, true, 0, 1), "max-attempts 1 parks at once");
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCap() {
        Duration initial = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(5);
        assertEquals(Duration.ofSeconds(1), RelayDecisions.backoff(1, initial, max));
        assertEquals(Duration.ofSeconds(2), RelayDecisions.backoff(2, initial, max));
        assertEquals(Duration.ofSeconds(256), RelayDecisions.backoff(9, initial, max));
        assertEquals(max, RelayDecisions.backoff(10, initial, max));
        assertEquals(max, RelayDecisions.backoff(1_000, initial, max), "no overflow");
        long total = 0;
        for (int attempt = 1; attempt < 10; attempt++) {
            total += RelayDecisions.backoff(attempt, initial, max).toSeconds();
        }
        assertEquals(511, total, "10 tries with the defaults span about 8.5 minutes before parking");
    }

    @Test
    void aFailedRowHoldsBackOnlyTheLaterRowsOfItsKeyInTheRun() {
        Gate gate = new Gate();
        assertTrue(gate.admits("t", "plan-1"));
        gate.failed("t", "plan-1", new NotLeaderOrFollowerException("x"));
        assertFalse(gate.admits("t", "plan-1"), "later rows of the key wait");
        assertTrue(gate.admits("t", "plan-2"), "other keys on the same topic flow");
        assertTrue(gate.admits("u", "plan-3"));
    }

    @Test
    void aTopicWithoutMetadataIsSkippedForTheRestOfTheRunAndBlocksTheKeysItSkips() {
        Gate gate = new Gate();
        gate.failed("bad topic", "a", new InvalidTopicException("Invalid topics: [bad topic]"));
        assertFalse(gate.admits("bad topic", "b"), "no second wait on the same missing topic");
        assertFalse(gate.admits("good", "b"), "b's later rows keep its order behind the skipped row");
        assertTrue(gate.admits("good", "c"));

        Gate timeouts = new Gate();
        timeouts.failed("new", "a", new TimeoutException("Topic new not present in metadata after 10000 ms."));
        assertFalse(timeouts.admits("new", "z"));
        Gate plain = new Gate();
        plain.failed("t", "a", new TimeoutException("Expiring 1 record(s)"));
        assertTrue(plain.admits("t", "z"), "a delivery time-out is not about the topic");
    }

    @Test
    void theReasonNamesTheRootError() {
        String reason = RelayDecisions.reason(
                new ExecutionException(new RecordTooLargeException("The message is 2000000 bytes")));
        assertEquals("RecordTooLargeException: The message is 2000000 bytes", reason);
        assertEquals(
                2000,
                RelayDecisions.reason(new IllegalStateException("x".repeat(5000)))
                        .length());
    }

    @Test
    void aFailureCountsOnlyWhenTheBrokerAnsweredAboutTheRow() {
        Throwable expired = new ExecutionException(new TimeoutException("Expiring 1 record(s) for t-0: 3002 ms"));
        Throwable unknownTopic = new TimeoutException("Topic t not present in metadata after 3000 ms.");
        Throwable invalid = new ExecutionException(new InvalidTopicException("bad topic"));
        assertFalse(RelayDecisions.countsAgainstRow(expired, false, false), "broker unreachable");
        assertFalse(RelayDecisions.countsAgainstRow(invalid, false, false), "broker unreachable");
        assertFalse(
                RelayDecisions.countsAgainstRow(expired, false, true),
                "the probe got through but the row's delivery expired: a producer still reconnecting");
        assertFalse(RelayDecisions.countsAgainstRow(new NetworkException("reset"), false, true));
        assertFalse(RelayDecisions.countsAgainstRow(new java.util.concurrent.TimeoutException(), false, true));
        assertTrue(RelayDecisions.countsAgainstRow(unknownTopic, false, true), "the broker has no such topic");
        assertTrue(RelayDecisions.countsAgainstRow(invalid, false, true));
        assertTrue(RelayDecisions.countsAgainstRow(expired, true, false), "other rows of the run got through");
    }

    @Test
    void aBrokenProducerIsNeverARowsFault() {
        Throwable closed = new IllegalStateException("Cannot perform operation after producer has been closed");
        Throwable fatal = new ExecutionException(new org.apache.kafka.common.KafkaException("fatal producer state"));
        Throwable interrupted = new org.apache.kafka.common.errors.InterruptException("Flush interrupted.");
        for (Throwable error : java.util.List.of(closed, fatal, interrupted)) {
            assertFalse(RelayDecisions.countsAgainstRow(error, false, true), error.toString());
            assertFalse(RelayDecisions.countsAgainstRow(error, true, true), error + " while other rows got through");
            assertEquals(Verdict.OUTAGE, RelayDecisions.decide(error, false, MAX - 1, MAX), "never parked");
        }
    }

    @Test
    void slowEmptyClaimsDoubleThePollWaitUpToEightIntervalsAndAnyOtherRunResetsIt() {
        long poll = 500;
        long wait = poll;
        long[] expected = {1000, 2000, 4000, 4000};
        for (long e : expected) {
            // 45 ms for a claim that found nothing: an open import's uncommitted rows were read and skipped
            wait = RelayDecisions.pollWaitMillis(wait, 0, 45, poll);
            assertEquals(e, wait);
        }
        assertEquals(poll, RelayDecisions.pollWaitMillis(wait, 0, 2, poll), "a fast empty claim: nothing is open");
        assertEquals(poll, RelayDecisions.pollWaitMillis(wait, 3, 45, poll), "a run that published");
    }
}
