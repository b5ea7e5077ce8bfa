package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.security.TestTokens;

/**
 * Benchmark, not a timed test: runs only with {@code -Dbenchmark=true} and asserts only that the work was done.
 * Measures a 100,000-row JSON batch import and single submissions from 16 concurrent clients, and writes the numbers
 * to the log and to {@code target/benchmark-results.txt}.
 *
 * <p>Run: {@code ./mvnw -B -o -pl indicators-service verify -Dbenchmark=true -Dtest=MeasurementBenchmarkIT
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class MeasurementBenchmarkIT {

    private static final int BATCH_ROWS = 100_000;
    private static final int CLIENTS = 16;
    private static final int SUBMISSIONS = 8_000;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/measurements")
    URI measurements;

    @Test
    void batchImportAndConcurrentSubmissions() throws Exception {
        Replicas replicas = new Replicas(dataSource);
        IndicatorsWorld world = IndicatorsWorld.create(replicas);
        List<UUID> agencies = List.of(world.homeAffairs, world.environment, world.commune, world.district);
        List<String> indicators = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            indicators.add(create(Bodies.onTimeDossiers(world, "B", String.valueOf(i), "MONTHLY")));
        }
        int months = BATCH_ROWS / (indicators.size() * agencies.size());
        StringBuilder body = new StringBuilder(BATCH_ROWS * 160).append('[');
        YearMonth start = YearMonth.of(2030, 1);
        int rows = 0;
        for (String indicator : indicators) {
            for (UUID agency : agencies) {
                for (int m = 0; m < months; m++) {
                    if (rows++ > 0) {
                        body.append(',');
                    }
                    int a = 100 + m % 900;
                    body.append("{\"indicatorId\":\"")
                            .append(indicator)
                            .append("\",\"agencyId\":\"")
                            .append(agency)
                            .append("\",\"period\":\"")
                            .append(start.plusMonths(m))
                            .append("\",\"numerator\":")
                            .append(a - m % 7)
                            .append(",\"denominator\":")
                            .append(a)
                            .append('}');
                }
            }
        }
        body.append(']');
        byte[] batch = body.toString().getBytes(StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        int imported = given().contentType(ContentType.JSON)
                .body(batch)
                .post("/api/measurements/batch")
                .then()
                .statusCode(200)
                .extract()
                .path("imported");
        double batchSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(rows, imported);

        String single = create(Bodies.onTimeDossiers(world, "B", "single", "MONTHLY"));
        HttpClient client = HttpClient.newBuilder().build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> results = new ArrayList<>();
        long t1 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int clientNo = c;
            results.add(pool.submit(() -> {
                int share = SUBMISSIONS / CLIENTS;
                long[] latencies = new long[share];
                for (int i = 0; i < share; i++) {
                    int n = clientNo * share + i;
                    UUID agency = agencies.get(n % agencies.size());
                    YearMonth month = YearMonth.of(2030, 1).plusMonths(n / agencies.size());
                    String json = "{\"indicatorId\":\"" + single + "\",\"agencyId\":\"" + agency + "\",\"period\":\""
                            + month + "\",\"numerator\":" + (90 + n % 10) + ",\"denominator\":100}";
                    HttpRequest request = HttpRequest.newBuilder(measurements)
                            .header("Content-Type", "application/json")
                            .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build();
                    long s = System.nanoTime();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - s;
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long latency : result.get()) {
                all.add(latency);
            }
        }
        double singleSeconds = (System.nanoTime() - t1) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        double p50 = all.get(all.size() / 2) / 1e6;
        double p99 = all.get((int) Math.ceil(all.size() * 0.99) - 1) / 1e6;

        String report = String.format(
                "batch import: %d rows in %.2f s = %.0f rows/s%n"
                        + "single submissions: %d requests from %d clients in %.2f s = %.0f requests/s,"
                        + " p50 %.1f ms, p99 %.1f ms%n",
                rows,
                batchSeconds,
                rows / batchSeconds,
                all.size(),
                CLIENTS,
                singleSeconds,
                all.size() / singleSeconds,
                p50,
                p99);
        Log.info(report);
        Files.writeString(Path.of("target", "benchmark-results.txt"), report);
        assertEquals(SUBMISSIONS, all.size());
        assertEquals(
                (long) SUBMISSIONS,
                replicas.count("SELECT count(*) FROM measurement WHERE indicator_id = ?", UUID.fromString(single)));
    }

    private static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/indicators")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
