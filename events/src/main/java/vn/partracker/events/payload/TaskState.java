package vn.partracker.events.payload;

import java.util.List;
import java.util.UUID;

/** Full state of one task of a plan. */
public record TaskState(
        UUID id,
        UUID planId,
        String sectionCode,
        String ordinal,
        String title,
        String field,
        List<AgencyRef> leadAgencies,
        List<AgencyRef> coordinatingAgencies,
        UUID monitoringAgencyId,
        String expectedOutput,
        TimeframeState timeframe,
        long version) {}
