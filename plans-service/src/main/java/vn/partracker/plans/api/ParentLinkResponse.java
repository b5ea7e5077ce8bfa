package vn.partracker.plans.api;

import java.time.LocalDate;
import java.util.UUID;

/** One period of an agency's parent (null parent: a root in that period). */
public record ParentLinkResponse(UUID parentId, LocalDate validFrom, LocalDate validTo) {}
