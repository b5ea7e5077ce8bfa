package vn.partracker.reporting.domain.regime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An effective-dated expectation that an agency, or every member of a group, sends the regime's report: from
 * {@code validFrom} to {@code validTo} (inclusive, open when null). Exactly one of the four references is set.
 */
@Entity
@Table(name = "regime_expected_agency")
public class ExpectedAgency {

    @Id
    public UUID id;

    @Column(name = "regime_id")
    public UUID regimeId;

    @Column(name = "agency_id")
    public UUID agencyId;

    @Column(name = "agency_code")
    public String agencyCode;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "group_code")
    public String groupCode;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether the expectation holds on the date. */
    public boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }
}
