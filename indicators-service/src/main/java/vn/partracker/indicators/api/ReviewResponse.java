package vn.partracker.indicators.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One recorded review decision (APPROVE, RETURN, REOPEN). */
@Schema(name = "Review")
public record ReviewResponse(
        UUID id,
        String action,
        String fromStatus,
        String toStatus,
        int revision,
        UUID reviewerAgencyId,
        String reason,
        Instant reviewedAt) {}
