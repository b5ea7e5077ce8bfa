package vn.partracker.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A named, rule-based set of agencies ("Các sở, ban ngành", "UBND cấp xã"): the agencies of the given kinds and
 * levels below an ancestor, plus any listed explicitly. It is stored as a rule, not a member list, because the
 * members change whenever the hierarchy does.
 */
@Entity
@Table(name = "agency_group")
public class AgencyGroup {

    @Id
    public UUID id;

    public String code;

    public String name;

    @Column(name = "name_folded")
    public String nameFolded;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> kinds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> levels = new ArrayList<>();

    @Column(name = "ancestor_id")
    public UUID ancestorId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "agency_ids")
    public List<UUID> agencyIds = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
