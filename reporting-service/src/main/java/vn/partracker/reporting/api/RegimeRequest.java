package vn.partracker.reporting.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partracker.events.period.Frequency;
import vn.partracker.reporting.domain.window.CutoffRule;

/**
 * A report regime as a client writes it. The recipient is named by id or by code, plans by id or by number
 * ("59/QĐ-UBND"); codes and numbers are resolved against this service's replicas when a report is computed.
 *
 * @param code stable identifier of the regime, unique (e.g. KT.BC-KSTTHC-QUY)
 * @param deadlineOffsets days after the last day of the cut-off window, per agency level; the key DEFAULT applies to
 *     levels not listed (0 when absent)
 */
@Schema(description = "A report regime (chế độ báo cáo)")
public record RegimeRequest(
        @NotBlank @Size(max = 80) String code,
        @NotBlank @Size(max = 500) String name,
        @Size(max = 2000) String legalBasis,
        @NotNull Frequency frequency,
        @NotNull CutoffRule rule,
        UUID recipientAgencyId,
        @Size(max = 80) String recipientAgencyCode,
        @NotNull @NotEmpty Map<@NotBlank @Size(max = 40) String, @NotNull Integer> deadlineOffsets,
        List<@NotNull UUID> planIds,
        List<@NotBlank String> planNumbers,
        List<@NotNull UUID> indicatorIds) {}
