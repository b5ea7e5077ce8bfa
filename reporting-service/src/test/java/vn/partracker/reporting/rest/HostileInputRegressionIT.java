package vn.partracker.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.reporting.KonTumFixture;
import vn.partracker.reporting.service.export.ReportExports;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * One regression test per class of hostile input that reaches reporting-service: exponent and out-of-range numbers,
 * huge pages, dates beyond the accepted range, concurrent creates of one code, bodies beyond the size limits, and
 * formula injection through the CSV and XLSX exports. Each rejected request is checked to write nothing.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class HostileInputRegressionIT {

    private static final String PROBLEM = "application/problem+json";
    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String[] TABLES = {"report_regime", "regime_expected_agency", "finalized_report"};

    @Inject
    AgroalDataSource dataSource;

    private static String regimeBody(String code, String offsets) {
        return """
                {"code": "%s", "name": "Báo cáo công tác kiểm soát TTHC hằng quý", "frequency": "QUARTERLY",
                 "rule": "ND09", "recipientAgencyCode": "KT.VP", "planNumbers": ["59/QĐ-UBND"],
                 "deadlineOffsets": %s}
                """.formatted(code, offsets);
    }

    private static String createRegime(String code) {
        return given().contentType("application/json")
                .body(regimeBody(code, "{\"DEFAULT\": 5}"))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private Response rejected(int status, java.util.function.Supplier<Response> request) {
        Response response = TableCounts.assertNothingWritten(dataSource, request, TABLES);
        response.then().statusCode(status).contentType(startsWith(PROBLEM)).body("status", equalTo(status));
        return response;
    }

    @Test
    void exponentNumbersAreRefusedNamingTheField() {
        for (String number : List.of("1e-999999999", "1e999999999", "5e0", "-0e-7")) {
            String code = "KT.EXP-" + TestEvents.suffix();
            rejected(
                            400,
                            () -> given().contentType("application/json")
                                    .body(regimeBody(code, "{\"PROVINCE\": " + number + "}"))
                                    .post("/api/report-regimes"))
                    .then()
                    .body("errors.field", hasItem(startsWith("deadlineOffsets")));
        }
    }

    @Test
    void numbersBeyondTheRangeAreRefusedNamingTheField() {
        for (String number : List.of("99999999999999999999999", "2147483648", "-2147483649", "1000000")) {
            String code = "KT.BIG-" + TestEvents.suffix();
            rejected(
                            400,
                            () -> given().contentType("application/json")
                                    .body(regimeBody(code, "{\"PROVINCE\": " + number + "}"))
                                    .post("/api/report-regimes"))
                    .then()
                    .body("errors.field", hasItem(startsWith("deadlineOffsets")));
        }
        String regime = createRegime("KT.YEAR-" + TestEvents.suffix());
        rejected(400, () -> given().queryParam("year", "2147483648").get("/api/report-regimes/" + regime + "/periods"))
                .then()
                .body("errors.field", hasItem("year"));
        rejected(400, () -> given().queryParam("year", "2147483647").get("/api/report-regimes/" + regime + "/periods"))
                .then()
                .body("errors.field", hasItem("year"));
    }

    @Test
    void hugePagesAreRefused() {
        rejected(400, () -> given().queryParam("page", "2147483647").get("/api/report-regimes"));
        rejected(
                400,
                () -> given().queryParam("page", "100000000")
                        .queryParam("size", "100")
                        .get("/api/report-regimes"));
        rejected(400, () -> given().queryParam("page", "99999999999999999999").get("/api/report-regimes"))
                .then()
                .body("errors.field", hasItem("page"));
    }

    @Test
    void datesBeyondTheAcceptedRangeAreRefusedNamingTheField() {
        String regime = createRegime("KT.DATE-" + TestEvents.suffix());
        for (String date : List.of("+100000000-01-01", "1899-12-31", "2201-01-01", "2024-02-30")) {
            rejected(
                            400,
                            () -> given().contentType("application/json")
                                    .body("{\"validFrom\": \"%s\", \"agencies\": [{\"agencyCode\": \"KT.SNV\"}]}"
                                            .formatted(date))
                                    .post("/api/report-regimes/" + regime + "/expected-agencies"))
                    .then()
                    .body("errors.field", hasItem("validFrom"));
            rejected(
                            400,
                            () -> given().queryParam("planId", UUID.randomUUID())
                                    .queryParam("agencyId", UUID.randomUUID())
                                    .queryParam("asOf", date)
                                    .get("/api/reports/tasks"))
                    .then()
                    .body("errors.field", hasItem("asOf"));
        }
    }

    @Test
    void concurrentCreatesOfOneCodeGiveOneCreatedAndOneConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            String code = "KT.RACE-" + TestEvents.suffix();
            CountDownLatch start = new CountDownLatch(1);
            Callable<Response> create = () -> {
                start.await();
                return given().contentType("application/json")
                        .body(regimeBody(code, "{\"DEFAULT\": 5}"))
                        .post("/api/report-regimes");
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Response>> answers = List.of(pool.submit(create), pool.submit(create));
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    Response response = answer.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 409) {
                        response.then().contentType(startsWith(PROBLEM)).body("status", equalTo(409));
                    }
                }
                statuses.sort(null);
                assertEquals(List.of(201, 409), statuses, "round " + round);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, TableCounts.count(dataSource, "SELECT count(*) FROM report_regime WHERE code = ?", code));
        }
    }

    @Test
    void bodiesBeyondTheLimitAre413ExceptOnImports() {
        String huge = "a".repeat(1_500_000);
        String code = "KT.HUGE-" + TestEvents.suffix();
        String body = """
                {"code": "%s", "name": "Báo cáo", "legalBasis": "%s", "frequency": "QUARTERLY", "rule": "ND09",
                 "recipientAgencyCode": "KT.VP", "planNumbers": ["59/QĐ-UBND"], "deadlineOffsets": {"DEFAULT": 5}}
                """.formatted(code, huge);
        rejected(413, () -> given().contentType("application/json").body(body).post("/api/report-regimes"));
        String regime = createRegime("KT.HUGE2-" + TestEvents.suffix());
        rejected(
                413,
                () -> given().contentType("application/json")
                        .body("{\"validFrom\": \"2024-01-01\", \"agencies\": [{\"agencyCode\": \"" + huge + "\"}]}")
                        .post("/api/report-regimes/" + regime + "/expected-agencies"));

        Response imported = TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType("application/json")
                        .body("{\"regimes\": [{\"regime\": " + body + "}]}")
                        .post("/api/report-regimes/import"),
                TABLES);
        assertNotEquals(413, imported.statusCode(), "an import of 1.5 MB is within its limit");
        imported.then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("errors.field", hasItem(startsWith("regimes[0].regime.legalBasis")));
    }

    @Test
    void exportsNeutraliseFormulasInCsvAndKeepXlsxCellsStrings() throws Exception {
        KonTumFixture kt = new KonTumFixture();
        UUID hostileAgency = UUID.randomUUID();
        TestEvents.send(
                Topics.AGENCIES,
                EventTypes.AGENCY_UPSERTED,
                hostileAgency,
                TestEvents.agency(
                        hostileAgency, 0, "KT.F." + kt.suffix, FORMULA, "DEPARTMENT", "PROVINCE", kt.province));
        UUID hostileIndicator = UUID.randomUUID();
        TestEvents.send(
                Topics.INDICATORS,
                EventTypes.INDICATOR_DEFINED,
                hostileIndicator,
                TestEvents.ratioIndicator(
                        hostileIndicator, kt.plan, FORMULA, List.of(TestEvents.agencyRef(hostileAgency))));
        String regime = given().contentType("application/json")
                .body("""
                        {"code": "KT.BC-F-%s", "name": "%s", "frequency": "QUARTERLY", "rule": "ND09",
                         "recipientAgencyId": "%s", "deadlineOffsets": {"DEFAULT": 5}, "planIds": ["%s"]}
                        """.formatted(kt.suffix, "-1+1", kt.office, kt.plan))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType("application/json")
                .body("{\"validFrom\": \"2024-01-01\", \"agencies\": [{\"agencyId\": \"%s\"}]}"
                        .formatted(hostileAgency))
                .post("/api/report-regimes/" + regime + "/expected-agencies")
                .then()
                .statusCode(201);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(
                        () -> given().queryParam("agencyId", kt.province)
                                .get("/api/reports/" + regime + "/2024-Q1")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        r -> r.getList("indicators.name").contains(FORMULA)
                                && r.getList("completeness.missingAgencies.name")
                                        .contains(FORMULA));

        String csv = new String(
                given().accept("text/csv")
                        .queryParam("agencyId", kt.province)
                        .get("/api/reports/" + regime + "/2024-Q1")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        String quoted = "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
        assertTrue(csv.contains("\r\n" + quoted + ","), "the indicator row starts with the neutralised name: " + csv);
        assertTrue(csv.contains("," + quoted + ","), "the missing agency's name is neutralised: " + csv);
        assertTrue(csv.contains("Báo cáo,'-1+1\r\n"), "the regime name is neutralised: " + csv);
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",", -1)) {
                String value = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(
                        value.startsWith("=") || value.startsWith("+") || value.startsWith("@"),
                        "unneutralised cell " + cell + " in " + line);
            }
        }

        byte[] xlsx = given().accept(ReportExports.XLSX)
                .queryParam("agencyId", kt.province)
                .get("/api/reports/" + regime + "/2024-Q1")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        int formulaCells = 0;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertNotEquals(
                                CellType.FORMULA, cell.getCellType(), "a formula cell in " + sheet.getSheetName());
                        if (cell.getCellType() == CellType.STRING
                                && cell.getStringCellValue().equals(FORMULA)) {
                            formulaCells++;
                        }
                    }
                }
            }
            assertEquals("-1+1", workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
        }
        assertTrue(
                formulaCells >= 2,
                "the indicator, the missing agency and its task row, all typed strings: " + formulaCells);
        given().accept("text/csv")
                .queryParam("agencyId", kt.province)
                .get("/api/reports/" + regime + "/2024-Q1")
                .then()
                .body(not(startsWith("=")));
    }
}
