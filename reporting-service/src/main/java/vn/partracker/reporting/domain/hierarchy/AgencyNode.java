package vn.partracker.reporting.domain.hierarchy;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An agency as it stood on one date: its parent is the parent on that date (from the effective-dated links), not
 * today's parent.
 */
public record AgencyNode(
        UUID id,
        String code,
        String name,
        String kind,
        String level,
        UUID parentId,
        LocalDate validFrom,
        LocalDate validTo) {}
