package vn.partracker.plans.api;

import java.util.List;
import java.util.UUID;

/** An agency group and its membership rule; {@code version} is also the ETag. */
public record GroupResponse(
        UUID id,
        String code,
        String name,
        List<String> kinds,
        List<String> levels,
        UUID ancestorId,
        List<UUID> agencyIds,
        long version) {}
