package vn.partracker.events.payload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code partracker.agency.upserted}: the full state of one agency after a create or update, so that a replica
 * needs nothing else. {@code version} grows with every change; a replica ignores a version older than the one it has.
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
        List<String> sectors,
        LocalDate validFrom,
        LocalDate validTo,
        List<UUID> predecessorIds) {

    /** Current schema version of this payload. */
    public static final int SCHEMA_VERSION = 1;
}
