package vn.partracker.testsupport.security;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Sends the admin test token on every RestAssured request that names no {@code Authorization} of its own, so a
 * test about figures or plans need not repeat it; a test about authentication sends its own header, or
 * {@link #ANONYMOUS} to send none at all. Installed before each {@code @QuarkusTest} by
 * {@link DefaultTokenCallback}.
 */
public final class DefaultTokenFilter implements Filter {

    /** A request header that makes the request go out without any Authorization header (and is not sent). */
    public static final String ANONYMOUS = "X-Test-Anonymous";

    /** Adds the filter to RestAssured's global filters once. */
    public static void install() {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof DefaultTokenFilter)) {
            RestAssured.filters(new DefaultTokenFilter());
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        if (request.getHeaders().hasHeaderWithName(ANONYMOUS)) {
            request.removeHeader(ANONYMOUS);
        } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", TestTokens.bearer(TestTokens.admin()));
        }
        return ctx.next(request, response);
    }
}
