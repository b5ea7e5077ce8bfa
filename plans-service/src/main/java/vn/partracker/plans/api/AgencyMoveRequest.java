package vn.partracker.plans.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Body of {@code POST /api/agencies/{id}/moves}: from {@code from} on, the agency's parent is {@code parentId}
 * ({@code null} makes it a root). The history before that day is kept.
 */
public record AgencyMoveRequest(UUID parentId, @NotNull LocalDate from) {}
