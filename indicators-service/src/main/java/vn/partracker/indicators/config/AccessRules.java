package vn.partracker.indicators.config;

import static vn.partracker.support.security.Role.EVALUATOR;
import static vn.partracker.support.security.Role.PLANNER;
import static vn.partracker.support.security.Role.REPORTER;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import vn.partracker.support.security.AccessMatrix;

/**
 * Who may call what in indicators-service: the whole matrix, in one place. {@code ApiSecurityFilters}
 * (service-support) enforces the roles on every {@code /api} request and refuses an operation without a rule; the
 * services check the agency scopes named here ({@code FigureScope} for figures, {@code MeasurementService} for
 * reviews). The README's table is {@link AccessMatrix#toMarkdown()} of this.
 */
public final class AccessRules {

    private static final String FIGURE_SCOPE =
            "the figure's agency is the caller's (subtree: under it on the period's" + " last day)";
    private static final String ROW_SCOPE =
            "per row: the row's agency is the caller's (subtree: under it on the" + " period's last day)";
    private static final String REVIEW_SCOPE = "the indicator's evaluating agency is the caller's";

    /** The matrix of indicators-service. */
    public static final AccessMatrix MATRIX = AccessMatrix.builder("indicators-service")
            .read("GET", "/api/indicators")
            .read("GET", "/api/indicators/{id}")
            .read("GET", "/api/indicators/{id}/target")
            .read("GET", "/api/indicators/template.xlsx")
            .allow("POST", "/api/indicators", PLANNER)
            .allow("PUT", "/api/indicators/{id}", PLANNER)
            .allow("POST", "/api/indicators/import", PLANNER)
            .read("GET", "/api/period-locks")
            .allow("POST", "/api/period-locks", PLANNER)
            .allow("DELETE", "/api/period-locks/{id}", PLANNER)
            .read("GET", "/api/measurements")
            .read("GET", "/api/measurements/{id}")
            .read("GET", "/api/measurements/{id}/revisions")
            .read("GET", "/api/measurements/{id}/reviews")
            .scoped("POST", "/api/measurements", FIGURE_SCOPE, REPORTER)
            .scoped("PUT", "/api/measurements/{id}", FIGURE_SCOPE, REPORTER)
            .scoped("POST", "/api/measurements/batch", ROW_SCOPE, REPORTER)
            .scoped("POST", "/api/measurements/import", ROW_SCOPE, REPORTER)
            .scoped("POST", "/api/measurements/{id}/approve", REVIEW_SCOPE, EVALUATOR)
            .scoped("POST", "/api/measurements/{id}/return", REVIEW_SCOPE, EVALUATOR)
            .scoped("POST", "/api/measurements/{id}/reopen", REVIEW_SCOPE, EVALUATOR)
            .read("GET", "/api/imports/{id}")
            .auditTrail()
            .admin("POST", "/api/admin/republish")
            .build();

    private AccessRules() {}

    /** The matrix as the bean {@code ApiSecurityFilters} consults. */
    @Produces
    @ApplicationScoped
    static AccessMatrix matrix() {
        return MATRIX;
    }
}
