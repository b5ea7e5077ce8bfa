package vn.partracker.indicators.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One agency or one agency group; exactly one of the two ids is set.
 *
 * @param agencyId an agency of the agency directory
 * @param groupId an agency group ("Các sở, ban ngành"), expanded to its members at the period's date
 */
@Schema(name = "AgencyRef", description = "An agency or an agency group: exactly one of agencyId and groupId")
public record AgencyRefDto(UUID agencyId, UUID groupId) {}
