package vn.partracker.testsupport.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Installs {@link OpenApiResponseValidator} before each {@code @QuarkusTest} method (registered as a service). */
public final class ResponseValidationCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        OpenApiResponseValidator.install();
    }
}
