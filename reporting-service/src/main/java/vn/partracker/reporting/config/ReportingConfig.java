package vn.partracker.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of reporting-service itself ({@code partracker.reports.*}); the outbox has its own mapping. */
@ConfigMapping(prefix = "partracker.reports")
public interface ReportingConfig {

    /**
     * How many entries a finalized report's {@code changedSinceFinalization} list shows at most, so a report whose
     * figures all changed still answers with a bounded body.
     */
    @WithDefault("200")
    int maxChanges();
}
