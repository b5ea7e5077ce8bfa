package vn.partracker.plans.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.ServiceEndpointsContract;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ServiceEndpointsIT extends ServiceEndpointsContract {}
