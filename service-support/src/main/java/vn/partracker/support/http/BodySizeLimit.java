package vn.partracker.support.http;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.partracker.support.problem.PayloadTooLargeException;
import vn.partracker.support.problem.Problem;

/**
 * Request body limits: 1 MB for ordinary requests, 50 MB for the endpoints marked {@link LargeBody} (imports), so
 * a client cannot make a service buffer or parse tens of megabytes where a few kilobytes are expected. Both are
 * answered 413 problem+json.
 *
 * <p>A declared body beyond the import limit is refused before the HTTP layer reads it (problem+json too). Below it,
 * the declared {@code Content-Length} is checked before the body is read, and a body without one (chunked) is
 * counted while it is read. The HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) must stay above
 * the import limit (the services set 64 MB): that layer counts the bytes as they arrive, ahead of this count, and
 * answers with an empty 413 of its own, so at an equal limit a chunked import beyond 50 MB got the empty answer.
 */
@Singleton
public class BodySizeLimit {

    /** Accepted body size of an ordinary request. */
    public static final long DEFAULT_LIMIT = 1024L * 1024;

    /** Accepted body size of an import. */
    public static final long IMPORT_LIMIT = 50L * 1024 * 1024;

    /** Checks the body against the limit of the resource method about to run. */
    @ServerRequestFilter
    public void limit(ContainerRequestContext request, @Context ResourceInfo resource) {
        long limit = resource != null
                        && resource.getResourceMethod() != null
                        && resource.getResourceMethod().isAnnotationPresent(LargeBody.class)
                ? IMPORT_LIMIT
                : DEFAULT_LIMIT;
        String declared = request.getHeaderString("Content-Length");
        if (declared != null) {
            if (declaredLength(declared) > limit) {
                throw new PayloadTooLargeException(limit);
            }
        } else if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    /**
     * Refuses a declared body beyond the import limit before the HTTP layer's body handler sees it: that handler
     * answers with an empty 413, this one with problem+json. A chunked body has no length to check here; it is
     * counted by {@link #limit}.
     */
    void refuseOversizedBodies(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (declaredLength(ctx.request().getHeader("Content-Length")) > IMPORT_LIMIT) {
                ctx.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(Problem.of(new PayloadTooLargeException(IMPORT_LIMIT), ctx.normalizedPath())));
                return;
            }
            ctx.next();
        });
    }

    /** The declared body length, or -1 when none (or no number) is declared. */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Counts a body without Content-Length and stops at the limit. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
    }
}
