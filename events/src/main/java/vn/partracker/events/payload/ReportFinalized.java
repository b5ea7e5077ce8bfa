package vn.partracker.events.payload;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code partracker.report.finalized}: a periodic report was frozen; its content is identified by its hash. */
public record ReportFinalized(
        int schemaVersion,
        UUID id,
        UUID regimeId,
        String period,
        UUID agencyId,
        String contentHash,
        OffsetDateTime finalizedAt,
        String finalizedBy) {

    /** Current schema version of this payload. */
    public static final int SCHEMA_VERSION = 1;
}
