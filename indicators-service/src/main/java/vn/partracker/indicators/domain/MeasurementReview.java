package vn.partracker.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import vn.partracker.indicators.domain.lifecycle.MeasurementStatus;
import vn.partracker.indicators.domain.lifecycle.ReviewAction;

/** One review decision on a figure (approve, return, reopen), kept so the history of a figure can be shown. */
@Entity
@Table(name = "measurement_review")
public class MeasurementReview {

    @Id
    public UUID id;

    @Column(name = "measurement_id")
    public UUID measurementId;

    @Enumerated(EnumType.STRING)
    public ReviewAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public MeasurementStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public MeasurementStatus toStatus;

    public int revision;

    @Column(name = "reviewer_agency_id")
    public UUID reviewerAgencyId;

    public String reason;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;
}
