package vn.partracker.plans.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import vn.partracker.plans.domain.AssignmentStatus;

/**
 * Body of {@code POST /api/assignments/{id}/progress}: appended, never overwriting earlier reports. Evidence is a
 * list of document numbers or URLs. Without {@code status}, a first report above 0 % moves NOT_STARTED to
 * IN_PROGRESS. The reporter is not part of the body: it is the bearer token's subject. {@code occurrence} is
 * required for a recurring task's assignment and refused for a one-off task: the period code of one of the
 * assignment's occurrences ({@code 2024-03}, {@code 2024-Q2}, {@code 2024-S1}, {@code 2024}, {@code 2024-W07}).
 */
public record ProgressRequest(
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal percent,

        @Size(max = 4000) String note,
        List<@NotBlank @Size(max = 1000) String> evidence,
        AssignmentStatus status,
        @Size(max = 40) String occurrence) {}
