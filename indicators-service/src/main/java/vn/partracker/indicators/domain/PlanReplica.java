package vn.partracker.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * This service's copy of the head of a plan of plans-service: enough to check a {@code planId} and to find a plan
 * by its number ({@code 59/QĐ-UBND}) in import documents. Written only by the plan event consumer.
 */
@Entity
@Table(name = "plan_replica")
public class PlanReplica {

    @Id
    public UUID id;

    public String number;

    public String title;

    @Column(name = "plan_year")
    public Integer year;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public String status;

    @Column(name = "source_version")
    public long sourceVersion;

    @Column(name = "last_event_id")
    public UUID lastEventId;

    @Column(name = "replicated_at")
    public Instant replicatedAt;
}
