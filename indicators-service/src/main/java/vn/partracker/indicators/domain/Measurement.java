package vn.partracker.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import vn.partracker.indicators.domain.lifecycle.MeasurementStatus;

/**
 * The current state of one figure (số liệu): an indicator × agency × period. The entered parts are those of the
 * current revision; every revision is also kept in {@link MeasurementRevision}. Component values, composite
 * subtotals and the achievement are JSON text, read and written whole. {@code version} counts every change (the
 * ETag); {@code revision} counts value changes only.
 */
@Entity
@Table(name = "measurement")
public class Measurement {

    @Id
    public UUID id;

    @Column(name = "indicator_id")
    public UUID indicatorId;

    @Column(name = "agency_id")
    public UUID agencyId;

    public String period;

    @Enumerated(EnumType.STRING)
    public MeasurementStatus status;

    public int revision;

    /** Counts every change (value or review) and is the ETag; Hibernate increments it on each flushed change. */
    @Version
    public long version;

    public BigDecimal numerator;

    public BigDecimal denominator;

    @Column(name = "entered_value")
    public BigDecimal enteredValue;

    public String components;

    public String subtotals;

    @Column(name = "computed_value")
    public BigDecimal computedValue;

    @Column(name = "achievement_status")
    public String achievementStatus;

    public String achievement;

    public String note;

    public String source;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "review_reason")
    public String reviewReason;
}
