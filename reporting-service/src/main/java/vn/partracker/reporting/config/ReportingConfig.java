package vn.partracker.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The settings of reporting-service itself ({@code partracker.reports.*}); the outbox has its own mapping. */
@ConfigMapping(prefix = "partracker.reports")
public interface ReportingConfig {

    /**
     * How many entries a finalized report's {@code changedSinceFinalization} list shows at most, so a report whose
     * figures all changed still answers with a bounded body.
     */
    @WithDefault("200")
    int maxChanges();

    /**
     * Subtrees with more members than this have their branch totals planned for their own arguments on every report
     * (a national report); smaller ones keep the server-side prepared statement (see
     * {@code IndicatorAggregateRepository.branchTotals}).
     */
    @WithDefault("500")
    int customPlanMembers();

    /**
     * The {@code work_mem} of the transaction that reads a large subtree's branch totals (a national report hashes
     * and aggregates ~70,000 rows; at PostgreSQL's default 4MB the aggregate spilled to disk).
     */
    @WithDefault("16MB")
    String largeSubtreeWorkMem();

    /** The rebuild jobs of the aggregates. */
    Rebuild rebuild();

    /** Settings of the rebuild jobs ({@code partracker.reports.rebuild.*}). */
    interface Rebuild {

        /**
         * The name of this instance as a job's worker: a job this worker left RUNNING is failed as soon as it starts
         * again. Defaults to the host name and HTTP port, which stay the same across a restart of one instance.
         */
        Optional<String> worker();

        /**
         * How long a RUNNING job's heartbeat (written after every indicator) may be silent before any instance fails
         * the job as abandoned by a worker that died.
         */
        @WithDefault("60s")
        Duration staleAfter();
    }
}
