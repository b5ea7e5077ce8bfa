package vn.partracker.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import vn.partracker.indicators.domain.target.TargetComparator;
import vn.partracker.indicators.domain.target.TargetRule;
import vn.partracker.indicators.domain.target.TargetScope;

/** A stored target rule of an indicator; {@link #toRule()} gives the framework-free rule the selector works on. */
@Embeddable
public class IndicatorTarget {

    public String comparator;

    @Column(name = "value", precision = 38, scale = 10)
    public BigDecimal value;

    @Column(name = "level_code")
    public String level;

    @Column(name = "agency_kind")
    public String agencyKind;

    public String sector;

    @Column(name = "agency_id")
    public UUID agencyId;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /** @return the rule as the target selector sees it */
    public TargetRule toRule() {
        return new TargetRule(
                TargetComparator.valueOf(comparator),
                value,
                new TargetScope(level, agencyKind, sector, agencyId),
                validFrom,
                validTo);
    }
}
