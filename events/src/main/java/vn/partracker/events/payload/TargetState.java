package vn.partracker.events.payload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One target rule of an indicator: comparator (AT_LEAST, AT_MOST, EXACTLY), value, and a scope of at most one of
 * level, agency kind, sector or agency (none = every agency); the most specific valid rule applies.
 */
public record TargetState(
        String comparator,
        BigDecimal value,
        String level,
        String agencyKind,
        String sector,
        UUID agencyId,
        LocalDate validFrom,
        LocalDate validTo) {}
