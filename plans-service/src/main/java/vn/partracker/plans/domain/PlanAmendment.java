package vn.partracker.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A recorded change to an issued plan: why, which fields, and their values before and after. */
@Entity
@Immutable
@Table(name = "plan_amendment")
public class PlanAmendment {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "version_before")
    public long versionBefore;

    @Column(name = "version_after")
    public long versionAfter;

    public String reason;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "changed_fields")
    public List<String> changedFields = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state")
    public Map<String, Object> before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state")
    public Map<String, Object> after;

    @Column(name = "amended_at")
    public Instant amendedAt;

    @Column(name = "amended_by")
    public String amendedBy;
}
