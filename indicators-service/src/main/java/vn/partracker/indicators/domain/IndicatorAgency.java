package vn.partracker.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** One agency or agency group named by an indicator, in a role ({@link Indicator#PERFORMING} or coordinating). */
@Embeddable
public class IndicatorAgency {

    public String role;

    @Column(name = "agency_id")
    public UUID agencyId;

    @Column(name = "group_id")
    public UUID groupId;

    /** For JPA. */
    public IndicatorAgency() {}

    /**
     * @param role the role
     * @param agencyId an agency, or {@code null} when a group is named
     * @param groupId a group, or {@code null} when an agency is named
     */
    public IndicatorAgency(String role, UUID agencyId, UUID groupId) {
        this.role = role;
        this.agencyId = agencyId;
        this.groupId = groupId;
    }
}
