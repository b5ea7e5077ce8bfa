package vn.partracker.reporting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.events.period.Frequency;
import vn.partracker.reporting.domain.window.CutoffRule;

/** A report regime with its expected reporters; {@code version} is the ETag. */
public record RegimeResponse(
        UUID id,
        String code,
        String name,
        String legalBasis,
        Frequency frequency,
        CutoffRule rule,
        UUID recipientAgencyId,
        String recipientAgencyCode,
        Map<String, Integer> deadlineOffsets,
        List<UUID> planIds,
        List<String> planNumbers,
        List<UUID> indicatorIds,
        List<ExpectedAgencyResponse> expectedAgencies,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** One effective-dated expectation. */
    public record ExpectedAgencyResponse(
            UUID id,
            UUID agencyId,
            String agencyCode,
            UUID groupId,
            String groupCode,
            LocalDate validFrom,
            LocalDate validTo) {}
}
