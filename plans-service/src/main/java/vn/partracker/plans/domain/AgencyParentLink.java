package vn.partracker.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import vn.partracker.support.id.TimeOrderedIds;

/**
 * One period of an agency's place in the hierarchy: from {@code validFrom} to {@code validTo} (inclusive, open when
 * null) its parent is {@code parentId}, or none for a root. The links of one agency never overlap.
 */
@Entity
@Table(name = "agency_parent_link")
public class AgencyParentLink {

    @Id
    public UUID id;

    @Column(name = "agency_id")
    public UUID agencyId;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /** A new link with a fresh id. */
    public static AgencyParentLink of(UUID agencyId, UUID parentId, LocalDate validFrom, LocalDate validTo) {
        AgencyParentLink link = new AgencyParentLink();
        link.id = TimeOrderedIds.next();
        link.agencyId = agencyId;
        link.parentId = parentId;
        link.validFrom = validFrom;
        link.validTo = validTo;
        return link;
    }

    /** Whether the link is in force on {@code date}. */
    public boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }
}
