package vn.partracker.indicators.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whom a target rule is for: at most one part; none means every performing agency.
 *
 * @param level an agency level such as {@code COMMUNE}
 * @param agencyKind an agency kind such as {@code DEPARTMENT}
 * @param sector a sector tag such as {@code land}
 * @param agencyId one agency (a per-agency exception)
 */
@Schema(name = "TargetScope", description = "At most one of level, agencyKind, sector, agencyId; {} = all agencies")
public record TargetScopeDto(String level, String agencyKind, String sector, UUID agencyId) {}
