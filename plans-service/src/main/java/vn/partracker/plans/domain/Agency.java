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
 * An agency of the directory, valid from {@code validFrom} to {@code validTo} (inclusive, open when null). The level
 * is a code of the {@code agency_level} table, not an enum, because levels change by law. Its place in the hierarchy
 * is not a column here but a series of {@link AgencyParentLink}s, because agencies move (a commune goes under the
 * province when its district is abolished) and history must stay answerable.
 */
@Entity
@Table(name = "agency")
public class Agency {

    @Id
    public UUID id;

    public String code;

    public String name;

    @Column(name = "name_folded")
    public String nameFolded;

    @Column(name = "short_name")
    public String shortName;

    @Enumerated(EnumType.STRING)
    public AgencyKind kind;

    @Column(name = "level_code")
    public String level;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> sectors = new ArrayList<>();

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "predecessor_ids")
    public List<UUID> predecessorIds = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether the agency exists on {@code date}. */
    public boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }
}
