package vn.partracker.support.problem;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import vn.partracker.support.openapi.OpenApiExamples;

/**
 * Gives every documented error answer (4xx, 5xx) without its own body the {@code application/problem+json}
 * {@code Problem} schema, because that is what {@link ProblemExceptionMappers} sends for all of them. Resources then
 * only state which errors an operation has and why, instead of repeating the body annotation on each.
 *
 * <p>It also documents the answers every {@code /api} operation can give whatever it does, so that the document
 * lists every status a client can meet (the response validator of the tests refuses an undocumented one): 401 (no
 * or invalid token), 403 (role or agency not allowed) and 503 (database or broker unreachable, {@link
 * ServiceUnavailableException}) on all of them, 400 on those with a query or header
 * parameter or a body (unreadable or invalid), on those that read a body 413 (too large) and 415 (a media type
 * the operation does not read), and on every write (POST, PUT, PATCH, DELETE) 409: {@link DatabaseErrors} answers a
 * unique or reference rule broken by a concurrent request, a serialization failure or a deadlock with 409 whatever
 * the operation (two overlapping imports of the same figures, found by the response validator).
 *
 * <p>It also attaches the examples of the service's main bodies ({@link OpenApiExamples}).
 *
 * <p>Registered in each service with {@code mp.openapi.filter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String SCHEMA_NAME = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(SCHEMA_NAME)) {
            components.addSchema(SCHEMA_NAME, problemSchema());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        OpenApiExamples.attach(openAPI);
        for (Map.Entry<String, PathItem> item :
                openAPI.getPaths().getPathItems().entrySet()) {
            Map<PathItem.HttpMethod, Operation> operations = item.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : operations.entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                if (item.getKey().startsWith("/api/")) {
                    addCommonAnswers(entry.getKey(), operation);
                }
                operation.getResponses().getAPIResponses().forEach(ProblemResponsesFilter::addProblemBody);
                APIResponse unavailable = operation.getResponses().getAPIResponse("503");
                if (unavailable != null
                        && (unavailable.getHeaders() == null
                                || !unavailable.getHeaders().containsKey("Retry-After"))) {
                    unavailable.addHeader(
                            "Retry-After",
                            OASFactory.createHeader()
                                    .description("seconds to wait before sending the request again")
                                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
                }
            }
        }
    }

    private static void addCommonAnswers(PathItem.HttpMethod method, Operation operation) {
        addIfAbsent(operation, "401", "No token, or an invalid, expired or foreign one");
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            addIfAbsent(
                    operation,
                    "409",
                    "Conflicts with the current state, or with a concurrent request that broke the same rule first");
        }
        addIfAbsent(operation, "403", "The caller's role or agency may not make this call");
        addIfAbsent(
                operation,
                "503",
                "The database or the broker cannot be reached or is overloaded for now; nothing was changed. Send the"
                        + " request again after the Retry-After seconds (with the same Idempotency-Key for a create)");
        boolean queryOrHeader = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.QUERY || p.getIn() == Parameter.In.HEADER);
        if (operation.getRequestBody() != null || queryOrHeader) {
            addIfAbsent(operation, "400", "A parameter or the body is not readable or not valid");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(operation, "413", "The body is larger than the operation accepts");
            addIfAbsent(operation, "415", "The body's media type is not one the operation reads");
        }
    }

    private static void addIfAbsent(Operation operation, String code, String description) {
        if (!operation.getResponses().hasAPIResponse(code)) {
            operation
                    .getResponses()
                    .addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void addProblemBody(String code, APIResponse response) {
        boolean error = code.startsWith("4") || code.startsWith("5");
        boolean hasBody = response.getContent() != null
                && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
        if (error && !hasBody) {
            response.setContent(OASFactory.createContent()
                    .addMediaType(
                            Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(SCHEMA_NAME))));
        }
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text("JSON path of the rejected field, e.g. targets[1].value"))
                .addProperty("message", text("what is wrong with it"));
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details, the error body of every PAR Tracker service")
                .addProperty("type", text("URI of the kind of problem, https://partracker.vn/problems/…"))
                .addProperty("title", text("short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text("what went wrong in this request"))
                .addProperty("instance", text("the request path"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .items(fieldError))
                .addProperty("lockReason", text("why the period or record is locked (lock problems only)"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
