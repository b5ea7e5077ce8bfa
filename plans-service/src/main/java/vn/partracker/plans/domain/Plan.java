package vn.partracker.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A plan issued by a decision ("Kế hoạch … ban hành kèm theo Quyết định 59/QĐ-UBND"), with its legal bases and the
 * ordered sections its tasks are grouped in. Once issued it changes only through a recorded amendment.
 */
@Entity
@Table(name = "plan")
public class Plan {

    @Id
    public UUID id;

    public String number;

    public String title;

    @Column(name = "search_folded")
    public String searchFolded;

    @Column(name = "issuer_id")
    public UUID issuerId;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "plan_year")
    public Integer year;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "legal_bases")
    public List<LegalBasis> legalBases = new ArrayList<>();

    public String objectives;

    public String requirements;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Section> sections = new ArrayList<>();

    @Column(name = "parent_plan_id")
    public UUID parentPlanId;

    @Enumerated(EnumType.STRING)
    public PlanStatus status;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * The year used to read task timeframes that name no year ("Thường xuyên", "Tháng 5"): the plan's year, else the
     * year it starts, else the year it was issued.
     */
    public int timeframeYear() {
        if (year != null) {
            return year;
        }
        if (validFrom != null) {
            return validFrom.getYear();
        }
        return issuedOn != null ? issuedOn.getYear() : LocalDate.now().getYear();
    }

    /** Whether {@code code} names one of the plan's sections. */
    public boolean hasSection(String code) {
        return sections.stream().anyMatch(s -> s.code().equals(code));
    }
}
