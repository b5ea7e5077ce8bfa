package vn.partracker.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.AgencyKind;

/**
 * Body of {@code POST /api/agency-groups}: members are the agencies valid on a date that are listed in
 * {@code agencyIds}, or that meet every given criterion (kind in {@code kinds}, level in {@code levels}, below
 * {@code ancestorId}). "Các sở, ban ngành" = kinds DEPARTMENT, BOARD under the province.
 */
public record GroupRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only")
        String code,

        @NotBlank @Size(max = 500) String name,
        List<@NotNull AgencyKind> kinds,
        List<@NotBlank String> levels,
        UUID ancestorId,
        List<@NotNull UUID> agencyIds) {}
