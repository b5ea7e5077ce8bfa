package vn.partracker.plans.service;

import java.util.Map;
import java.util.UUID;
import vn.partracker.plans.domain.Agency;

/**
 * Agency codes of an import resolved to ids: a code names a row of the file first (rows may name parents that come
 * later in the file), else an agency already in the directory. A new agency whose own row was rejected resolves to
 * nothing, so rows under it are rejected too instead of pointing at an agency that will not exist.
 */
final class AgencyCodes {

    private final Map<String, PlannedAgency> inFile;
    private final Map<String, Agency> stored;

    AgencyCodes(Map<String, PlannedAgency> inFile, Map<String, Agency> stored) {
        this.inFile = inFile;
        this.stored = stored;
    }

    /** The id the code stands for, or null when it names nothing that will exist. */
    UUID idOf(String code) {
        PlannedAgency row = inFile.get(code);
        if (row != null) {
            return row.rejected() && row.existing == null ? null : row.id;
        }
        Agency agency = stored.get(code);
        return agency == null ? null : agency.id;
    }
}
