package vn.partracker.indicators.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Closes a period: for one indicator, for every indicator of a plan, or (neither given) for all indicators.
 *
 * @param indicatorId one indicator
 * @param planId every indicator of one plan
 * @param period the closed period; periods inside it are closed too
 * @param reason shown as {@code lockReason} to whoever tries to change a figure
 */
@Schema(name = "PeriodLockRequest")
public record PeriodLockRequest(
        UUID indicatorId,
        UUID planId,
        @NotBlank @Size(max = 10) String period,
        @NotBlank @Size(max = 1000) String reason) {}
