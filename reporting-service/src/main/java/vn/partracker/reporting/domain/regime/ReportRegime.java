package vn.partracker.reporting.domain.regime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.partracker.events.period.Frequency;
import vn.partracker.reporting.domain.window.CutoffRule;

/**
 * A report regime (chế độ báo cáo, Nghị định 09/2019/NĐ-CP): what is reported, how often, to whom, which days a
 * period's figures cover and by when each level must report. Plans, indicators and the recipient may be named by id
 * or by code/number; codes are resolved against the replicas when a report is computed, so a regime can be defined
 * before the events that describe those agencies and plans have arrived.
 */
@Entity
@Table(name = "report_regime")
public class ReportRegime {

    @Id
    public UUID id;

    public String code;

    public String name;

    @Column(name = "name_folded")
    public String nameFolded;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Enumerated(EnumType.STRING)
    public Frequency frequency;

    @Enumerated(EnumType.STRING)
    @Column(name = "cutoff_rule")
    public CutoffRule rule;

    @Column(name = "recipient_agency_id")
    public UUID recipientAgencyId;

    @Column(name = "recipient_agency_code")
    public String recipientAgencyCode;

    /** Days after the window's last day, per agency level ("PROVINCE" → 5). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "deadline_offsets")
    public Map<String, Integer> deadlineOffsets = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "plan_ids")
    public List<UUID> planIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "plan_numbers")
    public List<String> planNumbers = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "indicator_ids")
    public List<UUID> indicatorIds = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
