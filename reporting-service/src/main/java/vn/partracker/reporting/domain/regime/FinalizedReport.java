package vn.partracker.reporting.domain.regime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An immutable snapshot of a regime × period × agency report: the canonical JSON content and its SHA-256 hash.
 * Never updated; later figures show up as differences against it.
 */
@Entity
@Table(name = "finalized_report")
public class FinalizedReport {

    @Id
    public UUID id;

    @Column(name = "regime_id", updatable = false)
    public UUID regimeId;

    @Column(updatable = false)
    public String period;

    @Column(name = "agency_id", updatable = false)
    public UUID agencyId;

    @Column(updatable = false)
    public String content;

    @Column(name = "content_hash", updatable = false)
    public String contentHash;

    @Column(name = "finalized_at", updatable = false)
    public Instant finalizedAt;

    @Column(name = "finalized_by", updatable = false)
    public String finalizedBy;
}
