package vn.partracker.support.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * Puts the examples of a service's main request and response bodies into its OpenAPI document. They live as plain
 * JSON files in the service's resources, {@code openapi-examples/<operationId>.request.json} for the request body and
 * {@code openapi-examples/<operationId>.<status>.json} for an answer, taken from the Kon Tum seed (plan
 * 59/QĐ-UBND), so they read like real data, are easy to keep right, and are checked against the document's own
 * schemas by each service's contract test. Called by the service's OpenAPI filter.
 */
public final class OpenApiExamples {

    /** Where the example files are, on the service's class path. */
    public static final String DIRECTORY = "openapi-examples/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiExamples() {}

    /** Attaches every example file found to its operation's {@code application/json} body. */
    public static void attach(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null) {
                continue;
            }
            for (Operation operation : operations.values()) {
                String id = operation.getOperationId();
                if (id == null) {
                    continue;
                }
                if (operation.getRequestBody() != null) {
                    attach(operation.getRequestBody().getContent(), id + ".request.json");
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation
                            .getResponses()
                            .getAPIResponses()
                            .forEach((status, response) -> attach(response.getContent(), id + "." + status + ".json"));
                }
            }
        }
    }

    private static void attach(Content content, String file) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        MediaType json = content.getMediaTypes().get("application/json");
        if (json == null || json.getExample() != null) {
            return;
        }
        Object example = read(file);
        if (example != null) {
            json.setExample(example);
        }
    }

    private static Object read(String file) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = OpenApiExamples.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(DIRECTORY + file)) {
            return in == null ? null : JSON.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the OpenAPI example " + DIRECTORY + file, e);
        }
    }
}
