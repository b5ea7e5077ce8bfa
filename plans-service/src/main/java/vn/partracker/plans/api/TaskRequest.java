package vn.partracker.plans.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/plans/{id}/tasks} and {@code PUT /api/tasks/{id}}. On an issued plan the change is an
 * amendment and needs {@code amendmentReason}.
 */
public record TaskRequest(
        @Size(max = 20) String sectionCode,
        @Size(max = 20) String ordinal,
        @NotBlank @Size(max = 4000) String title,
        @Size(max = 20000) String description,
        @Size(max = 32) String field,
        @NotEmpty List<@NotNull AgencyRefDto> leadAgencies,
        List<@NotNull AgencyRefDto> coordinatingAgencies,
        UUID monitoringAgencyId,
        @Size(max = 4000) String expectedOutput,
        @NotNull @Valid TimeframeInput timeframe,
        @Size(max = 4000) String legalBasis,
        @Size(max = 2000) String amendmentReason) {}
