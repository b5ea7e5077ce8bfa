package vn.partracker.reporting.config;

import static vn.partracker.support.security.Role.EVALUATOR;
import static vn.partracker.support.security.Role.PLANNER;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import vn.partracker.support.security.AccessMatrix;

/**
 * Who may call what in reporting-service: the whole matrix, in one place. {@code ApiSecurityFilters}
 * (service-support) enforces the roles on every {@code /api} request and refuses an operation without a rule; the
 * services check the agency scopes named here. The README's table is {@link AccessMatrix#toMarkdown()} of this.
 */
public final class AccessRules {

    /** The matrix of reporting-service. */
    public static final AccessMatrix MATRIX = AccessMatrix.builder("reporting-service")
            .read("GET", "/api/report-regimes")
            .read("GET", "/api/report-regimes/{id}")
            .read("GET", "/api/report-regimes/{id}/periods")
            .allow("POST", "/api/report-regimes", PLANNER)
            .allow("POST", "/api/report-regimes/import", PLANNER)
            .allow("PUT", "/api/report-regimes/{id}", PLANNER)
            .allow("POST", "/api/report-regimes/{id}/expected-agencies", PLANNER)
            .read("GET", "/api/reporting-windows")
            .read("GET", "/api/reports/indicators")
            .read("GET", "/api/reports/tasks")
            .read("GET", "/api/reports/completeness")
            .read("GET", "/api/reports/{regimeId}/{period}")
            .scoped(
                    "POST",
                    "/api/reports/{regimeId}/{period}/finalize",
                    "the report's agency is the caller's",
                    EVALUATOR)
            .auditTrail()
            .admin("POST", "/api/admin/rebuild")
            .admin("GET", "/api/admin/rebuild/{id}")
            .build();

    private AccessRules() {}

    /** The matrix as the bean {@code ApiSecurityFilters} consults. */
    @Produces
    @ApplicationScoped
    static AccessMatrix matrix() {
        return MATRIX;
    }
}
