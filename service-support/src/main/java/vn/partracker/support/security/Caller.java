package vn.partracker.support.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.partracker.support.problem.ForbiddenException;

/**
 * Who is calling, read from the verified bearer token: subject ({@code sub}), roles ({@code groups}), agency code
 * ({@code agency}) and its reach ({@code agencyScope}); and the request id the audit trail records. Services ask it
 * the agency questions the role matrix cannot answer ({@link #requireActingFor}, {@link #refusalToActFor}).
 */
@RequestScoped
public class Caller {

    /** The actor recorded for work no person asked for (event consumers, scheduled jobs). */
    public static final String SYSTEM = "system";

    /** The header a client may send to correlate its request with the audit trail; echoed on every answer. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest currentRequest;

    private String requestId;

    /** Whether a request (and so possibly a caller) is being served on this thread. */
    public static boolean inRequest() {
        ManagedContext context = Arc.container().requestContext();
        return context.isActive();
    }

    /** Whether the request carries a verified token. */
    public boolean authenticated() {
        return identity != null && !identity.isAnonymous();
    }

    /** The token's subject: the person (or system account) acting. */
    public String subject() {
        if (!authenticated()) {
            return SYSTEM;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** The code of the caller's agency ({@code agency} claim), if the token names one. */
    public Optional<String> agencyCode() {
        return claim("agency").filter(s -> !s.isBlank());
    }

    /** How far the caller's agency reaches. */
    public AgencyScope agencyScope() {
        return AgencyScope.fromClaim(claim("agencyScope").orElse(null));
    }

    /** The caller's roles among the five the suite knows. */
    public Set<Role> roles() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (authenticated()) {
            identity.getRoles().forEach(g -> Role.fromClaim(g).ifPresent(roles::add));
        }
        return roles;
    }

    /** Whether the caller has {@code role}. */
    public boolean has(Role role) {
        return roles().contains(role);
    }

    /** The request id: the client's {@value #REQUEST_ID_HEADER} when it is a safe token, a new UUID otherwise. */
    public String requestId() {
        if (requestId == null) {
            String header = null;
            RoutingContext rc = currentRequest == null ? null : currentRequest.getCurrent();
            if (rc != null) {
                header = rc.request().getHeader(REQUEST_ID_HEADER);
            }
            requestId = header != null && SAFE_REQUEST_ID.matcher(header).matches()
                    ? header
                    : UUID.randomUUID().toString();
        }
        return requestId;
    }

    /**
     * Why the caller may not act for the agency {@code agencyCode}, or empty when it may: an admin acts for every
     * agency; anyone else for the agency of its token, and with {@code agencyScope: subtree} also for the agencies
     * whose ancestors (on the date that matters, computed by the service) include it.
     *
     * @param agencyCode the agency the write is for
     * @param ancestorCodes the codes of that agency's ancestors on the relevant date, nearest first; asked only when
     *     the caller's scope is a subtree
     */
    public Optional<String> refusalToActFor(String agencyCode, Supplier<? extends Collection<String>> ancestorCodes) {
        if (has(Role.ADMIN)) {
            return Optional.empty();
        }
        Optional<String> own = agencyCode();
        if (own.isEmpty()) {
            return Optional.of("the token names no agency (claim 'agency'), so it cannot act for agency " + agencyCode);
        }
        if (own.get().equals(agencyCode)) {
            return Optional.empty();
        }
        if (agencyScope() == AgencyScope.SUBTREE && ancestorCodes.get().contains(own.get())) {
            return Optional.empty();
        }
        return Optional.of("agency " + own.get()
                + (agencyScope() == AgencyScope.SUBTREE ? " (with the agencies under it)" : "")
                + " may not act for agency " + agencyCode);
    }

    /** Throws 403 unless the caller may act for {@code agencyCode} (see {@link #refusalToActFor}). */
    public void requireActingFor(String agencyCode, Supplier<? extends Collection<String>> ancestorCodes) {
        refusalToActFor(agencyCode, ancestorCodes).ifPresent(reason -> {
            throw new ForbiddenException(reason);
        });
    }

    private Optional<String> claim(String name) {
        if (!authenticated() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString js ? js.getString() : value.toString();
        return Optional.of(text);
    }
}
