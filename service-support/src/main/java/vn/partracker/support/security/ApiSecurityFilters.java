package vn.partracker.support.security;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import vn.partracker.support.problem.ForbiddenException;
import vn.partracker.support.problem.Problem;
import vn.partracker.support.problem.UnauthorizedException;

/**
 * The two gates every {@code /api} request passes, the same in all three services.
 *
 * <ol>
 *   <li>Authentication (before routing): a verified bearer JWT is required; a missing, expired, not-yet-valid,
 *       wrongly signed, unsigned ({@code alg: none}) or foreign-issuer token is a 401 problem+json. Health,
 *       OpenAPI, Swagger UI and metrics ({@code /q/*}) stay open.
 *   <li>Authorization (after routing): the service's {@link AccessMatrix} must have a rule for the matched
 *       operation (deny by default) that allows one of the caller's roles, else 403 problem+json. Agency scope is
 *       checked by the service where it knows the agency ({@link Caller#requireActingFor}).
 * </ol>
 *
 * <p>Proactive authentication is off ({@code quarkus.http.auth.proactive=false}), so a token is verified here and
 * its failure answered in the suite's problem shape rather than by the HTTP layer's empty 401.
 */
public class ApiSecurityFilters {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    AccessMatrix matrix;

    @Inject
    Caller caller;

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        String path = path(request);
        if (!isApi(path)) {
            return Uni.createFrom().nullItem();
        }
        boolean tokenSent = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) -> {
            if (failure != null) {
                return unauthorized(path, reason(failure), true);
            }
            if (identity == null || identity.isAnonymous()) {
                return unauthorized(
                        path,
                        tokenSent
                                ? "the Authorization header is not a bearer token"
                                : "a bearer token is required (Authorization: Bearer <JWT>)",
                        tokenSent);
            }
            return null;
        });
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void authorize(ContainerRequestContext request, ResourceInfo resource) {
        String path = path(request);
        if (!isApi(path) || resource == null || resource.getResourceMethod() == null) {
            return;
        }
        String template = template(resource);
        AccessRule rule = matrix.find(request.getMethod(), template).orElse(null);
        if (rule == null) {
            Log.errorf(
                    "no access rule for %s %s in the %s matrix: refused",
                    request.getMethod(), template, matrix.service());
            throw new ForbiddenException("no access rule covers " + request.getMethod() + " " + template);
        }
        Set<Role> roles = roles(caller);
        if (!rule.allows(roles)) {
            throw new ForbiddenException("role" + (roles.size() == 1 ? " " : "s ") + claims(roles) + " may not call "
                    + rule.operation() + "; allowed: " + claims(rule.roles()));
        }
    }

    @ServerResponseFilter
    public void echoRequestId(ContainerRequestContext request, ContainerResponseContext response) {
        if (isApi(path(request)) && Caller.inRequest()) {
            response.getHeaders().putSingle(Caller.REQUEST_ID_HEADER, caller.requestId());
        }
    }

    /** The path template of the matched resource method, as OpenAPI writes it. */
    static String template(ResourceInfo resource) {
        Path classPath = resource.getResourceClass().getAnnotation(Path.class);
        Path methodPath = resource.getResourceMethod().getAnnotation(Path.class);
        String template =
                (classPath == null ? "" : classPath.value()) + "/" + (methodPath == null ? "" : methodPath.value());
        return AccessMatrix.normalise(template);
    }

    private static Set<Role> roles(Caller caller) {
        return caller.roles().isEmpty() ? EnumSet.noneOf(Role.class) : caller.roles();
    }

    private static String claims(Set<Role> roles) {
        if (roles.isEmpty()) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                sb.append(sb.isEmpty() ? "" : ", ").append(role.claim());
            }
        }
        return sb.toString();
    }

    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    private static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static Response unauthorized(String path, String detail, boolean tokenSent) {
        Problem problem = Problem.of(new UnauthorizedException(detail), path);
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer")
                .entity(problem)
                .build();
    }

    /** Why the token was refused, in words that name the class of fault and nothing of the token itself. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return "the bearer token has expired";
                }
                if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
                    return "the bearer token is not valid yet (nbf)";
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "the bearer token comes from an issuer this service does not trust";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return "the bearer token's signature does not verify";
                }
            }
        }
        return "the bearer token is not valid (malformed, unsigned, wrongly signed, expired or from another issuer)";
    }
}
