package vn.partracker.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.partracker.events.payload.AgencyGroupUpserted;

/**
 * This service's copy of a rule-based agency group of plans-service ("Các sở, ban ngành", "UBND cấp xã"). Only the
 * rule is stored; members are computed at a date with {@link AgencyGroupUpserted#includes}, so a group follows the
 * hierarchy as it changes. Written only by the agency event consumer.
 */
@Entity
@Table(name = "agency_group_replica")
public class AgencyGroupReplica {

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

    @Column(name = "source_version")
    public long sourceVersion;

    @Column(name = "last_event_id")
    public UUID lastEventId;

    @Column(name = "replicated_at")
    public Instant replicatedAt;

    /** @return the membership rule in the form shared by every service */
    public AgencyGroupUpserted rule() {
        return new AgencyGroupUpserted(
                AgencyGroupUpserted.SCHEMA_VERSION,
                id,
                sourceVersion,
                code,
                name,
                List.copyOf(kinds),
                List.copyOf(levels),
                ancestorId,
                List.copyOf(agencyIds));
    }
}
