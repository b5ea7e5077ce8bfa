package vn.partracker.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/agency-levels}: a new level of government, e.g. a special zone. */
public record AgencyLevelRequest(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9_]+", message = "upper-case letters, digits or '_' only")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotNull Integer order) {}
