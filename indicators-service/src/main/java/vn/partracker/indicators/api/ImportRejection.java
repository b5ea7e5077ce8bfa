package vn.partracker.indicators.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to an all-or-nothing import with rejected rows (422): RFC 9457 problem details whose extension members
 * are the fields of {@link ImportSummary} under the same names, so a client reading {@code rejected} or
 * {@code rejectedRows} keeps working. The one exception is the summary's {@code status} ({@code REJECTED}), which
 * becomes {@code importStatus} because {@code status} is the problem's HTTP status.
 */
@Schema(name = "ImportRejection", description = "422 problem details carrying the import summary")
public record ImportRejection(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        UUID id,
        String kind,
        String importStatus,
        String mode,
        boolean dryRun,
        boolean committed,
        int rows,
        int imported,
        int updated,
        int unchanged,
        int rejectedRows,
        List<RejectedRow> rejected,
        String error,
        Instant startedAt,
        Instant finishedAt) {

    /** The problem type of a rejected import. */
    public static final String TYPE = "https://partracker.vn/problems/import-rejected";

    /** The HTTP status of a rejected import. */
    public static final int STATUS = 422;

    /**
     * @param summary the import's outcome, status {@code REJECTED}
     * @param instance the request path
     */
    public static ImportRejection of(ImportSummary summary, String instance) {
        return new ImportRejection(
                TYPE,
                "Import rejected",
                STATUS,
                summary.rejectedRows() + " of " + summary.rows()
                        + " rows were rejected; in all-or-nothing mode nothing was written",
                instance,
                summary.id(),
                summary.kind(),
                summary.status(),
                summary.mode(),
                summary.dryRun(),
                summary.committed(),
                summary.rows(),
                summary.imported(),
                summary.updated(),
                summary.unchanged(),
                summary.rejectedRows(),
                summary.rejected(),
                summary.error(),
                summary.startedAt(),
                summary.finishedAt());
    }
}
