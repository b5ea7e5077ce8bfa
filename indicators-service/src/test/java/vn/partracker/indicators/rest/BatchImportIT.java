package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;

/** Bulk import of figures (JSON batch, CSV, XLSX and its template) on real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class BatchImportIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static IndicatorsWorld world;
    private static String monthly;
    private static String satisfaction;

    @Inject
    AgroalDataSource dataSource;

    private Replicas replicas;

    @BeforeEach
    void world() {
        replicas = new Replicas(dataSource);
        if (world == null) {
            world = IndicatorsWorld.create(replicas);
            monthly = create(Bodies.onTimeDossiers(world, "IV", "1", "MONTHLY"));
            satisfaction = create(Bodies.satisfaction(world, "7"));
        }
    }

    @Test
    void importsThenKeepsUnchangedRowsThenRevisesChangedOnes() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            rows.add(byCode("IV", "1", world.homeAffairs, String.format("2024-%02d", month), 90 + month % 6, 100));
        }
        rows.add(byId(monthly, world.commune, "2024-01", 70, 100));
        long outbox = replicas.count("SELECT count(*) FROM outbox_event WHERE topic = 'partracker.measurements'");
        batch(rows, "")
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("committed", equalTo(true))
                .body("rows", equalTo(13))
                .body("imported", equalTo(13))
                .body("rejectedRows", equalTo(0));
        assertEquals(
                outbox + 13,
                replicas.count("SELECT count(*) FROM outbox_event WHERE topic = 'partracker.measurements'"));
        assertEquals(
                13,
                replicas.count(
                        "SELECT count(*) FROM measurement_revision r JOIN measurement m ON m.id = r.measurement_id"
                                + " WHERE m.indicator_id = ? AND m.period LIKE '2024-%'",
                        UUID.fromString(monthly)));

        batch(rows, "").then().statusCode(200).body("unchanged", equalTo(13)).body("imported", equalTo(0));

        rows.set(0, byCode("IV", "1", world.homeAffairs, "2024-01", 99, 100));
        batch(rows, "").then().statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(12));
        given().queryParam("indicatorId", monthly)
                .queryParam("agencyId", world.homeAffairs)
                .queryParam("period", "2024-01")
                .get("/api/measurements")
                .then()
                .body("items[0].revision", equalTo(2))
                .body("items[0].numerator", equalTo(99));
    }

    @Test
    void allOrNothingWritesNothingWhenOneRowIsBadAndListsEveryProblem() {
        List<Map<String, Object>> rows = List.of(
                byId(monthly, world.district, "2025-01", 5, 10),
                byId(monthly, world.district, "2025-02", 11, 10),
                byId(monthly, world.office, "2025-03", 1, 10),
                byCode("IV", "99", world.district, "2025-04", 1, 2),
                byId(monthly, world.district, "2025-Q2", 1, 2),
                byId(monthly, world.district, "2025-01", 6, 10));
        long before = replicas.count("SELECT count(*) FROM measurement");
        long outbox = replicas.count("SELECT count(*) FROM outbox_event");
        Response answer = batch(rows, "");
        answer.then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partracker.vn/problems/import-rejected"))
                .body("status", equalTo(422))
                .body("instance", equalTo("/api/measurements/batch"))
                .body("importStatus", equalTo("REJECTED"))
                .body("committed", equalTo(false))
                .body("rejectedRows", equalTo(5))
                .body("rejected.find { it.row == 2 }.field", equalTo("numerator"))
                .body("rejected.find { it.row == 3 }.field", equalTo("agencyId"))
                .body("rejected.find { it.row == 4 }.field", equalTo("ordinal"))
                .body("rejected.find { it.row == 5 }.field", equalTo("period"))
                .body(
                        "rejected.find { it.row == 6 }.message",
                        equalTo("an earlier row has the same indicator, agency and period"));
        assertEquals(before, replicas.count("SELECT count(*) FROM measurement"));
        assertEquals(outbox, replicas.count("SELECT count(*) FROM outbox_event"));
        given().get("/api/imports/" + answer.path("id")).then().statusCode(200).body("status", equalTo("REJECTED"));

        batch(rows, "?mode=valid-rows")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1))
                .body("rejectedRows", equalTo(5))
                .body("committed", equalTo(true));
        assertEquals(before + 1, replicas.count("SELECT count(*) FROM measurement"));
    }

    @Test
    void aRowWhoseNoteOrSourceIsLongerThanASingleSubmissionMayCarryIsRejectedAndNothingIsWritten() {
        Map<String, Object> longNote = new HashMap<>(byId(monthly, world.district, "2026-01", 5, 10));
        longNote.put("note", "Ghi chú ".repeat(40_000));
        Map<String, Object> longSource = new HashMap<>(byId(monthly, world.district, "2026-02", 5, 10));
        longSource.put("source", "x".repeat(501));
        long before = replicas.count("SELECT count(*) FROM measurement");
        long outbox = replicas.count("SELECT count(*) FROM outbox_event");
        batch(List.of(longNote, longSource), "")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rejectedRows", equalTo(2))
                .body("rejected.find { it.row == 1 }.field", equalTo("note"))
                .body("rejected.find { it.row == 2 }.field", equalTo("source"));
        batch(List.of(longNote, longSource), "?mode=valid-rows")
                .then()
                .statusCode(200)
                .body("imported", equalTo(0))
                .body("rejectedRows", equalTo(2));
        assertEquals(before, replicas.count("SELECT count(*) FROM measurement"));
        assertEquals(outbox, replicas.count("SELECT count(*) FROM outbox_event"));
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() {
        List<Map<String, Object>> rows = List.of(
                byId(monthly, world.environment, "2025-01", 5, 10), byId(monthly, world.environment, "2025-02", 8, 10));
        long before = replicas.count("SELECT count(*) FROM measurement");
        batch(rows, "?dryRun=true")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("committed", equalTo(false))
                .body("imported", equalTo(2));
        assertEquals(before, replicas.count("SELECT count(*) FROM measurement"));
    }

    @Test
    void anUnreadableBodyIsRefusedAsAWhole() {
        long before = replicas.count("SELECT count(*) FROM measurement");
        given().contentType(ContentType.JSON)
                .body("{\"rows\": []}")
                .post("/api/measurements/batch")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("[{\"indicatorId\": \"" + monthly + "\", \"agencyId\": \"" + world.homeAffairs
                        + "\", \"period\": \"2026-01\", \"numerator\": 1, \"denominator\": 2}, {\"period\": ")
                .post("/api/measurements/batch")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("[]")
                .post("/api/measurements/batch?mode=some")
                .then()
                .statusCode(400);
        assertEquals(before, replicas.count("SELECT count(*) FROM measurement"));
        given().contentType(ContentType.JSON)
                .body("[{\"indicatorId\": \"" + monthly + "\", \"numerator\": \"many\"}, {\"colour\": 1}]")
                .post("/api/measurements/batch?mode=valid-rows")
                .then()
                .statusCode(200)
                .body("rejected.field", hasItem("numerator"))
                .body("rejected.field", hasItem("colour"));
        given().get("/api/imports/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void importsACsvFileWithVietnameseHeadings() {
        String csv = "Số kế hoạch;Nhóm;STT;Tên chỉ tiêu;Mã cơ quan;Kỳ báo cáo;Tử số (b);Mẫu số (a);Giá trị;Ghi chú\n"
                + world.planNumber + ";IV;1;\"Tỷ lệ hồ sơ; đúng hạn\";" + world.code(world.homeAffairs)
                + ";2026-02;45;50;;\"Số liệu từ \"\"Hệ thống một cửa\"\"\"\n"
                + world.planNumber + ";III;7;Mức độ hài lòng;" + world.code(world.homeAffairs) + ";2026;;;92,5;\n";
        given().contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/measurements/import")
                .then()
                .statusCode(200)
                .body("imported", equalTo(2));
        given().queryParam("indicatorId", satisfaction)
                .queryParam("period", "2026")
                .get("/api/measurements")
                .then()
                .body("items[0].value", equalTo(92.5f));
        given().queryParam("indicatorId", monthly)
                .queryParam("period", "2026-02")
                .get("/api/measurements")
                .then()
                .body("items[0].note", equalTo("Số liệu từ \"Hệ thống một cửa\""));
        given().contentType("text/csv")
                .body("a,b\n1,2\n")
                .post("/api/measurements/import")
                .then()
                .statusCode(400);
    }

    @Test
    void theTemplateIsPrefilledAndImportsBackFilledIn() throws Exception {
        byte[] template = given().queryParam("planId", world.plan)
                .queryParam("agencyId", world.commune)
                .queryParam("period", "2026-03")
                .get("/api/indicators/template.xlsx")
                .then()
                .statusCode(200)
                .contentType(XLSX)
                .extract()
                .asByteArray();
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Kỳ báo cáo", sheet.getRow(0).getCell(6).getStringCellValue());
            assertEquals(1, sheet.getLastRowNum(), "only the monthly indicator matches 2026-03");
            Row line = sheet.getRow(1);
            assertEquals("IV", line.getCell(1).getStringCellValue());
            assertEquals(world.code(world.commune), line.getCell(5).getStringCellValue());
            assertEquals("2026-03", line.getCell(6).getStringCellValue());
            line.createCell(7).setCellValue(76);
            line.createCell(8).setCellValue(80);
            workbook.write(out);
            filled = out.toByteArray();
        }
        given().contentType(XLSX)
                .body(filled)
                .post("/api/measurements/import")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1));
        given().queryParam("indicatorId", monthly)
                .queryParam("agencyId", world.commune)
                .queryParam("period", "2026-03")
                .get("/api/measurements")
                .then()
                .body("items[0].value", equalTo(95.0f))
                .body("items[0].achievement.status", equalTo("MET"));
        given().get("/api/indicators/template.xlsx").then().statusCode(400);
        given().contentType(XLSX)
                .body(new byte[] {1, 2, 3})
                .post("/api/measurements/import")
                .then()
                .statusCode(400);
    }

    @Test
    void aBackgroundImportReportsItsProgressAndOutcome() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            rows.add(byId(monthly, world.district, String.format("2027-%02d", month), 9, 10));
        }
        Response accepted = given().contentType(ContentType.JSON).body(rows).post("/api/measurements/batch?async=true");
        accepted.then().statusCode(202).body("status", equalTo("QUEUED"));
        String location = accepted.header("Location");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "DONE".equals(given().get(location).path("status")));
        given().get(location).then().body("imported", equalTo(12)).body("rows", equalTo(12));
        String id = accepted.path("id");
        assertEquals("true", replicas.text("SELECT committed::text FROM import_job WHERE id = ?", UUID.fromString(id)));
        assertEquals(
                0,
                replicas.count(
                        "SELECT count(*) FROM import_job WHERE id = ? AND body_file IS NOT NULL", UUID.fromString(id)),
                "the stored body is released when the import ends");
    }

    @Test
    void aFullImportQueueRefusesTheNextBackgroundImportWith503AndStoresNothing() throws Exception {
        List<String> accepted = new ArrayList<>();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // the import thread's first insert waits behind this lock, so the queue fills up behind it
                lock.execute("LOCK TABLE measurement IN EXCLUSIVE MODE");
            }
            for (int i = 0; i <= 8; i++) {
                Response queued = given().contentType(ContentType.JSON)
                        .body(List.of(byId(monthly, world.district, String.format("2031-%02d", i + 1), 9, 10)))
                        .post("/api/measurements/batch?async=true");
                queued.then().statusCode(202);
                accepted.add(queued.path("id"));
            }
            long jobs = replicas.count("SELECT count(*) FROM import_job");
            given().contentType(ContentType.JSON)
                    .body(List.of(byId(monthly, world.district, "2031-12", 9, 10)))
                    .post("/api/measurements/batch?async=true")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://partracker.vn/problems/service-unavailable"))
                    .body("detail", org.hamcrest.Matchers.containsString("queue is full"));
            assertEquals(jobs, replicas.count("SELECT count(*) FROM import_job"), "the refused import is not recorded");
            blocker.rollback();
        }
        for (String id : accepted) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> "DONE".equals(given().get("/api/imports/" + id).path("status")));
        }
    }

    private static Response batch(List<Map<String, Object>> rows, String query) {
        return given().contentType(ContentType.JSON).body(rows).post("/api/measurements/batch" + query);
    }

    private static Map<String, Object> byId(String indicator, UUID agency, String period, int b, int a) {
        Map<String, Object> row = new HashMap<>();
        row.put("indicatorId", indicator);
        row.put("agencyId", agency.toString());
        row.put("period", period);
        row.put("numerator", b);
        row.put("denominator", a);
        return row;
    }

    private static Map<String, Object> byCode(String group, String ordinal, UUID agency, String period, int b, int a) {
        Map<String, Object> row = new HashMap<>();
        row.put("plan", world.planNumber);
        row.put("group", group);
        row.put("ordinal", ordinal);
        row.put("agencyCode", codeOf(agency));
        row.put("period", period);
        row.put("numerator", b);
        row.put("denominator", a);
        return row;
    }

    private static String codeOf(UUID agency) {
        if (agency.equals(world.homeAffairs)) {
            return world.code(world.homeAffairs);
        }
        if (agency.equals(world.district)) {
            return world.code(world.district);
        }
        throw new IllegalArgumentException("no code known for " + agency);
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
