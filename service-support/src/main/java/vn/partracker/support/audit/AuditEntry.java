package vn.partracker.support.audit;

import java.time.Instant;

/**
 * One row of the audit trail: who (subject, agency, roles) did what (action) to which entity, when, with the
 * entity's JSON before and after, and the request it came from. {@code prevHash} is the previous row's
 * {@code hash}; {@code hash} is {@link AuditChain#hash} over this row's content and {@code prevHash}.
 *
 * @param seq position in the chain, from 1, without gaps
 * @param before JSON of the entity before the write; {@code null} for a creation
 * @param after JSON of the entity after the write; {@code null} for a deletion
 */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actorSubject,
        String actorAgency,
        String actorRoles,
        String action,
        String entityType,
        String entityId,
        String before,
        String after,
        String requestId,
        String prevHash,
        String hash) {

    /** The same row with its chain hash set. */
    public AuditEntry withHash(String chainHash) {
        return new AuditEntry(
                seq,
                occurredAt,
                actorSubject,
                actorAgency,
                actorRoles,
                action,
                entityType,
                entityId,
                before,
                after,
                requestId,
                prevHash,
                chainHash);
    }
}
