package vn.partracker.testsupport.security;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Installs {@link DefaultTokenFilter} before each {@code @QuarkusTest} method (registered as a service). */
public final class DefaultTokenCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        DefaultTokenFilter.install();
    }
}
