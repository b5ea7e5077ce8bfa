package vn.partracker.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One concrete lead agency's share of a task, created when the plan is issued (groups expanded on that day). Its
 * percent and status follow the latest progress update; overdue is derived from {@code dueDate} as of a date.
 */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "agency_id")
    public UUID agencyId;

    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;

    public BigDecimal percent;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "last_reported_at")
    public Instant lastReportedAt;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether the due date passed before {@code asOf} and the work is not finished. */
    public boolean overdueOn(LocalDate asOf) {
        return dueDate != null && dueDate.isBefore(asOf) && !status.finished();
    }
}
