package vn.partracker.support.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.partracker.support.security.Caller;
import vn.partracker.support.security.Role;

/**
 * Records every write in the audit trail, in the transaction of the write: the actor from the bearer token
 * ({@link Caller}), the action, the entity and its JSON before and after, the request id, chained by hash
 * ({@link AuditChain}).
 *
 * <p>The row is written unchained into {@code audit_pending} in the write's transaction, so it commits or rolls back
 * with the write and costs no lock: writes of a service do not wait for each other's commits. After the commit
 * {@link AuditSealer} chains it ({@code seq}, previous hash, hash) into {@code audit_entry}; for a write made by an
 * HTTP request this happens before the answer is sent ({@link AuditSealFilter}), so a client that reads the trail
 * after its write finds it there. Writes made outside a request (consumers, jobs) are chained by the sealer's own
 * thread within milliseconds.
 */
@ApplicationScoped
public class AuditTrail {

    /** The advisory lock key that orders the chaining of rows (arbitrary, fixed: "AUDIT" in ASCII). */
    static final long CHAIN_LOCK = 0x4155444954L;

    /** Marks a transaction that has registered its after-commit hook already. */
    private static final Object TRANSACTION_KEY = new Object();

    private final AuditRepository repository;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final AuditSealer sealer;

    public AuditTrail(
            AuditRepository repository,
            ObjectMapper json,
            TransactionSynchronizationRegistry transactions,
            AuditSealer sealer) {
        this.repository = repository;
        this.json = json;
        this.transactions = transactions;
        this.sealer = sealer;
    }

    /**
     * Appends one row for a write of the current transaction.
     *
     * @param action what happened, e.g. {@code measurement.submitted}
     * @param entityType the kind of entity, e.g. {@code Measurement}
     * @param entityId its id
     * @param before the entity before the write (an API record or any JSON-serialisable value); {@code null} when
     *     it is created
     * @param after the entity after the write; {@code null} when it is deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        append(null, action, entityType, entityId, before, after);
    }

    /**
     * Appends one row for a write of the current transaction that a person asked for in an earlier request and that
     * runs outside it (a durable job run by a background worker, possibly on another instance after a restart): the
     * actor is that person's subject, as the job recorded it, not {@code system}. Agency, roles and request id are
     * not known outside the request and stay empty; the row of the request that queued the job carries them.
     *
     * @param actor the subject of the person who asked for the work
     * @see #record
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOnBehalfOf(
            String actor, String action, String entityType, Object entityId, Object before, Object after) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor must name the person who asked for the work");
        }
        append(actor, action, entityType, entityId, before, after);
    }

    /**
     * The columns of an {@code audit_pending} row, in the order of {@link #values}: for a caller that writes the row
     * in the statement that makes the change ({@link #prepare}).
     */
    public static final String PENDING_COLUMNS = AuditRepository.PENDING_COLUMNS;

    /** The SQL types of {@link #PENDING_COLUMNS}, as casts for the placeholders of an {@code INSERT … SELECT}. */
    public static final String PENDING_PLACEHOLDERS = "?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    /**
     * The audit row of a write that the caller inserts itself, in the statement that makes the change (one round
     * trip where {@link #record} takes a second): the same row {@link #record} would write, and the same after-commit
     * sealing. The caller must insert {@link #values} into {@code audit_pending} ({@link #PENDING_COLUMNS}) in the
     * current transaction, exactly when the change is written.
     *
     * @see #record
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry prepare(String action, String entityType, Object entityId, Object before, Object after) {
        return entry(null, action, entityType, entityId, before, after);
    }

    /** The values of {@link #PENDING_COLUMNS} for a row of {@link #prepare}. */
    public static Object[] values(AuditEntry e) {
        return AuditRepository.pendingValues(e);
    }

    private void append(String actor, String action, String entityType, Object entityId, Object before, Object after) {
        repository.insertPending(entry(actor, action, entityType, entityId, before, after));
    }

    /** The unchained row of a write of the current transaction; its commit seals it (and the request waits). */
    private AuditEntry entry(
            String actor, String action, String entityType, Object entityId, Object before, Object after) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        String subject = actor == null ? Caller.SYSTEM : actor;
        String agency = null;
        String roles = "";
        String requestId = null;
        boolean inRequest = Caller.inRequest();
        if (inRequest && actor == null) {
            Caller caller = Arc.container().instance(Caller.class).get();
            if (caller.authenticated()) {
                subject = caller.subject();
                agency = caller.agencyCode().orElse(null);
                roles = caller.roles().stream().map(Role::claim).sorted().collect(Collectors.joining(","));
            }
            requestId = caller.requestId();
        }
        AuditEntry entry = new AuditEntry(
                0,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                subject,
                agency,
                roles,
                action,
                entityType,
                entityId.toString(),
                toJson(before),
                toJson(after),
                requestId,
                null,
                null);
        afterCommit(inRequest);
        return entry;
    }

    /** Once per transaction: after its commit, the request (if any) seals before answering and the sealer wakes. */
    private void afterCommit(boolean inRequest) {
        if (transactions.getResource(TRANSACTION_KEY) != null) {
            return;
        }
        transactions.putResource(TRANSACTION_KEY, Boolean.TRUE);
        AuditReceipt receipt =
                inRequest ? Arc.container().instance(AuditReceipt.class).get() : null;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                if (receipt != null) {
                    try {
                        receipt.committed();
                    } catch (ContextNotActiveException e) {
                        // the request ended with the commit: the sealer's thread chains the rows
                    }
                }
                sealer.wake();
            }
        });
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "audit value of type " + value.getClass().getName() + " is not JSON", e);
        }
    }
}
