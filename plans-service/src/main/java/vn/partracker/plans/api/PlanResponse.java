package vn.partracker.plans.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.PlanStatus;

/** A plan as the API shows it; {@code version} is also the ETag. */
public record PlanResponse(
        UUID id,
        String number,
        String title,
        UUID issuerId,
        LocalDate issuedOn,
        Integer year,
        LocalDate validFrom,
        LocalDate validTo,
        List<LegalBasisDto> legalBases,
        String objectives,
        String requirements,
        List<SectionDto> sections,
        UUID parentPlanId,
        PlanStatus status,
        long taskCount,
        long version) {}
