package vn.partracker.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * This service's copy of an agency of plans-service, as of the newest event applied ({@code sourceVersion}).
 * Written only by the agency event consumer.
 */
@Entity
@Table(name = "agency_replica")
public class AgencyReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    public String name;

    @Column(name = "short_name")
    public String shortName;

    public String kind;

    @Column(name = "level_code")
    public String level;

    @Column(name = "parent_id")
    public UUID parentId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> sectors = new ArrayList<>();

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "predecessor_ids")
    public List<UUID> predecessorIds = new ArrayList<>();

    @Column(name = "source_version")
    public long sourceVersion;

    @Column(name = "last_event_id")
    public UUID lastEventId;

    @Column(name = "replicated_at")
    public Instant replicatedAt;
}
