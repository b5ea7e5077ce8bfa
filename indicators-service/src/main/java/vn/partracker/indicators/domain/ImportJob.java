package vn.partracker.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The record of one bulk import of figures: its counters while it runs and its outcome when it ends. Status
 * {@code QUEUED → RUNNING → DONE | REJECTED | FAILED}; a committed import's row is written in the import's own
 * transaction, so a row still {@code QUEUED} or {@code RUNNING} after its process died committed nothing.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    public UUID id;

    public String kind;

    public String status;

    @Column(name = "dry_run")
    public boolean dryRun;

    public String mode;

    @Column(name = "rows_read")
    public int rowsRead;

    public int imported;

    public int updated;

    public int unchanged;

    @Column(name = "rejected_count")
    public int rejectedCount;

    /** The rejected rows as JSON, at most {@code MAX_LISTED} of them. */
    public String rejected;

    public boolean committed;

    public String error;

    /** The stored body of a background import until it ends; {@code null} otherwise. */
    @Column(name = "body_file")
    public String bodyFile;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
