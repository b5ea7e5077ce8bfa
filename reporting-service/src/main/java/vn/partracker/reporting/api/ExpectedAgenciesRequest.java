package vn.partracker.reporting.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Agencies or groups expected to send a regime's report from {@code validFrom} to {@code validTo} (inclusive, open
 * when null).
 */
@Schema(description = "Effective-dated expected reporters of a regime")
public record ExpectedAgenciesRequest(
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @NotNull @NotEmpty @Size(max = 2000) List<@Valid @NotNull Member> agencies) {

    /** One agency or group, by id or by code: exactly one of the four. */
    public record Member(
            UUID agencyId,
            @Size(max = 80) String agencyCode,
            UUID groupId,
            @Size(max = 80) String groupCode) {}
}
