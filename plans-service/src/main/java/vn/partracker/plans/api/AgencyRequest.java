package vn.partracker.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partracker.plans.domain.AgencyKind;

/**
 * Body of {@code POST /api/agencies} and {@code PUT /api/agencies/{id}}: one agency as the design page names its
 * fields. On create, {@code parentId} is the parent from {@code validFrom}. On update, a different {@code parentId}
 * with {@code parentChangedOn} moves the agency from that day (the earlier history stays); without it, it corrects
 * the parent of an agency that never moved.
 */
public record AgencyRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only")
        String code,

        @NotBlank @Size(max = 500) String name,
        @Size(max = 100) String shortName,
        @NotNull AgencyKind kind,
        @NotBlank @Size(max = 32) String level,
        UUID parentId,
        List<@NotBlank @Size(max = 64) String> sectors,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        List<@NotNull UUID> predecessorIds,

        @Schema(description = "Update only: the day the agency moves under parentId")
        LocalDate parentChangedOn) {}
