package vn.partracker.support.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call one operation: the roles allowed (an {@link Role#ADMIN} is always allowed) and, for the writes that
 * are scoped to an agency, how the service narrows it further ({@code scope}, shown in the README's table; the
 * service checks it with {@link Caller#requireActingFor}).
 *
 * @param method HTTP method, upper case
 * @param path path template as in the OpenAPI document, e.g. {@code /api/agencies/{id}}
 * @param roles roles allowed, always including {@link Role#ADMIN}
 * @param scope the agency restriction the service adds, empty when the role alone decides
 */
public record AccessRule(String method, String path, Set<Role> roles, String scope) {

    public AccessRule {
        EnumSet<Role> all = EnumSet.of(Role.ADMIN);
        all.addAll(roles);
        roles = Set.copyOf(all);
        scope = scope == null ? "" : scope;
    }

    /** Whether any of {@code callerRoles} may call the operation. */
    public boolean allows(Set<Role> callerRoles) {
        return callerRoles.stream().anyMatch(roles::contains);
    }

    /** {@code METHOD path}, the key of the rule. */
    public String operation() {
        return method + " " + path;
    }
}
