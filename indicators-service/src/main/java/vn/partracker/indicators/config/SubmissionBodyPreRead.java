package vn.partracker.indicators.config;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.partracker.support.http.BodySizeLimit;

/**
 * Reads the small JSON body of a figure submission (and of the other small JSON writes) on the Vert.x I/O thread,
 * before the request is handed to a worker thread.
 *
 * <p>Quarkus REST reads the body of a blocking resource method on the worker thread, through a blocking stream that
 * waits for the I/O thread to deliver the bytes ({@code VertxBlockingInput.readBlocking}); its own non-blocking
 * pre-read ({@code InputHandler}, {@code quarkus.rest.input-buffer-size}) is only installed for non-blocking methods,
 * and there is no setting to have it for blocking ones. Under load the I/O threads are busy (TLS-less HTTP parsing,
 * token checks), so the issue-13 profile had workers of {@code POST /api/measurements} parked 50.4 s per minute in
 * {@code readBlocking}, each holding a worker thread while waiting. A body already read here is handed to the method
 * from memory: Quarkus REST takes the {@link io.vertx.ext.web.RoutingContext#body() routing context's body} when
 * there is one.
 *
 * <p>Only a body whose {@code Content-Length} is declared and at most {@link BodySizeLimit#DEFAULT_LIMIT} (1 MB), of
 * a JSON media type, on the endpoints {@link #preReads} lists, is read here; anything else takes the path it took
 * before: a chunked body is still counted while it is read and a declared body over the limit still refused with 413
 * problem+json by {@link BodySizeLimit} before it is read, a request with {@code Expect: 100-continue} still gets its
 * {@code 100} from Quarkus REST, and imports ({@code @LargeBody}) still stream. HTTP/2 requests are left alone (see
 * {@code install}).
 */
@Singleton
public class SubmissionBodyPreRead {

    /** After {@link BodySizeLimit}'s refusal of oversized declared bodies, before anything else. */
    static final int ORDER = Integer.MIN_VALUE + 1;

    private static final Pattern POSTS = Pattern.compile(
            "/api/(measurements|indicators|period-locks)|/api/measurements/[^/]+/(approve|return|reopen)");
    private static final Pattern PUTS = Pattern.compile("/api/(measurements|indicators)/[^/]+");

    void install(@Observes Router router) {
        BodyHandler reader = BodyHandler.create(false)
                .setBodyLimit(BodySizeLimit.DEFAULT_LIMIT)
                .setPreallocateBodyBuffer(true);
        router.route().order(ORDER).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            // HTTP/1.x only: on an HTTP/2 stream (h2c, e.g. Java's HttpClient upgrades to it) Quarkus REST pauses the
            // request after this read, which an ended HTTP/2 request refuses ("Request has already been read": a 500)
            if (request.version() != HttpVersion.HTTP_2
                    && preReads(
                            request.method().name(),
                            ctx.normalizedPath(),
                            request.getHeader(HttpHeaders.CONTENT_LENGTH),
                            request.getHeader(HttpHeaders.TRANSFER_ENCODING),
                            request.getHeader(HttpHeaders.CONTENT_TYPE),
                            request.getHeader(HttpHeaders.EXPECT))) {
                reader.handle(ctx);
            } else {
                ctx.next();
            }
        });
    }

    /**
     * Whether a request's body is read on the I/O thread.
     *
     * @param method the HTTP method
     * @param path the normalised path
     * @param contentLength the {@code Content-Length} header, or {@code null}
     * @param transferEncoding the {@code Transfer-Encoding} header, or {@code null}
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param expect the {@code Expect} header, or {@code null}
     */
    static boolean preReads(
            String method,
            String path,
            String contentLength,
            String transferEncoding,
            String contentType,
            String expect) {
        if (transferEncoding != null || expect != null || !isJson(contentType)) {
            return false;
        }
        long length = declaredLength(contentLength);
        if (length <= 0 || length > BodySizeLimit.DEFAULT_LIMIT) {
            return false;
        }
        return switch (method) {
            case "POST" -> POSTS.matcher(path).matches();
            case "PUT" -> PUTS.matcher(path).matches();
            default -> false;
        };
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

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
}
