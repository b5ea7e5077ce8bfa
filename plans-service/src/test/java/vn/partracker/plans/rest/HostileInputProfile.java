package vn.partracker.plans.rest;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A profile of its own for {@link HostileInputIT}: Quarkus restarts the application (and {@code
 * InfrastructureResource} creates a fresh database) for it, so no other test class writes to the tables the fuzzer
 * checksums.
 */
public class HostileInputProfile implements QuarkusTestProfile {}
