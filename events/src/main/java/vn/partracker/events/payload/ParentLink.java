package vn.partracker.events.payload;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One period of an agency's place in the hierarchy: from {@code validFrom} to {@code validTo} (inclusive, open when
 * null) its parent is {@code parentId} ({@code null} for a root). When the district level was abolished on
 * 2025-07-01 a commune got a second link, under the province.
 */
public record ParentLink(UUID parentId, LocalDate validFrom, LocalDate validTo) {}
