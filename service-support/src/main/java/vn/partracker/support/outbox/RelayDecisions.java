package vn.partracker.support.outbox;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The relay's decisions about a row that failed to publish, without Kafka or a database, so they are unit-tested.
 *
 * <p>How a permanent failure is told from an outage: a row's {@code attempts} grow only when the broker is known to
 * be up and to have answered about that row ({@link #countsAgainstRow}) — another row of the same run was
 * acknowledged, or the broker answered a cluster probe after the failures and the row's error is not a lost
 * connection or an expired delivery (which is what a broker that just came back looks like to a producer still
 * reconnecting). While the broker is unreachable nothing is counted and nothing is parked: the rows wait and the
 * relay backs off as a whole. A row whose error can never go away (too large, unserialisable) is parked at once; any
 * other refusal (unknown or invalid topic, a broker error) is retried with a per-row backoff and parked after
 * {@code max-attempts}, because an operator may fix it meanwhile (e.g. create the topic). An error of the client
 * itself (not an {@link ApiException}: a producer closed or left in a fatal state) never counts against a row; the
 * relay replaces its producer instead.
 */
final class RelayDecisions {

    /** What happens to a row after one relay run. */
    enum Verdict {
        /** Acknowledged by the broker: mark it sent. */
        SENT,
        /** Refused while the broker is up: count the attempt, try again after a backoff. */
        RETRY,
        /** Failed for good: park it with its reason; later rows of its key wait for an operator. */
        PARK,
        /** Failed while the broker is unreachable: not the row's fault, count nothing. */
        OUTAGE
    }

    private RelayDecisions() {}

    /**
     * A claim that found nothing yet took this long was reading index entries of rows a transaction has written but
     * not committed (a long import's events: up to 100,000 entries the claim must look at and skip, 40–50 ms a time).
     */
    static final long SLOW_EMPTY_CLAIM_MILLIS = 10;

    /** The longest wait between two polls is this many times the poll interval. */
    static final long MAX_POLL_FACTOR = 8;

    /**
     * How long the relay waits for a commit signal before it polls again, after a run that published fewer rows than
     * a batch. Polling is the safety net for rows another instance wrote (a commit of this instance signals and wakes
     * the relay at once); a poll that found nothing but was slow means an open transaction holds many unsent rows,
     * whose entries every claim reads again until they commit, so the wait doubles up to {@value #MAX_POLL_FACTOR}
     * poll intervals (during a 15-second import of 100,000 figures: about 8 claims instead of 30, 1.5–2 s less
     * database time beside the import). Any other run returns to the poll interval.
     *
     * @param previousMillis the wait chosen after the previous run
     * @param published rows the run published
     * @param claimMillis how long the run's claim took
     * @param pollMillis the configured poll interval
     * @return the wait in milliseconds
     */
    static long pollWaitMillis(long previousMillis, int published, long claimMillis, long pollMillis) {
        if (published > 0 || claimMillis < SLOW_EMPTY_CLAIM_MILLIS) {
            return pollMillis;
        }
        return Math.min(Math.max(previousMillis, pollMillis) * 2, pollMillis * MAX_POLL_FACTOR);
    }

    /**
     * Decides a row's fate.
     *
     * @param error why publishing failed, {@code null} when the broker acknowledged it
     * @param brokerUp whether the broker was shown to be reachable during the run
     * @param attemptsBefore attempts counted for the row before this run
     * @param maxAttempts attempts after which a refused row is parked
     */
    static Verdict decide(Throwable error, boolean brokerUp, int attemptsBefore, int maxAttempts) {
        if (error == null) {
            return Verdict.SENT;
        }
        Throwable cause = unwrap(error);
        if (neverSucceeds(cause)) {
            return Verdict.PARK;
        }
        if (!brokerUp) {
            return Verdict.OUTAGE;
        }
        return attemptsBefore + 1 >= maxAttempts ? Verdict.PARK : Verdict.RETRY;
    }

    /**
     * Whether a failed row's error counts as one of its attempts.
     *
     * @param error the row's error
     * @param acknowledgedInRun whether the broker acknowledged another row of the same run
     * @param probeAnswered whether the broker answered the cluster probe after the failures
     */
    static boolean countsAgainstRow(Throwable error, boolean acknowledgedInRun, boolean probeAnswered) {
        if (!(unwrap(error) instanceof ApiException)) {
            // the client's own state (a closed or fatally failed producer, an interrupt), not the broker's answer
            // about this row: the relay replaces the producer and the row is not to blame
            return false;
        }
        if (acknowledgedInRun) {
            return true;
        }
        return probeAnswered && !connectionLoss(error);
    }

    /** A lost connection or a delivery that expired unanswered, as opposed to the broker refusing the row. */
    static boolean connectionLoss(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof org.apache.kafka.common.errors.NetworkException) {
            return true;
        }
        return cause instanceof TimeoutException && !topicWide(cause);
    }

    /** An error that publishing the same row again can never fix. */
    static boolean neverSucceeds(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof RecordTooLargeException
                || cause instanceof RecordBatchTooLargeException
                || cause instanceof SerializationException
                || cause instanceof MalformedRowException;
    }

    /**
     * An error about the topic itself (no metadata for it): every later row of that topic in the same run would
     * wait the full send timeout for the same answer, so the run skips them.
     */
    static boolean topicWide(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof InvalidTopicException
                || cause instanceof UnknownTopicOrPartitionException
                || cause instanceof TopicAuthorizationException
                || (cause instanceof TimeoutException
                        && String.valueOf(cause.getMessage()).contains("not present in metadata"));
    }

    /**
     * The wait before a refused row's next try: {@code initial} after the first refusal, doubling up to {@code max}.
     *
     * @param attempts attempts counted so far, including the one that just failed (at least 1)
     */
    static Duration backoff(int attempts, Duration initial, Duration max) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** The reason stored with a failed row: the root exception's class and message. */
    static String reason(Throwable error) {
        Throwable cause = unwrap(error);
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Keeps per-key order within one run: once a row of a key failed (or was skipped), no later row of that key is
     * sent in this run; once a topic failed for want of metadata, no later row of that topic is tried in this run.
     */
    static final class Gate {

        private final Set<String> blockedKeys = new HashSet<>();
        private final Set<String> blockedTopics = new HashSet<>();

        /** Whether a row of {@code key} on {@code topic} may be sent now; a refused row blocks its key. */
        boolean admits(String topic, String key) {
            if (blockedKeys.contains(key)) {
                return false;
            }
            if (blockedTopics.contains(topic)) {
                blockedKeys.add(key);
                return false;
            }
            return true;
        }

        /** Records that a row of {@code key} failed with {@code error}. */
        void failed(String topic, String key, Throwable error) {
            blockedKeys.add(key);
            if (topicWide(error)) {
                blockedTopics.add(topic);
            }
        }
    }

    /** A stored row that cannot be turned into a Kafka record (e.g. a missing column value). */
    static final class MalformedRowException extends RuntimeException {
        MalformedRowException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
