package vn.partracker.reporting.api;

import jakarta.validation.constraints.Size;

/** Who finalizes a report (until authentication names the user). */
public record FinalizeRequest(@Size(max = 200) String finalizedBy) {}
