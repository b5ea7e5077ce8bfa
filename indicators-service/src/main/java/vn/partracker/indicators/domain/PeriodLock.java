package vn.partracker.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A closed period (chốt số liệu): figures of periods inside {@code [periodStart, periodEnd]} can no longer be
 * submitted or changed, for one indicator, for every indicator of one plan, or for all indicators when neither is
 * set. Locking the year {@code 2024} therefore also locks {@code 2024-Q1} and {@code 2024-03}.
 */
@Entity
@Table(name = "period_lock")
public class PeriodLock {

    @Id
    public UUID id;

    @Column(name = "indicator_id")
    public UUID indicatorId;

    @Column(name = "plan_id")
    public UUID planId;

    public String period;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * @param indicatorId the figure's indicator
     * @param planId that indicator's plan
     * @param start first day of the figure's period
     * @param end last day of the figure's period
     * @return whether this lock closes the figure's period
     */
    public boolean covers(UUID indicatorId, UUID planId, LocalDate start, LocalDate end) {
        boolean scoped = (this.indicatorId == null && this.planId == null)
                || indicatorId.equals(this.indicatorId)
                || planId.equals(this.planId);
        return scoped && !periodStart.isAfter(start) && !periodEnd.isBefore(end);
    }
}
