package vn.partracker.plans.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.partracker.plans.domain.timeframe.TimeframeKind;

/**
 * One task of a plan (a row of Phụ lục II): who leads it (agencies or groups), who coordinates, what it produces and
 * its timeframe. The timeframe keeps the signed wording and the structure derived from it.
 */
@Entity
@Table(name = "task")
public class Task {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "section_code")
    public String sectionCode;

    public String ordinal;

    public int position;

    public String title;

    public String description;

    @Column(name = "field_code")
    public String field;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_lead_agency", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    public List<AgencyRefValue> leadAgencies = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_coordinating_agency", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    public List<AgencyRefValue> coordinatingAgencies = new ArrayList<>();

    @Column(name = "monitoring_agency_id")
    public UUID monitoringAgencyId;

    @Column(name = "expected_output")
    public String expectedOutput;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Column(name = "timeframe_text")
    public String timeframeText;

    @Enumerated(EnumType.STRING)
    @Column(name = "timeframe_kind")
    public TimeframeKind timeframeKind;

    @Column(name = "timeframe_start")
    public LocalDate timeframeStart;

    @Column(name = "timeframe_end")
    public LocalDate timeframeEnd;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** The cadences of a RECURRING timeframe (WEEKLY, MONTHLY, …, ANNUAL); null for every other kind. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> recurrence;

    /** The day each cadence's occurrences are due, where the wording names one; null when none does. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "recurrence_due_days")
    public List<DueDayValue> recurrenceDueDays;

    /** The parts of the wording the parser understood, in text order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "timeframe_recognised")
    public List<String> timeframeRecognised = new ArrayList<>();

    /** The rest of the wording, not understood; "" when everything was. */
    @Column(name = "timeframe_leftover")
    public String timeframeLeftover = "";

    /** Whether the wording hedges its timing ("Dự kiến quý III/2025"). */
    @Column(name = "timeframe_tentative")
    public boolean timeframeTentative;

    @Column(name = "recurrence_ad_hoc")
    public boolean recurrenceAdHoc;

    @Column(name = "relative_days")
    public Integer relativeDays;

    @Column(name = "relative_working_days")
    public boolean relativeWorkingDays;

    @Column(name = "relative_to")
    public String relativeTo;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
