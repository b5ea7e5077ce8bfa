package vn.partracker.support.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The five roles of the suite, carried in the token's {@code groups} claim (lower case). Every authenticated role
 * reads; what each may change is listed per service in its {@link AccessMatrix}.
 */
public enum Role {
    /** Everything, and alone the {@code /api/admin/*} operations. */
    ADMIN,
    /** Directory, groups, plans, tasks, indicators, targets, period locks, report regimes and their imports. */
    PLANNER,
    /** Figures and task progress of its own agency (or, with {@code agencyScope: subtree}, of the agencies under it). */
    REPORTER,
    /** Reviews the figures of the indicators its agency evaluates; finalizes the reports of its agency. */
    EVALUATOR,
    /** Reads. */
    VIEWER;

    /** The value in the token's {@code groups} claim. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a {@code groups} value names, if any. */
    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claim().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
