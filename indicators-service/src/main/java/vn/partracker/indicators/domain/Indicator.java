package vn.partracker.indicators.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * An indicator (chỉ tiêu) of a plan, such as Kon Tum 59/QĐ-UBND Phụ lục I, IV.1 "Tỷ lệ hồ sơ TTHC … được giải quyết
 * đúng hạn". Kind, unit, direction and frequency are stored as their enum names; the component tree of a composite
 * indicator as JSON text. {@code version} grows with every change and is the ETag. The agency and target lists are
 * loaded for a whole page of indicators at once (batch size = the largest page), not one query per indicator.
 */
@Entity
@Table(name = "indicator")
public class Indicator {

    /** Role of an {@link IndicatorAgency} row: the agencies that submit figures (đơn vị chủ trì). */
    public static final String PERFORMING = "PERFORMING";

    /** Role of an {@link IndicatorAgency} row: agencies that help (cơ quan phối hợp), for information only. */
    public static final String COORDINATING = "COORDINATING";

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "group_code")
    public String group;

    public String ordinal;

    public String name;

    @Column(name = "name_folded")
    public String nameFolded;

    public String unit;

    public String kind;

    @Column(name = "numerator_label")
    public String numeratorLabel;

    @Column(name = "denominator_label")
    public String denominatorLabel;

    public String direction;

    public String frequency;

    @Column(name = "evaluating_agency_id")
    public UUID evaluatingAgencyId;

    @Column(name = "legal_basis")
    public String legalBasis;

    /** The component tree as JSON, {@code []} unless the indicator is composite. */
    public String components;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 500)
    @CollectionTable(name = "indicator_agency", joinColumns = @JoinColumn(name = "indicator_id"))
    @OrderColumn(name = "position")
    public List<IndicatorAgency> agencies = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 500)
    @CollectionTable(name = "indicator_target", joinColumns = @JoinColumn(name = "indicator_id"))
    @OrderColumn(name = "position")
    public List<IndicatorTarget> targets = new ArrayList<>();

    /** Grows with every change and is the ETag; Hibernate increments it on each flushed change. */
    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** @return the performing agency references, in the order they were given */
    public List<IndicatorAgency> performing() {
        return agencies.stream().filter(a -> PERFORMING.equals(a.role)).toList();
    }

    /** @return the coordinating agency references, in the order they were given */
    public List<IndicatorAgency> coordinating() {
        return agencies.stream().filter(a -> COORDINATING.equals(a.role)).toList();
    }
}
