package vn.partracker.plans.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/plans/import}: a whole plan in one document, so another government system can send it
 * at once. Agencies are named by code, groups by code or name. Validation happens in the service, so that a dry run
 * can report every problem with its path instead of stopping at the first.
 */
public record PlanImportDocument(
        String number,
        String title,
        String issuer,
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
        List<Task> tasks,
        Boolean issue) {

    /** One task; {@code monitoringAgency} is an agency code. */
    public record Task(
            String sectionCode,
            String ordinal,
            String title,
            String description,
            String field,
            List<Ref> leadAgencies,
            List<Ref> coordinatingAgencies,
            String monitoringAgency,
            String expectedOutput,
            TimeframeInput timeframe,
            String legalBasis) {}

    /** An agency by code ({@code agency}) or a group by code or name ({@code group}); exactly one. */
    public record Ref(String agency, String group) {}
}
