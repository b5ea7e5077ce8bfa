package vn.partracker.indicators.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A period lock. */
@Schema(name = "PeriodLock")
public record PeriodLockResponse(
        UUID id,
        UUID indicatorId,
        UUID planId,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        String reason,
        Instant createdAt) {}
