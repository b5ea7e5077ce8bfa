package vn.partracker.testsupport.fuzz;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profile of every service's {@link HostileInputContract} test: a profile of its own makes Quarkus start a
 * separate application, so {@code InfrastructureResource} gives it a fresh database that no other test class writes
 * to, and the fuzzer's table checksums see only its own requests.
 */
public class HostileInputProfile implements QuarkusTestProfile {}
