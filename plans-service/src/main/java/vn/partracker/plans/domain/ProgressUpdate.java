package vn.partracker.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One progress report on an assignment, or on one occurrence of a recurring task's assignment. Append-only: the
 * history of what an agency reported is evidence.
 */
@Entity
@Immutable
@Table(name = "progress_update")
public class ProgressUpdate {

    @Id
    public UUID id;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    public BigDecimal percent;

    public String note;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> evidence = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public AssignmentStatus previousStatus;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "reported_by")
    public String reportedBy;

    /**
     * The occurrence of a recurring task the report is about, as a period code ({@code 2024-03}, {@code 2024-Q2},
     * {@code 2024-W07}); null for a one-off task. {@code status} and {@code previousStatus} are then the
     * occurrence's, not the assignment's.
     */
    public String occurrence;
}
