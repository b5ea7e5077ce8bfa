package vn.partracker.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The record of one bulk import of figures: its counters while it runs and its outcome when it ends. */
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

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
