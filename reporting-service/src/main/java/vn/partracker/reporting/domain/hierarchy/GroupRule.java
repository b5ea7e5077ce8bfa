package vn.partracker.reporting.domain.hierarchy;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.partracker.events.payload.AgencyGroupUpserted;

/**
 * A rule-based agency group ("Các sở, ban ngành", "UBND cấp xã"). Membership is decided by
 * {@link AgencyGroupUpserted#includes}, the one rule all services share, so the three services expand a group
 * identically.
 */
public record GroupRule(
        UUID id,
        String code,
        String name,
        List<String> kinds,
        List<String> levels,
        UUID ancestorId,
        List<UUID> agencyIds) {

    /** Whether the agency, with its ancestors on the date, is a member. */
    public boolean includes(AgencyNode agency, Collection<UUID> ancestorsOnDate) {
        return new AgencyGroupUpserted(
                        AgencyGroupUpserted.SCHEMA_VERSION, id, 0, code, name, kinds, levels, ancestorId, agencyIds)
                .includes(agency.id(), agency.kind(), agency.level(), ancestorsOnDate);
    }
}
