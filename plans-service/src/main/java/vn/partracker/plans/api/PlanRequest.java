package vn.partracker.plans.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/plans}: a draft plan with the fields of the design page. */
public record PlanRequest(
        @NotBlank @Size(max = 100) String number,
        @NotBlank @Size(max = 2000) String title,
        @NotNull UUID issuerId,
        LocalDate issuedOn,
        @Min(1990) @Max(2200) Integer year,
        LocalDate validFrom,
        LocalDate validTo,
        List<@Valid @NotNull LegalBasisDto> legalBases,
        @Size(max = 20000) String objectives,
        @Size(max = 20000) String requirements,
        List<@Valid @NotNull SectionDto> sections,
        UUID parentPlanId) {}
