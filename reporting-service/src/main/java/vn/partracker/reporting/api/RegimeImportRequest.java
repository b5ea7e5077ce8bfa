package vn.partracker.reporting.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Several regimes with their expected reporters in one document (demo data, configuration as code). Regimes whose
 * code already exists are left unchanged, so importing the same document twice creates nothing the second time.
 */
@Schema(description = "Regimes to create with their expected reporters")
public record RegimeImportRequest(
        @NotNull @NotEmpty @Size(max = 100) List<@Valid @NotNull Entry> regimes) {

    /** One regime and its expected reporters. */
    public record Entry(@Valid @NotNull RegimeRequest regime, List<@Valid @NotNull ExpectedAgenciesRequest> expected) {}
}
