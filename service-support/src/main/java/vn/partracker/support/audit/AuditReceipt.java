package vn.partracker.support.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether the current HTTP request committed audit rows, so that {@link AuditSealFilter} chains them before the
 * answer is sent. Set by {@link AuditTrail}'s after-commit hook, never for a rolled-back write.
 */
@RequestScoped
public class AuditReceipt {

    private boolean committed;

    /** The request's transaction committed at least one audit row. */
    void committed() {
        committed = true;
    }

    /** Whether rows of this request wait to be chained. */
    boolean hasCommittedRows() {
        return committed;
    }
}
