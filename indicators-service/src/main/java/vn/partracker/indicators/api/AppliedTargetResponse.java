package vn.partracker.indicators.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code GET /api/indicators/{id}/target}: the rule that applies to an agency on a date and why.
 * When no rule applies the status is {@code NO_TARGET} and comparator, value and scope are {@code null}; that is a
 * normal answer (the agency's figures are then reported without a verdict), not an error.
 *
 * @param indicatorId the indicator
 * @param agencyId the agency asked about
 * @param asOf the day that decided which rules are valid
 * @param status {@code TARGET} or {@code NO_TARGET}
 * @param comparator the rule's comparator
 * @param value the rule's value
 * @param scope the rule's scope
 * @param validFrom the rule's first day, if bounded
 * @param validTo the rule's last day, if bounded
 * @param reason why the rule applies ({@code level COMMUNE}), or why none does
 */
@Schema(name = "AppliedTarget")
public record AppliedTargetResponse(
        UUID indicatorId,
        UUID agencyId,
        LocalDate asOf,
        String status,
        String comparator,
        BigDecimal value,
        TargetScopeDto scope,
        LocalDate validFrom,
        LocalDate validTo,
        String reason) {}
