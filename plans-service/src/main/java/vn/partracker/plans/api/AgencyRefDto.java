package vn.partracker.plans.api;

import java.util.UUID;

/** One agency or one agency group (exactly one of the two), as a task names its lead and coordinating agencies. */
public record AgencyRefDto(UUID agencyId, UUID groupId) {}
