package vn.partracker.testsupport.contract;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Checks every answer an HTTP test receives from an {@code /api} operation against the service's own OpenAPI
 * document: the status must be documented for the operation, a body must come in a media type the answer documents,
 * and a JSON body must be valid against the documented schema (OpenAPI 3.1 dialect of JSON Schema 2020-12). A
 * mismatch fails the test that made the request, so a document can no longer drift from what the service sends.
 *
 * <p>Requests to paths or methods the document does not have (a 404 for an unknown path, a 405 for a method the
 * resource lacks) are not operations and are not checked. A test that must see an answer unchecked (none does today)
 * sends {@link #UNCHECKED}. Installed before each {@code @QuarkusTest} by {@link ResponseValidationCallback}; the
 * number of answers checked per document is logged when the test JVM ends.
 */
public final class OpenApiResponseValidator implements Filter {

    /** A request header that skips the check for this request (and is not sent). */
    public static final String UNCHECKED = "X-Test-Unchecked-Response";

    /** Adds the validator to RestAssured's global filters once ({@code -Dopenapi.validate=false} leaves it out). */
    public static void install() {
        if (!"false".equals(System.getProperty("openapi.validate"))
                && RestAssured.filters().stream().noneMatch(f -> f instanceof OpenApiResponseValidator)) {
            RestAssured.filters(new OpenApiResponseValidator());
        }
    }

    /** How many answers were checked so far against the document served at {@code base}. */
    public static long checked(String base) {
        return ResponseContract.checked(base);
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        boolean unchecked = request.getHeaders().hasHeaderWithName(UNCHECKED);
        if (unchecked) {
            request.removeHeader(UNCHECKED);
        }
        Response answer = ctx.next(request, response);
        URI uri = URI.create(request.getURI());
        if (unchecked || uri.getPath() == null || !uri.getPath().startsWith("/api/")) {
            return answer;
        }
        String base = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        OpenApiDocument document = OpenApiDocument.of(base);
        Optional<OpenApiDocument.DocumentedOperation> operation =
                document.operation(request.getMethod(), uri.getPath());
        if (operation.isEmpty()) {
            return answer;
        }
        List<String> problems = check(document, operation.get(), answer);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer of " + request.getMethod() + " " + uri.getPath() + " breaks the"
                    + " OpenAPI document of " + operation.get().name() + ":\n  " + String.join("\n  ", problems)
                    + "\nstatus " + answer.statusCode() + ", Content-Type " + answer.contentType() + ", body: "
                    + abbreviate(answer.asString()));
        }
        return answer;
    }

    /**
     * What is wrong with {@code answer} as an answer of {@code operation} (empty when it matches its document).
     * Public so that a service's test can show that a mismatch is caught.
     */
    public static List<String> check(
            OpenApiDocument document, OpenApiDocument.DocumentedOperation operation, Response answer) {
        return ResponseContract.check(
                document, operation, answer.statusCode(), answer.contentType(), answer.asByteArray());
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }
}
