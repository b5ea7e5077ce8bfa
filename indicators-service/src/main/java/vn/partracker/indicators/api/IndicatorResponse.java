package vn.partracker.indicators.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An indicator as answered by the API; the fields of {@link IndicatorRequest} plus id, version (the ETag) and
 * timestamps.
 */
@Schema(name = "Indicator")
public record IndicatorResponse(
        UUID id,
        long version,
        UUID planId,
        String group,
        String ordinal,
        String name,
        String unit,
        String kind,
        String numeratorLabel,
        String denominatorLabel,
        String direction,
        String frequency,
        List<AgencyRefDto> performingAgencies,
        List<AgencyRefDto> coordinatingAgencies,
        UUID evaluatingAgencyId,
        String legalBasis,
        List<TargetDto> targets,
        List<ComponentDto> components,
        Instant createdAt,
        Instant updatedAt) {}
