package vn.partracker.plans.service;

import java.util.List;
import java.util.UUID;
import vn.partracker.plans.api.AgencyImportRow;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyKind;
import vn.partracker.plans.domain.hierarchy.ParentPeriod;
import vn.partracker.plans.domain.hierarchy.Validity;
import vn.partracker.support.id.TimeOrderedIds;

/**
 * The state one import row leads to, worked out before anything is written: the whole document is checked first,
 * so a directory is never half-imported. Filled in step by step by {@link AgencyImportPlanner}.
 */
final class PlannedAgency {

    /** The 1-based row number in the document. */
    final int row;

    /** The row as sent. */
    final AgencyImportRow src;

    /** The stored agency with the row's code, or null for a new one. */
    final Agency existing;

    /** The agency's id: the stored one, or a fresh one for a new agency. */
    final UUID id;

    AgencyKind kind;
    UUID parentId;
    List<UUID> predecessorIds = List.of();
    List<ParentPeriod> oldPeriods = List.of();
    List<ParentPeriod> periods = List.of();
    ImportOutcome outcome;

    PlannedAgency(int row, AgencyImportRow src, Agency existing) {
        this.row = row;
        this.src = src;
        this.existing = existing;
        this.id = existing != null ? existing.id : TimeOrderedIds.next();
    }

    /** Where the row is in the document, as problems name it. */
    String path() {
        return "rows[" + row + "]";
    }

    boolean rejected() {
        return outcome == ImportOutcome.REJECTED;
    }

    void reject() {
        outcome = ImportOutcome.REJECTED;
    }

    /** The validity the row asks for, or null when the row gives no start. */
    Validity validity() {
        return src.validFrom() == null ? null : new Validity(src.validFrom(), src.validTo());
    }

    /** Whether the row changes the stored parent history (always, for a new agency). */
    boolean changesParents() {
        return !periods.equals(oldPeriods);
    }
}
