package vn.partracker.support.consumer;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.partracker.support.deadletter.DeadLetterKind;
import vn.partracker.support.deadletter.DeadLetters;

/**
 * Applies a consumed record until it is applied or can never be: the consumers' one way of handling failure.
 *
 * <ul>
 *   <li>a transient failure ({@link TransientFailures#isTransient}) is retried in place with exponential backoff
 *       for as long as it lasts; the consumer method does not return meanwhile, so no offset is committed past the
 *       record and nothing is dead-lettered;
 *   <li>a failure saying the record refers to something not known yet ({@link
 *       TransientFailures#isUnknownReference}) is retried the same way for {@link RetryPolicy#unknownReferenceWait()},
 *       then dead-lettered with that reason;
 *   <li>an unreadable record (not a CloudEvent, not JSON) is dead-lettered at once;
 *   <li>anything else — a payload failing its schema, but also a failure nobody classified — is retried
 *       {@link RetryPolicy#unexplainedAttempts()} times and then dead-lettered: an exception thrown while the
 *       database connection breaks can look like anything (the PostgreSQL driver throws an {@code AssertionError}
 *       from a connection closed under it when assertions are on), and a few retries over a second or two tell
 *       such a hiccup from a record that fails every time.
 * </ul>
 *
 * A thread interrupted while waiting (the service stopping) gets an {@link IllegalStateException}: the record is
 * then neither applied nor committed, and is delivered again after the restart.
 */
@ApplicationScoped
public class RetryLoop {

    private final RetryPolicy policy;
    private final DeadLetters deadLetters;

    public RetryLoop(
            @ConfigProperty(name = "partracker.consumer.retry.initial-backoff", defaultValue = "100ms")
                    Duration initialBackoff,
            @ConfigProperty(name = "partracker.consumer.retry.max-backoff", defaultValue = "30s") Duration maxBackoff,
            @ConfigProperty(name = "partracker.consumer.retry.unknown-reference-wait", defaultValue = "2m")
                    Duration unknownReferenceWait,
            @ConfigProperty(name = "partracker.consumer.retry.unexplained-attempts", defaultValue = "5")
                    int unexplainedAttempts,
            DeadLetters deadLetters) {
        this.policy = new RetryPolicy(initialBackoff, maxBackoff, unknownReferenceWait, unexplainedAttempts);
        this.deadLetters = deadLetters;
    }

    /** The policy in force. */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Reads {@code record} as a CloudEvent and applies it with {@code apply} until it succeeds; a record that is not
     * a readable CloudEvent is dead-lettered at once.
     *
     * @return {@code true} when applied, {@code false} when dead-lettered
     */
    public boolean consume(ConsumerRecord<String, String> record, Consumer<IncomingEvent> apply) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (RuntimeException e) {
            deadLetters.send(
                    record,
                    DeadLetterKind.UNREADABLE,
                    String.valueOf(rootCause(e).getMessage()));
            return false;
        }
        return apply(record, () -> apply.accept(event));
    }

    /**
     * Runs {@code apply} for {@code record} until it succeeds, or dead-letters the record when it cannot succeed.
     *
     * @return {@code true} when applied, {@code false} when dead-lettered
     */
    public boolean apply(ConsumerRecord<String, String> record, Runnable apply) {
        return applyAll(List.of(record), () -> {
                    apply.run();
                    return List.of();
                })
                .isEmpty();
    }

    /**
     * Runs {@code attempt} over a batch until nothing is left to retry. Each attempt answers the failures of the
     * batch's records (the attempt must itself be idempotent: records applied by an earlier attempt are skipped);
     * while any of them is transient (or an unknown reference within its wait) the whole attempt is repeated after
     * a backoff, and once every remaining failure is permanent those records are dead-lettered.
     *
     * @param records the batch, in order
     * @param attempt one attempt: the failures, by position in {@code records}; it may also throw, which counts as
     *     a failure of the whole batch
     * @return the records that were dead-lettered
     */
    public List<ConsumerRecord<String, String>> applyAll(
            List<ConsumerRecord<String, String>> records, Supplier<List<Failure>> attempt) {
        long began = System.nanoTime();
        int failedAttempts = 0;
        while (true) {
            List<Failure> failures;
            try {
                failures = attempt.get();
            } catch (RuntimeException | AssertionError e) {
                // a transient failure of the whole attempt is retried like any other; a permanent one is every
                // record's failure
                failures = records.size() == 1 || TransientFailures.isTransient(e)
                        ? List.of(new Failure(0, e))
                        : IntStream.range(0, records.size())
                                .mapToObj(i -> new Failure(i, e))
                                .toList();
            }
            if (failures.isEmpty()) {
                if (failedAttempts > 0) {
                    Log.infof(
                            "%s: applied after %d failed attempts (%d ms)",
                            describe(records), failedAttempts, (System.nanoTime() - began) / 1_000_000);
                }
                return List.of();
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - began);
            boolean retry = false;
            for (Failure failure : failures) {
                if (TransientFailures.isTransient(failure.cause())
                        || (TransientFailures.isUnknownReference(failure.cause())
                                && waited.compareTo(policy.unknownReferenceWait()) < 0)
                        || (!TransientFailures.isUnknownReference(failure.cause())
                                && DeadLetterKind.of(failure.cause()) == DeadLetterKind.INVALID
                                && failedAttempts + 1 < policy.unexplainedAttempts())) {
                    retry = true;
                    break;
                }
            }
            if (!retry) {
                for (Failure failure : failures) {
                    ConsumerRecord<String, String> record = records.get(failure.index());
                    DeadLetterKind kind = TransientFailures.isUnknownReference(failure.cause())
                            ? DeadLetterKind.UNKNOWN_REFERENCE
                            : DeadLetterKind.of(failure.cause());
                    deadLetters.send(record, kind, reason(failure.cause(), kind, waited));
                }
                return failures.stream().map(f -> records.get(f.index())).toList();
            }
            failedAttempts++;
            Duration backoff = policy.backoff(failedAttempts);
            Throwable first = failures.get(0).cause();
            if (failedAttempts == 1 || Integer.bitCount(failedAttempts) == 1) {
                Log.warnf(
                        "%s: attempt %d failed (%s: %s); retrying in %d ms, offsets not committed",
                        describe(records),
                        failedAttempts,
                        rootCause(first).getClass().getSimpleName(),
                        rootCause(first).getMessage(),
                        backoff.toMillis());
            }
            sleep(backoff);
        }
    }

    /** A record of a batch (by position) that an attempt could not apply, and why. */
    public record Failure(int index, Throwable cause) {}

    private static String reason(Throwable cause, DeadLetterKind kind, Duration waited) {
        Throwable root = rootCause(cause);
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (kind == DeadLetterKind.UNKNOWN_REFERENCE) {
            return "refers to something unknown after waiting " + waited.toSeconds() + " s: " + text;
        }
        return text;
    }

    static Throwable rootCause(Throwable t) {
        Throwable current = t;
        for (int i = 0; i < 32 && current.getCause() != null && current.getCause() != current; i++) {
            current = current.getCause();
        }
        return current;
    }

    private static String describe(List<ConsumerRecord<String, String>> records) {
        ConsumerRecord<String, String> first = records.get(0);
        return records.size() == 1
                ? first.topic() + "/" + first.partition() + "@" + first.offset()
                : first.topic() + " batch of " + records.size() + " from " + first.partition() + "@" + first.offset();
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry; the record is not committed", e);
        }
    }
}
