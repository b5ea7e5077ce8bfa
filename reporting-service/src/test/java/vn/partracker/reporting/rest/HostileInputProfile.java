package vn.partracker.reporting.rest;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A profile of its own for {@link HostileInputIT}: a separate application start, hence a fresh database (see
 * {@code InfrastructureResource}) that no other test class writes to while the fuzzer compares table checksums.
 */
public class HostileInputProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
