package vn.partracker.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** A task's reference to one agency or one agency group (exactly one is set), as stored with the task. */
@Embeddable
public class AgencyRefValue {

    @Column(name = "agency_id")
    public UUID agencyId;

    @Column(name = "group_id")
    public UUID groupId;

    /** A reference to one of the two; the other is null. */
    public static AgencyRefValue of(UUID agencyId, UUID groupId) {
        AgencyRefValue ref = new AgencyRefValue();
        ref.agencyId = agencyId;
        ref.groupId = groupId;
        return ref;
    }
}
