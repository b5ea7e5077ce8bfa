package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.partracker.testsupport.fixtures.TableCounts.assertNothingWritten;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.support.http.BodySizeLimit;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.http.ChunkedUpload;

/**
 * One regression test per class of hostile input of the "never a 500, never a slow request, never a partial write"
 * issue that applies to indicators-service; each also checks that nothing was written.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class HostileInputRegressionIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WRITTEN = {"indicator", "indicator_target", "measurement", "import_job"};

    private static IndicatorsWorld world;
    private static String monthly;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void world() {
        if (world == null) {
            world = IndicatorsWorld.create(new Replicas(dataSource));
            monthly = given().contentType(ContentType.JSON)
                    .body(Bodies.onTimeDossiers(world, "IX", "1", "MONTHLY"))
                    .post("/api/indicators")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }
    }

    @Test
    void exponentNumbersAreRefusedNamingTheFieldInMicroseconds() {
        for (String number : List.of("1e-999999999", "1e999999999", "0.0000001", "1234567890123456")) {
            long began = System.nanoTime();
            Response answer = nothingWritten(() -> given().contentType(ContentType.JSON)
                    .body(figure("numerator", number))
                    .post("/api/measurements"));
            answer.then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", hasItem(containsString("numerator")));
            assertTrue(System.nanoTime() - began < 2_000_000_000L, number + " took too long");
        }
        nothingWritten(() -> given().contentType(ContentType.JSON)
                        .body(figure("components", "{\"ASSESSED\": 1e-999999999}"))
                        .post("/api/measurements"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(containsString("components")));
    }

    @Test
    void numbersBeyondPostgresNumericRangeAreA400NamingTheField() {
        Map<String, Object> indicator = Bodies.onTimeDossiers(world, "IX", "2", "MONTHLY");
        indicator.put("targets", List.of(Bodies.target("AT_LEAST", "__N__", Map.of())));
        String body = json(indicator).replace("\"__N__\"", "1e131073");
        nothingWritten(() -> given().contentType(ContentType.JSON).body(body).post("/api/indicators"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem(containsString("value")));
        nothingWritten(() -> given().contentType(ContentType.JSON)
                        .body("[" + figure("value", "1e131073") + "]")
                        .post("/api/measurements/batch"))
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("rejected.field", hasItem("value"));
    }

    @Test
    void aHugePageIsA400() {
        given().get("/api/measurements?page=2147483647&size=500")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().get("/api/indicators?page=99999999&size=500")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void aDateBeyondTheAcceptedRangeIsA400() {
        given().get("/api/indicators/" + monthly + "/target?agencyId=" + world.homeAffairs + "&asOf=+100000000-01-01")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("asOf"));
        Map<String, Object> indicator = Bodies.onTimeDossiers(world, "IX", "3", "MONTHLY");
        Map<String, Object> target = new HashMap<>(Bodies.target("AT_LEAST", 95, Map.of()));
        target.put("validFrom", "2201-01-01");
        indicator.put("targets", List.of(target));
        nothingWritten(() ->
                        given().contentType(ContentType.JSON).body(indicator).post("/api/indicators"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem(containsString("validFrom")));
    }

    @Test
    void concurrentCreatesOfTheSameIndicatorGiveOne201AndOne409() throws Exception {
        Map<String, Object> indicator = Bodies.onTimeDossiers(world, "IX", "4", "MONTHLY");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return given().contentType(ContentType.JSON)
                        .body(indicator)
                        .post("/api/indicators")
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        statuses.sort(Integer::compare);
        assertEquals(List.of(201, 409), statuses);
        assertEquals(
                1,
                new Replicas(dataSource)
                        .count("SELECT count(*) FROM indicator WHERE group_code = 'IX' AND ordinal = '4'"));
    }

    @Test
    void aBodyOver1MbIsA413OnOrdinaryEndpointsButNotOnImports() {
        String padding = "x".repeat(1_500_000);
        Map<String, Object> indicator = Bodies.onTimeDossiers(world, "IX", "5", "MONTHLY");
        indicator.put("legalBasis", padding);
        nothingWritten(() ->
                        given().contentType(ContentType.JSON).body(indicator).post("/api/indicators"))
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("status", equalTo(413));
        String rows = "[" + figure("note", "\"" + padding + "\"") + "]";
        given().contentType(ContentType.JSON)
                .body(rows)
                .post("/api/measurements/batch?dryRun=true")
                .then()
                .statusCode(not(413));
    }

    @Test
    void aRejectedImportIsProblemJsonAndWritesNoImportJob() {
        Response answer = nothingWritten(() -> given().contentType(ContentType.JSON)
                .body("[" + figure("numerator", "150") + "]")
                .post("/api/measurements/batch"));
        answer.then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://partracker.vn/problems/import-rejected"))
                .body("title", equalTo("Import rejected"))
                .body("status", equalTo(422))
                .body("instance", equalTo("/api/measurements/batch"))
                .body("importStatus", equalTo("REJECTED"))
                .body("rejectedRows", equalTo(1))
                .body("rejected[0].field", equalTo("numerator"));
        given().get("/api/imports/" + answer.path("id")).then().statusCode(200).body("status", equalTo("REJECTED"));
        nothingWritten(() -> given().contentType(ContentType.JSON)
                        .body("[" + figure("numerator", "5") + "]")
                        .post("/api/measurements/batch?dryRun=true"))
                .then()
                .statusCode(200);
        nothingWritten(() -> given().contentType(ContentType.JSON)
                        .body("{\"rows\": []}")
                        .post("/api/measurements/batch?async=true"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        nothingWritten(() -> given().contentType(ContentType.JSON)
                        .body("[" + figure("numerator", "5") + "]")
                        .post("/api/measurements/batch?dryRun=maybe"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("dryRun"));
    }

    @Test
    void csvCellsFollowTheNumberPolicyAsRowErrors() {
        String csv = "indicatorId,agencyId,period,numerator,denominator,components\n"
                + monthly + "," + world.homeAffairs + ",2025-01,1e400,100,\n"
                + monthly + "," + world.homeAffairs + ",2025-02,1234567890123456789,100,\n"
                + monthly + "," + world.homeAffairs + ",2025-03,5,100,A=1e-999999999\n";
        nothingWritten(() -> given().contentType("text/csv")
                        .body(csv.getBytes(StandardCharsets.UTF_8))
                        .post("/api/measurements/import"))
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("rejectedRows", equalTo(3))
                .body("rejected.find { it.row == 2 }.field", equalTo("numerator"))
                .body("rejected.find { it.row == 3 }.field", equalTo("numerator"))
                .body("rejected.find { it.row == 4 }.field", equalTo("components.A"));
    }

    @Test
    void xlsxNaNAndInfiniteCellsAreRowErrorsAndASheetlessWorkbookIsA400() throws IOException {
        byte[] workbook = workbook(Double.POSITIVE_INFINITY, Double.NaN);
        nothingWritten(() -> given().contentType(XLSX).body(workbook).post("/api/measurements/import"))
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("rejected.find { it.row == 2 }.field", equalTo("numerator"))
                .body("rejected.find { it.row == 3 }.field", equalTo("numerator"));
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.write(empty);
        }
        nothingWritten(() -> given().contentType(XLSX).body(empty.toByteArray()).post("/api/measurements/import"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void pageAndSizeThatAreNotWholeNumbersAreA400NamingTheParameter() {
        for (String path : List.of("/api/indicators", "/api/measurements")) {
            for (String value : List.of("abc", "1e3", "99999999999999999999")) {
                given().queryParam("page", value)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .contentType(PROBLEM)
                        .body("errors.field", hasItem("page"));
                given().queryParam("size", value)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .contentType(PROBLEM)
                        .body("errors.field", hasItem("size"));
            }
        }
    }

    /**
     * A body sent chunked (no Content-Length) is counted while it is read: beyond 1 MB on an ordinary endpoint and
     * beyond 50 MB on an import it is a 413 problem+json, like a declared length (the HTTP layer's own 413 had an
     * empty body). Nothing is written and no spooled workbook is left behind.
     */
    @Test
    void chunkedBodiesBeyondTheLimitAreA413ProblemJson() throws Exception {
        long spooledBefore = spooledWorkbooks();
        long[] counts = counts();
        ChunkedUpload.Answer ordinary =
                ChunkedUpload.post(RestAssured.port, "/api/indicators", "application/json", "{", (byte) ' ', 3_000_000);
        assertProblem413(ordinary, BodySizeLimit.DEFAULT_LIMIT);
        ChunkedUpload.Answer batch = ChunkedUpload.post(
                RestAssured.port, "/api/measurements/batch", "application/json", "[", (byte) ' ', 60_000_000);
        assertProblem413(batch, BodySizeLimit.IMPORT_LIMIT);
        ChunkedUpload.Answer workbook =
                ChunkedUpload.post(RestAssured.port, "/api/measurements/import", XLSX, "PK", (byte) 0, 60_000_000);
        assertProblem413(workbook, BodySizeLimit.IMPORT_LIMIT);
        assertEquals(java.util.Arrays.toString(counts), java.util.Arrays.toString(counts()), "nothing written");
        assertEquals(spooledBefore, spooledWorkbooks(), "a refused workbook leaves no temporary file");
    }

    @Test
    void anUnreadableWorkbookLeavesNoTemporaryFile() {
        long spooledBefore = spooledWorkbooks();
        nothingWritten(() -> given().contentType(XLSX)
                        .body("PK not a zip at all".getBytes(StandardCharsets.UTF_8))
                        .post("/api/measurements/import"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        nothingWritten(() -> given().contentType(XLSX)
                        .body("PK not a zip at all".getBytes(StandardCharsets.UTF_8))
                        .post("/api/measurements/import?async=true"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        assertEquals(spooledBefore, spooledWorkbooks());
    }

    /**
     * Two imports of the same new indicators at once: each answers 201 or 409 problem+json, never 500, and the
     * indicators exist once.
     */
    @Test
    void overlappingIndicatorImportsOfTheSameNewIndicatorsCreateThemOnce() throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> item = new HashMap<>(Bodies.onTimeDossiers(world, "OV", String.valueOf(i), "MONTHLY"));
            item.remove("planId");
            items.add(item);
        }
        String document = json(Map.of("planId", world.plan.toString(), "indicators", items));
        for (int round = 0; round < 3; round++) {
            String group = "OV" + round;
            String body = document.replace("\"group\":\"OV\"", "\"group\":\"" + group + "\"");
            List<Integer> statuses = concurrently(
                    () -> given().contentType(ContentType.JSON).body(body).post("/api/indicators/import"));
            assertTrue(statuses.contains(201), "round " + round + ": " + statuses);
            assertEquals(
                    3,
                    new Replicas(dataSource).count("SELECT count(*) FROM indicator WHERE group_code = ?", group),
                    "round " + round + ": " + statuses);
        }
    }

    /**
     * Two batches of the same new figures at once: each answers 200 or 409 problem+json, never 500, and every figure
     * exists once.
     */
    @Test
    void overlappingBatchesOfTheSameFiguresStoreEachFigureOnce() throws Exception {
        List<java.util.UUID> agencies = List.of(world.homeAffairs, world.environment, world.commune, world.district);
        for (int round = 0; round < 3; round++) {
            String indicator = given().contentType(ContentType.JSON)
                    .body(Bodies.onTimeDossiers(world, "OB", String.valueOf(round), "MONTHLY"))
                    .post("/api/indicators")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            StringBuilder rows = new StringBuilder("[");
            for (java.util.UUID agency : agencies) {
                for (int m = 1; m <= 12; m++) {
                    if (rows.length() > 1) {
                        rows.append(',');
                    }
                    rows.append(json(Map.of(
                            "indicatorId",
                            indicator,
                            "agencyId",
                            agency.toString(),
                            "period",
                            String.format("2024-%02d", m),
                            "numerator",
                            70 + m,
                            "denominator",
                            100)));
                }
            }
            String batch = rows.append(']').toString();
            List<Integer> statuses = concurrently(
                    () -> given().contentType(ContentType.JSON).body(batch).post("/api/measurements/batch"));
            assertTrue(statuses.contains(200), "round " + round + ": " + statuses);
            assertEquals(
                    48L,
                    new Replicas(dataSource)
                            .count("SELECT count(*) FROM measurement WHERE indicator_id = ?::uuid", indicator),
                    "round " + round + ": " + statuses);
        }
    }

    /**
     * Sends {@code request} twice at once and waits for both answers; each must be 2xx, or 409 problem+json.
     * Returns both statuses.
     */
    private static List<Integer> concurrently(java.util.function.Supplier<Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return request.get();
            }));
        }
        start.countDown();
        // both answers first: a failed assertion must not leave the other import running into the next test
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Response> future : answers) {
            Response answer = future.get();
            int status = answer.statusCode();
            statuses.add(status);
            if (status >= 300) {
                assertEquals(409, status, answer.asString());
                assertTrue(answer.contentType().startsWith(PROBLEM), answer.contentType());
            }
        }
        return statuses;
    }

    private static void assertProblem413(ChunkedUpload.Answer answer, long limit) throws IOException {
        assertEquals(413, answer.status(), answer.headers() + answer.body());
        assertTrue(answer.contentType().startsWith(PROBLEM), answer.headers());
        assertEquals(413, JSON.readTree(answer.body()).path("status").asInt(), answer.body());
        assertTrue(answer.sent() < limit + 8L * 1024 * 1024, "refused soon after the limit, not at the end");
    }

    private long[] counts() {
        Replicas replicas = new Replicas(dataSource);
        long[] counts = new long[WRITTEN.length];
        for (int i = 0; i < WRITTEN.length; i++) {
            counts[i] = replicas.count("SELECT count(*) FROM " + WRITTEN[i]);
        }
        return counts;
    }

    private static long spooledWorkbooks() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("partracker-import-"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] workbook(double... numerators) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Số liệu");
            Row header = sheet.createRow(0);
            String[] headings = {"indicatorId", "agencyId", "period", "numerator", "denominator"};
            for (int i = 0; i < headings.length; i++) {
                header.createCell(i).setCellValue(headings[i]);
            }
            for (int r = 0; r < numerators.length; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(monthly);
                row.createCell(1).setCellValue(world.homeAffairs.toString());
                row.createCell(2).setCellValue(String.format("2025-%02d", r + 1));
                row.createCell(3).setCellValue(numerators[r]);
                row.createCell(4).setCellValue(100);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private String figure(String field, String rawJson) {
        Map<String, Object> body = new HashMap<>();
        body.put("indicatorId", monthly);
        body.put("agencyId", world.homeAffairs.toString());
        body.put("period", "2025-06");
        body.put("numerator", 5);
        body.put("denominator", 100);
        body.put(field, "__RAW__");
        return json(body).replace("\"__RAW__\"", rawJson);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response nothingWritten(java.util.function.Supplier<Response> request) {
        return assertNothingWritten(dataSource, request, WRITTEN);
    }
}
