package vn.partracker.events.payload;

import java.util.List;
import java.util.UUID;

/** {@code partracker.indicator.defined}: the full definition of an indicator after a create or update. */
public record IndicatorDefined(
        int schemaVersion,
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
        List<AgencyRef> performingAgencies,
        List<AgencyRef> coordinatingAgencies,
        UUID evaluatingAgencyId,
        List<TargetState> targets,
        List<ComponentState> components,
        String legalBasis) {

    /** Current schema version of this payload. */
    public static final int SCHEMA_VERSION = 1;
}
