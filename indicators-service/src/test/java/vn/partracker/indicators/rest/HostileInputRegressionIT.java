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
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;

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
