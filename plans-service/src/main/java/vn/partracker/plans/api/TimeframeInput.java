package vn.partracker.plans.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A timeframe as the plan words it; the structure is derived by the server and never rejects the wording. */
public record TimeframeInput(@NotNull @Size(max = 2000) String text) {}
