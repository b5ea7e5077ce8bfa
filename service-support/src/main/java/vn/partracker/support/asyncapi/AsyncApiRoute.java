package vn.partracker.support.asyncapi;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.partracker.events.AsyncApiDocument;
import vn.partracker.events.EventCatalog;

/**
 * Serves the AsyncAPI 3.0 document of the topics this service writes or reads at {@code /q/asyncapi} (YAML), next to
 * {@code /q/openapi}, and the payload schemas it references at {@code /q/asyncapi/schemas/<type>.v1.json}. Like the
 * other {@code /q} endpoints it needs no token: it describes the contract, not data. The document is the events
 * module's generated one ({@link AsyncApiDocument}) filtered to this service's channels.
 */
@Singleton
public class AsyncApiRoute {

    /** Before the REST layer, which answers 404 for any path it does not serve. */
    private static final int ORDER = Integer.MIN_VALUE + 1;

    private static final Pattern SCHEMA_FILE = Pattern.compile("[a-z0-9.-]+\\.v[0-9]+\\.json");

    void register(@Observes Router router, @ConfigProperty(name = "quarkus.application.name") String service) {
        List<String> topics = AsyncApiDocument.topicsOf(service);
        String document = AsyncApiDocument.yaml(AsyncApiDocument.SERVED_SCHEMA_BASE, topics);
        router.get("/q/asyncapi")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/yaml; charset=UTF-8")
                        .end(document));
        router.get("/q/asyncapi/schemas/:file").order(ORDER).handler(ctx -> {
            String file = ctx.pathParam("file");
            byte[] schema = SCHEMA_FILE.matcher(file).matches() ? schema(file) : null;
            if (schema == null) {
                ctx.response().setStatusCode(404).end();
            } else {
                ctx.response()
                        .putHeader("Content-Type", "application/schema+json")
                        .end(io.vertx.core.buffer.Buffer.buffer(schema));
            }
        });
    }

    private static byte[] schema(String file) {
        try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream("schemas/" + file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("could not read schemas/" + file, e);
        }
    }
}
