package vn.partracker.events.payload;

import java.util.List;
import java.util.UUID;

/**
 * {@code partracker.agency-group.upserted}: a named, rule-based set of agencies ("Các sở, ban ngành", "UBND cấp
 * xã"). Consumers expand it at a date with their own agency replica: members are the agencies valid that day that
 * are listed explicitly, or that match every given criterion (kinds, levels, below {@code ancestorId}).
 */
public record AgencyGroupUpserted(
        int schemaVersion,
        UUID id,
        long version,
        String code,
        String name,
        List<String> kinds,
        List<String> levels,
        UUID ancestorId,
        List<UUID> agencyIds) {

    /** Current schema version of this payload. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * The membership rule every consumer applies, so the three services expand a group identically: an agency
     * valid on the date is a member when it is listed explicitly, or when the group has at least one criterion and
     * the agency meets all of them (kind in {@code kinds}, level in {@code levels}, {@code ancestorId} among its
     * ancestors on that date).
     *
     * @param agencyId the candidate agency
     * @param kind its kind
     * @param level its level code
     * @param ancestorsOnDate its ancestors in the hierarchy valid on the date (parent first)
     */
    public boolean includes(UUID agencyId, String kind, String level, java.util.Collection<UUID> ancestorsOnDate) {
        if (agencyIds != null && agencyIds.contains(agencyId)) {
            return true;
        }
        boolean hasKinds = kinds != null && !kinds.isEmpty();
        boolean hasLevels = levels != null && !levels.isEmpty();
        if (!hasKinds && !hasLevels && ancestorId == null) {
            return false;
        }
        return (!hasKinds || kinds.contains(kind))
                && (!hasLevels || levels.contains(level))
                && (ancestorId == null || ancestorsOnDate.contains(ancestorId));
    }
}
