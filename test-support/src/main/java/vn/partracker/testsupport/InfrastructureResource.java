package vn.partracker.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the shared real PostgreSQL and Kafka of {@link TestInfrastructure},
 * with a fresh database per application start so test profiles do not see each other's rows.
 *
 * <p>Use it with {@code @WithTestResource(InfrastructureResource.class)}; classes with the same resource share one
 * application start.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String database = "svc";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        return Map.of(
                "quarkus.datasource.jdbc.url",
                infra.newDatabase(database),
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres",
                "kafka.bootstrap.servers",
                infra.bootstrapServers());
    }

    @Override
    public void stop() {
        // the servers outlive one application start; TestInfrastructure stops them when the JVM exits
    }
}
