package vn.partracker.events.payload;

import java.util.UUID;

/**
 * A reference to one agency or to an agency group (exactly one of the two is set), as tasks and indicators name
 * their lead, coordinating and performing agencies ("Sở Nội vụ" or "Các sở, ban ngành").
 */
public record AgencyRef(UUID agencyId, UUID groupId) {}
