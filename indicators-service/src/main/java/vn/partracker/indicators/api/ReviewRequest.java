package vn.partracker.indicators.api;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A review decision. The reviewing agency is the caller's (the token's {@code agency} claim), which must be the
 * indicator's evaluating agency; {@code reviewerAgencyId} is kept for callers without an agency (an admin may name
 * the evaluating agency here, and leaving it out means the evaluating agency). Anyone else may only name its own
 * agency; the token decides.
 *
 * @param reviewerAgencyId optional: the reviewing agency, which must be the indicator's evaluating agency
 * @param reason why (required to return or reopen)
 */
@Schema(name = "ReviewRequest")
public record ReviewRequest(
        UUID reviewerAgencyId, @Size(max = 4000) String reason) {}
