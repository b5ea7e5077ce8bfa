package vn.partracker.support.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
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
 * <p>Appends are serialised by a transaction-scoped advisory lock so the chain has one order and no gaps; the
 * lock is held from the append to the commit, so services append last, after their own reads and checks.
 */
@ApplicationScoped
public class AuditTrail {

    /** The advisory lock key that orders appends (arbitrary, fixed: "AUDIT" in ASCII). */
    static final long CHAIN_LOCK = 0x4155444954L;

    private final AuditRepository repository;
    private final ObjectMapper json;

    public AuditTrail(AuditRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
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
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        String subject = Caller.SYSTEM;
        String agency = null;
        String roles = "";
        String requestId = null;
        if (Caller.inRequest()) {
            Caller caller = Arc.container().instance(Caller.class).get();
            if (caller.authenticated()) {
                subject = caller.subject();
                agency = caller.agencyCode().orElse(null);
                roles = caller.roles().stream().map(Role::claim).sorted().collect(Collectors.joining(","));
            }
            requestId = caller.requestId();
        }
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        repository.lockChain(CHAIN_LOCK);
        AuditRepository.Tail tail = repository.tail();
        AuditEntry unsigned = new AuditEntry(
                tail.seq() + 1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                subject,
                agency,
                roles,
                action,
                entityType,
                entityId.toString(),
                beforeJson,
                afterJson,
                requestId,
                tail.hash(),
                null);
        AuditEntry signed = withHash(unsigned, AuditChain.hash(unsigned));
        repository.insert(signed);
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

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(
                e.seq(),
                e.occurredAt(),
                e.actorSubject(),
                e.actorAgency(),
                e.actorRoles(),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.before(),
                e.after(),
                e.requestId(),
                e.prevHash(),
                hash);
    }
}
