package vn.partracker.support.http;

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
 * <p>The HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}, set to the import limit) rejects larger
 * bodies before any resource runs; its 413 is rewritten into problem+json here too. Below it, the declared
 * {@code Content-Length} is checked before the body is read, and a body without one (chunked) is counted while it
 * is read.
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
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                return;
            }
            if (length > limit) {
                throw new PayloadTooLargeException(limit);
            }
        } else if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    /** Answers the HTTP layer's own 413 (a body beyond the import limit) with problem+json. */
    void problemFor413(@Observes Router router) {
        router.errorHandler(413, ctx -> {
            if (!ctx.response().ended() && !ctx.response().headWritten()) {
                ctx.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end("{\"type\":\"" + Problem.TYPE_PREFIX + "payload-too-large\",\"title\":\"Payload too"
                                + " large\",\"status\":413,\"detail\":\"the request body is larger than the "
                                + IMPORT_LIMIT / (1024 * 1024) + " MB any endpoint accepts\",\"instance\":\""
                                + ctx.normalizedPath().replace("\"", "") + "\"}");
            }
        });
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
