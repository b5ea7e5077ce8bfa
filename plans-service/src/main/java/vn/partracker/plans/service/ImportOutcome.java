package vn.partracker.plans.service;

/**
 * What an import did with one row. Imports are idempotent by code, so a row that matches what is stored is
 * {@link #UNCHANGED} and publishes nothing; one problem anywhere makes the whole document's rows count as checked,
 * and the offending rows {@link #REJECTED}.
 */
public enum ImportOutcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    REJECTED;

    /** Whether the row writes something (and publishes an event). */
    public boolean writes() {
        return this == CREATED || this == UPDATED;
    }
}
