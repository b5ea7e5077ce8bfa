package vn.partracker.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One revision of a figure as it was submitted; rows are only ever added. */
@Entity
@Table(name = "measurement_revision")
@IdClass(MeasurementRevision.Key.class)
public class MeasurementRevision {

    @Id
    @Column(name = "measurement_id")
    public UUID measurementId;

    @Id
    public int revision;

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

    /** Composite key: measurement and revision number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public UUID measurementId;
        public int revision;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && revision == k.revision && Objects.equals(measurementId, k.measurementId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(measurementId, revision);
        }
    }
}
