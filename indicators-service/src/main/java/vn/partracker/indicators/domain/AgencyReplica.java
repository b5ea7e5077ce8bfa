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
public class AgencyReplica {

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

    /** The effective-dated parents, oldest first; the hierarchy on a date is read from these. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agency_parent_link", joinColumns = @JoinColumn(name = "agency_id"))
    @OrderColumn(name = "position")
    public List<AgencyParentLink> parentLinks = new ArrayList<>();

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

    /**
     * @param date a day
     * @return whether the agency exists on that day (validity bounds inclusive)
     */
    public boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }

    /**
     * The parent on a date, read from the parent links; an agency replicated without links falls back to its
     * current parent.
     *
     * @param date a day
     * @return the parent on that day, or {@code null} for a root or a day outside every link
     */
    public UUID parentOn(LocalDate date) {
        if (parentLinks.isEmpty()) {
            return parentId;
        }
        for (AgencyParentLink link : parentLinks) {
            if (link.covers(date)) {
                return link.parentId;
            }
        }
        return null;
    }
}
