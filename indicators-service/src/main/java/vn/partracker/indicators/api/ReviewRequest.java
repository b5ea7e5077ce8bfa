package vn.partracker.indicators.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A review decision. Until the security issue lands there is no token to say who reviews, so the reviewer names its
 * agency here and it must be the indicator's evaluating agency; with JWT this will come from the {@code agency}
 * claim instead.
 *
 * @param reviewerAgencyId the reviewing agency; must be the indicator's evaluating agency
 * @param reason why (required to return or reopen)
 */
@Schema(name = "ReviewRequest")
public record ReviewRequest(
        @NotNull UUID reviewerAgencyId, @Size(max = 4000) String reason) {}
