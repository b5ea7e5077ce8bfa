package vn.partracker.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/par-fields}: a province's own PAR field code. */
public record ParFieldRequest(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9_]+", message = "upper-case letters, digits or '_' only")
        String code,

        @NotBlank @Size(max = 300) String name,
        @NotNull Integer order) {}
