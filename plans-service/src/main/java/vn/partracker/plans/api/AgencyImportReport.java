package vn.partracker.plans.api;

import java.util.List;

/**
 * What an agency import did (or, with {@code dryRun}, would do). A rejected import writes nothing and answers 400
 * listing every problem; this report is the answer of an accepted one.
 */
public record AgencyImportReport(
        boolean dryRun,
        int created,
        int updated,
        int unchanged,
        int rejected,
        int groupsCreated,
        int groupsUpdated,
        int groupsUnchanged,
        List<Row> rows,
        List<ImportProblem> problems) {

    /**
     * The outcome for one row.
     *
     * @param row the 1-based row number (CSV: data rows after the header)
     * @param code the agency code
     * @param outcome CREATED, UPDATED, UNCHANGED or REJECTED
     * @param id the agency id (null for a row that was rejected or would be created in a dry run)
     */
    public record Row(int row, String code, String outcome, java.util.UUID id) {}
}
