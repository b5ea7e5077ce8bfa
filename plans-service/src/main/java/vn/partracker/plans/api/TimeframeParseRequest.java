package vn.partracker.plans.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/timeframes/parse}. */
public record TimeframeParseRequest(
        @NotNull @Size(max = 2000) String text,
        @NotNull @Min(1990) @Max(2200) Integer planYear) {}
