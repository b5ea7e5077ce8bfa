package vn.partracker.plans.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code PATCH /api/plans/{id}}: only the fields present change. An issued plan changes only through an
 * amendment, so {@code amendmentReason} is required there and recorded with the before and after values.
 */
public record PlanPatchRequest(
        @Size(min = 1, max = 100) String number,
        @Size(min = 1, max = 2000) String title,
        UUID issuerId,
        LocalDate issuedOn,
        @Min(1990) @Max(2200) Integer year,
        LocalDate validFrom,
        LocalDate validTo,
        List<@Valid @NotNull LegalBasisDto> legalBases,
        @Size(max = 20000) String objectives,
        @Size(max = 20000) String requirements,
        List<@Valid @NotNull SectionDto> sections,
        UUID parentPlanId,
        @Size(max = 2000) String amendmentReason) {}
