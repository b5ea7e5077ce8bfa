package vn.partracker.support.audit;

/**
 * The result of recomputing the audit chain.
 *
 * @param intact whether every row matched
 * @param checked rows read, up to and including the first broken one
 * @param firstBrokenSeq {@code seq} of the first row that breaks the chain, {@code null} when intact
 * @param reason why that row breaks it, {@code null} when intact
 */
public record AuditVerification(boolean intact, long checked, Long firstBrokenSeq, String reason) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null);
    }

    static AuditVerification broken(long checked, long seq, String reason) {
        return new AuditVerification(false, checked, seq, "row " + seq + ": " + reason);
    }
}
