package vn.partracker.events.payload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code partracker.agency.upserted}: the full state of one agency after a create or update, so that a replica
 * needs nothing else. {@code version} grows with every change; a replica ignores a version older than the one it has.
 * {@code parentId} is the parent today (or at {@code validTo} for an agency that no longer exists);
 * {@code parentLinks} is the whole effective-dated history, which replicas use to answer "the hierarchy on date D".
 */
public record AgencyUpserted(
        int schemaVersion,
        UUID id,
        long version,
        String code,
        String name,
        String shortName,
        String kind,
        String level,
        UUID parentId,
        List<ParentLink> parentLinks,
        List<String> sectors,
        LocalDate validFrom,
        LocalDate validTo,
        List<UUID> predecessorIds) {

    /** Current schema version of this payload. */
    public static final int SCHEMA_VERSION = 1;

    /** Whether the agency exists on {@code date} (validity bounds inclusive). */
    public boolean validOn(java.time.LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }

    /** The parent on {@code date} from {@link #parentLinks}, or empty for a root or a date outside every link. */
    public java.util.Optional<UUID> parentOn(java.time.LocalDate date) {
        if (parentLinks == null) {
            return java.util.Optional.ofNullable(parentId);
        }
        for (ParentLink link : parentLinks) {
            if (!link.validFrom().isAfter(date)
                    && (link.validTo() == null || !link.validTo().isBefore(date))) {
                return java.util.Optional.ofNullable(link.parentId());
            }
        }
        return java.util.Optional.empty();
    }
}
