package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fuzz.HostileInputContract;
import vn.partracker.testsupport.fuzz.HostileInputProfile;

/**
 * The suite's hostile-input fuzzer against indicators-service: 10,000 requests generated from its own OpenAPI document,
 * on a database of its own (see {@link HostileInputProfile}) holding a small Kon Tum world — agencies, a plan, a
 * monthly ratio indicator, a value indicator, a composite one, a figure and a period lock — whose ids let requests
 * reach past the 404s into the rules.
 */
@QuarkusTest
@TestProfile(HostileInputProfile.class)
@WithTestResource(InfrastructureResource.class)
class HostileInputIT extends HostileInputContract {

    private static final List<String> KNOWN = new ArrayList<>();

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void world() {
        if (!KNOWN.isEmpty()) {
            return;
        }
        IndicatorsWorld world = IndicatorsWorld.create(new Replicas(dataSource));
        String monthly = create("/api/indicators", Bodies.onTimeDossiers(world, "IV", "1", "MONTHLY"));
        String satisfaction = create("/api/indicators", Bodies.satisfaction(world, "7"));
        String parIndex = create("/api/indicators", Bodies.parIndex(world, "9"));
        String figure = create(
                "/api/measurements",
                Map.of(
                        "indicatorId",
                        monthly,
                        "agencyId",
                        world.homeAffairs.toString(),
                        "period",
                        "2024-03",
                        "numerator",
                        95,
                        "denominator",
                        100));
        String lock = create(
                "/api/period-locks",
                Map.of("indicatorId", satisfaction, "period", "2023", "reason", "Đã chốt số liệu"));
        KNOWN.addAll(List.of(
                monthly,
                satisfaction,
                parIndex,
                figure,
                lock,
                world.plan.toString(),
                world.homeAffairs.toString(),
                world.commune.toString(),
                world.departments.toString()));
    }

    private static String create(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * The service's database, seen once no background import is running. A background import ({@code async=true})
     * is an accepted request (202) that keeps writing — its figures and its {@code import_job} row — after the answer;
     * the fuzzer's table snapshots wait for it to end, so its writes are not counted against later batches whose
     * requests were all rejected. No table is made volatile for it.
     */
    @Override
    protected DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        awaitNoRunningImport();
                    }
                    try {
                        return method.invoke(dataSource, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void awaitNoRunningImport() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() ->
                        TableCounts.count(dataSource, "SELECT count(*) FROM import_job WHERE status = 'RUNNING'") == 0);
    }

    @Override
    protected List<String> knownIds() {
        return List.copyOf(KNOWN);
    }
}
