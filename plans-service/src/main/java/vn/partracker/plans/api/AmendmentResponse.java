package vn.partracker.plans.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A recorded change to an issued plan. */
public record AmendmentResponse(
        UUID id,
        UUID planId,
        long versionBefore,
        long versionAfter,
        String reason,
        List<String> changedFields,
        Map<String, Object> before,
        Map<String, Object> after,
        Instant amendedAt,
        String amendedBy) {}
