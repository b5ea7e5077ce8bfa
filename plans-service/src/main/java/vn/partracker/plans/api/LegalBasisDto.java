package vn.partracker.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A "Căn cứ" of a plan: number, date, issuer and title of the higher document. */
public record LegalBasisDto(
        @NotBlank @Size(max = 100) String number,
        LocalDate issuedOn,
        @Size(max = 300) String issuer,
        @Size(max = 2000) String title) {}
