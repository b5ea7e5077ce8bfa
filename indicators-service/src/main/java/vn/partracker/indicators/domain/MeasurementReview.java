package vn.partracker.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One review decision on a figure (approve, return, reopen), kept so the history of a figure can be shown. */
@Entity
@Table(name = "measurement_review")
public class MeasurementReview extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "measurement_id")
    public UUID measurementId;

    public String action;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    public int revision;

    @Column(name = "reviewer_agency_id")
    public UUID reviewerAgencyId;

    public String reason;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;
}
