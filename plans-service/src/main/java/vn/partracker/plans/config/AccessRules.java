package vn.partracker.plans.config;

import static vn.partracker.support.security.Role.PLANNER;
import static vn.partracker.support.security.Role.REPORTER;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import vn.partracker.support.security.AccessMatrix;

/**
 * Who may call what in plans-service: the whole matrix, in one place. {@code ApiSecurityFilters} (service-support)
 * enforces the roles on every {@code /api} request and refuses an operation without a rule; the services check the
 * agency scopes named here ({@code AssignmentService} for progress). The README's table is
 * {@link AccessMatrix#toMarkdown()} of this.
 */
public final class AccessRules {

    /** The matrix of plans-service. */
    public static final AccessMatrix MATRIX = AccessMatrix.builder("plans-service")
            .read("GET", "/api/agencies")
            .read("GET", "/api/agencies/{id}")
            .read("GET", "/api/agencies/{id}/children")
            .read("GET", "/api/agencies/{id}/ancestors")
            .allow("POST", "/api/agencies", PLANNER)
            .allow("PUT", "/api/agencies/{id}", PLANNER)
            .allow("POST", "/api/agencies/{id}/moves", PLANNER)
            .allow("POST", "/api/agencies/import", PLANNER)
            .read("GET", "/api/agency-groups")
            .read("GET", "/api/agency-groups/{id}")
            .read("GET", "/api/agency-groups/{id}/members")
            .allow("POST", "/api/agency-groups", PLANNER)
            .read("GET", "/api/agency-levels")
            .allow("POST", "/api/agency-levels", PLANNER)
            .read("GET", "/api/par-fields")
            .allow("POST", "/api/par-fields", PLANNER)
            .read("GET", "/api/plans")
            .read("GET", "/api/plans/{id}")
            .read("GET", "/api/plans/{id}/amendments")
            .read("GET", "/api/plans/{id}/tasks")
            .allow("POST", "/api/plans", PLANNER)
            .allow("POST", "/api/plans/import", PLANNER)
            .allow("PATCH", "/api/plans/{id}", PLANNER)
            .allow("POST", "/api/plans/{id}/issue", PLANNER)
            .allow("POST", "/api/plans/{id}/close", PLANNER)
            .allow("POST", "/api/plans/{id}/tasks", PLANNER)
            .read("GET", "/api/tasks/{id}")
            .allow("PUT", "/api/tasks/{id}", PLANNER)
            .read("GET", "/api/assignments")
            .read("GET", "/api/assignments/{id}")
            .read("GET", "/api/assignments/{id}/progress")
            .scoped(
                    "POST",
                    "/api/assignments/{id}/progress",
                    "the assignment's agency is the caller's (subtree: under it today)",
                    REPORTER)
            .read("POST", "/api/timeframes/parse")
            .admin("POST", "/api/admin/republish")
            .auditTrail()
            .build();

    private AccessRules() {}

    /** The matrix as the bean {@code ApiSecurityFilters} consults. */
    @Produces
    @ApplicationScoped
    static AccessMatrix matrix() {
        return MATRIX;
    }
}
