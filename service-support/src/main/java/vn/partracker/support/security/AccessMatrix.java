package vn.partracker.support.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service's whole authorization matrix, in one place: one {@link AccessRule} per HTTP operation under
 * {@code /api}. {@link ApiSecurityFilters} refuses any operation without a rule (deny by default), each service's
 * matrix test checks that every operation of its OpenAPI document has one, and the README's table is
 * {@link #toMarkdown()} of it (a test checks the two agree).
 */
public final class AccessMatrix {

    /** Every authenticated role reads. */
    public static final Set<Role> EVERYONE = Collections.unmodifiableSet(EnumSet.allOf(Role.class));

    /** Operators' endpoints service-support serves in every service ({@code /api/admin/*}, admins alone). */
    static final String[][] SHARED_ADMIN_OPERATIONS = {
        {"GET", "/api/admin/outbox/parked"},
        {"POST", "/api/admin/outbox/parked/{seq}/retry"},
        {"GET", "/api/admin/dead-letters"},
        {"POST", "/api/admin/dead-letters/replay"},
    };

    private final String service;
    private final Map<String, AccessRule> rules;

    private AccessMatrix(String service, Map<String, AccessRule> rules) {
        this.service = service;
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** Starts the matrix of {@code service}. */
    public static Builder builder(String service) {
        return new Builder(service);
    }

    /** The service the matrix belongs to. */
    public String service() {
        return service;
    }

    /** The rule of {@code method path}, if the matrix has one. */
    public Optional<AccessRule> find(String method, String pathTemplate) {
        return Optional.ofNullable(rules.get(key(method, pathTemplate)));
    }

    /** Every rule, in the order they were declared. */
    public List<AccessRule> rules() {
        return List.copyOf(rules.values());
    }

    /**
     * The matrix as the Markdown table the README carries: one row per operation, one column per role ({@code ✓}
     * allowed), and the agency scope of scoped writes.
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(service).append(" operation |");
        for (Role role : Role.values()) {
            sb.append(' ').append(role.claim()).append(" |");
        }
        sb.append(" agency scope |\n|---|");
        for (int i = 0; i < Role.values().length; i++) {
            sb.append(":---:|");
        }
        sb.append("---|\n");
        for (AccessRule rule : rules.values()) {
            sb.append("| `").append(rule.operation()).append("` |");
            for (Role role : Role.values()) {
                sb.append(rule.roles().contains(role) ? " ✓ |" : "   |");
            }
            sb.append(' ').append(rule.scope()).append(" |\n");
        }
        return sb.toString();
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + normalise(path);
    }

    /** {@code /api/x/{id: [0-9]+}/} → {@code /api/x/{id}}: the form OpenAPI documents use. */
    static String normalise(String path) {
        String p = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    /** Declares the rules of one service. */
    public static final class Builder {
        private final String service;
        private final Map<String, AccessRule> rules = new LinkedHashMap<>();

        private Builder(String service) {
            this.service = service;
        }

        /** An operation every authenticated role may call (reads). */
        public Builder read(String method, String path) {
            return rule(method, path, "", EVERYONE.toArray(Role[]::new));
        }

        /** An operation only the given roles (and admin) may call, whatever the agency. */
        public Builder allow(String method, String path, Role... roles) {
            return rule(method, path, "", roles);
        }

        /** An operation the given roles may call, narrowed by the service to {@code scope}. */
        public Builder scoped(String method, String path, String scope, Role... roles) {
            return rule(method, path, scope, roles);
        }

        /** An operation only an admin may call. */
        public Builder admin(String method, String path) {
            return rule(method, path, "", Role.ADMIN);
        }

        /** The audit trail every service serves ({@code /api/audit}): admins and evaluators. */
        public Builder auditTrail() {
            allow("GET", "/api/audit", Role.EVALUATOR);
            return allow("GET", "/api/audit/verify", Role.EVALUATOR);
        }

        /**
         * The operations service-support serves in every service, added by {@link #build()} when the service did not
         * declare them: the audit trail (admins and evaluators) and the operators' outbox and dead-letter endpoints
         * (admins).
         */
        private void sharedOperations() {
            if (!rules.containsKey(key("GET", "/api/audit"))) {
                auditTrail();
            }
            for (String[] op : SHARED_ADMIN_OPERATIONS) {
                if (!rules.containsKey(key(op[0], op[1]))) {
                    admin(op[0], op[1]);
                }
            }
        }

        private Builder rule(String method, String path, String scope, Role... roles) {
            String key = key(method, path);
            List<Role> list = new ArrayList<>(List.of(roles));
            if (rules.putIfAbsent(
                            key,
                            new AccessRule(
                                    method.toUpperCase(Locale.ROOT),
                                    normalise(path),
                                    list.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(list),
                                    scope))
                    != null) {
                throw new IllegalArgumentException("two rules for " + key);
            }
            return this;
        }

        public AccessMatrix build() {
            sharedOperations();
            return new AccessMatrix(service, rules);
        }
    }
}
