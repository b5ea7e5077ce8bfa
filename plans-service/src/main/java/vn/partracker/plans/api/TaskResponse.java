package vn.partracker.plans.api;

import java.util.List;
import java.util.UUID;

/** A task as the API shows it; {@code version} is also the ETag. */
public record TaskResponse(
        UUID id,
        UUID planId,
        String sectionCode,
        String ordinal,
        String title,
        String description,
        String field,
        List<AgencyRefDto> leadAgencies,
        List<AgencyRefDto> coordinatingAgencies,
        UUID monitoringAgencyId,
        String expectedOutput,
        TimeframeResponse timeframe,
        String legalBasis,
        long version) {}
