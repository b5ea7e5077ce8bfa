package vn.partracker.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.UUID;

/** One period of a replicated agency's place in the hierarchy (see {@code ParentLink} of the events module). */
@Embeddable
public class AgencyParentLink {

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /** For JPA. */
    public AgencyParentLink() {}

    /**
     * @param parentId the parent, {@code null} for a root
     * @param validFrom first day, inclusive
     * @param validTo last day, inclusive; {@code null} when open
     */
    public AgencyParentLink(UUID parentId, LocalDate validFrom, LocalDate validTo) {
        this.parentId = parentId;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    /**
     * @param date a day
     * @return whether the link is in force that day
     */
    public boolean covers(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }
}
