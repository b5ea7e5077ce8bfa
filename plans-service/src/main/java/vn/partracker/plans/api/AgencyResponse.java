package vn.partracker.plans.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.AgencyKind;

/**
 * An agency as the API shows it. {@code parentId} is the parent on the date asked for (today by default);
 * {@code parentLinks} is the whole history. {@code version} is also the ETag.
 */
public record AgencyResponse(
        UUID id,
        String code,
        String name,
        String shortName,
        AgencyKind kind,
        String level,
        UUID parentId,
        List<ParentLinkResponse> parentLinks,
        List<String> sectors,
        LocalDate validFrom,
        LocalDate validTo,
        List<UUID> predecessorIds,
        long version) {}
