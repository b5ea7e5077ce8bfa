package vn.partracker.plans.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyKind;

/** An agency as the API shows it; {@code version} is also the ETag. */
public record AgencyResponse(
        UUID id,
        String code,
        String name,
        String shortName,
        AgencyKind kind,
        String level,
        UUID parentId,
        List<String> sectors,
        LocalDate validFrom,
        LocalDate validTo,
        List<UUID> predecessorIds,
        long version) {

    /** Maps the entity; called inside the service layer only. */
    public static AgencyResponse of(Agency agency) {
        return new AgencyResponse(
                agency.id,
                agency.code,
                agency.name,
                agency.shortName,
                agency.kind,
                agency.level,
                agency.parentId,
                List.copyOf(agency.sectors),
                agency.validFrom,
                agency.validTo,
                List.copyOf(agency.predecessorIds),
                agency.version);
    }
}
