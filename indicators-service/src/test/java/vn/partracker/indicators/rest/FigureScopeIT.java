package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
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
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.ParentLink;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;
import vn.partracker.testsupport.security.TestTokens;

/**
 * Agency scope of every figure door: a reporter writes figures of its own agency only (with {@code agencyScope:
 * subtree} also of the agencies under it on the last day of the figure's period), single or PUT, JSON batch, CSV or
 * XLSX row by row; an evaluator reviews only figures of indicators its agency evaluates. A refused write changes
 * nothing and writes no event; the figures and their events carry the token's subject.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class FigureScopeIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] TABLES = {"measurement", "measurement_revision", "measurement_review", "audit_entry"};

    private static IndicatorsWorld world;
    private static String ratio;
    private static UUID saThay;
    private static UUID movedCommune;

    @Inject
    AgroalDataSource dataSource;

    private Replicas replicas;

    @BeforeEach
    void world() {
        replicas = new Replicas(dataSource);
        if (world == null) {
            world = IndicatorsWorld.create(replicas);
            ratio = given().contentType(ContentType.JSON)
                    .body(Bodies.onTimeDossiers(world, "IV", "1", "QUARTERLY"))
                    .post("/api/indicators")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            // xã Ngọc Réo moves from huyện Đăk Hà to huyện Sa Thầy on 1 July 2024
            saThay = UUID.randomUUID();
            movedCommune = UUID.randomUUID();
            TestEvents.publish(
                    UUID.randomUUID(),
                    TestEvents.agency(
                            saThay,
                            1,
                            "KT.ST." + world.suffix,
                            "Ủy ban nhân dân huyện Sa Thầy",
                            "PEOPLES_COMMITTEE",
                            "DISTRICT",
                            world.province));
            TestEvents.publish(
                    UUID.randomUUID(),
                    new AgencyUpserted(
                            AgencyUpserted.SCHEMA_VERSION,
                            movedCommune,
                            1,
                            "KT.NR." + world.suffix,
                            "Ủy ban nhân dân xã Ngọc Réo",
                            null,
                            "PEOPLES_COMMITTEE",
                            "COMMUNE",
                            saThay,
                            List.of(
                                    new ParentLink(world.district, LocalDate.of(2020, 1, 1), LocalDate.of(2024, 6, 30)),
                                    new ParentLink(saThay, LocalDate.of(2024, 7, 1), null)),
                            List.of(),
                            LocalDate.of(2020, 1, 1),
                            null,
                            List.of()));
            replicas.awaitVersion("agency_replica", saThay, 1);
            replicas.awaitVersion("agency_replica", movedCommune, 1);
        }
    }

    @Test
    void aReporterSubmitsForItsOwnAgencyOnlyAndTheFigureCarriesItsSubject() {
        String snv = world.code(world.homeAffairs);
        Response created = as(TestTokens.of("reporter", snv))
                .body(figure(world.homeAffairs, "2024-Q1", 96, 100))
                .post("/api/measurements");
        created.then().statusCode(201).body("submittedBy", equalTo("test-reporter-" + snv));
        String id = created.path("id");
        String payload = replicas.text(
                "SELECT payload FROM outbox_event WHERE ce_subject = ? AND ce_type LIKE '%submitted' ORDER BY seq DESC"
                        + " LIMIT 1",
                id);
        assertTrue(payload.contains("\"submittedBy\":\"test-reporter-" + snv + "\""), payload);

        refused(() -> as(TestTokens.of("reporter", snv))
                        .body(figure(world.seed.justice, "2024-Q1", 96, 100))
                        .post("/api/measurements"))
                .body("detail", containsString("may not act for agency " + world.code(world.seed.justice)));
        refused(() -> as(TestTokens.of("reporter", null))
                        .body(figure(world.homeAffairs, "2024-Q2", 96, 100))
                        .post("/api/measurements"))
                .body("detail", containsString("names no agency"));
    }

    @Test
    void onlyTheFiguresAgencyRevisesIt() {
        String stp = world.code(world.seed.justice);
        String id = as(TestTokens.of("reporter", stp))
                .body(figure(world.seed.justice, "2024-Q3", 90, 100))
                .post("/api/measurements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        refused(() -> as(TestTokens.of("reporter", world.code(world.homeAffairs)))
                .header("If-Match", "\"1\"")
                .body(Map.of("numerator", 91, "denominator", 100))
                .put("/api/measurements/" + id));
        as(TestTokens.of("reporter", stp))
                .header("If-Match", "\"1\"")
                .body(Map.of("numerator", 91, "denominator", 100))
                .put("/api/measurements/" + id)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("submittedBy", equalTo("test-reporter-" + stp));
    }

    @Test
    void aDistrictWithSubtreeScopeEntersItsCommunesFiguresAsTheHierarchyStoodOnThePeriodsLastDay() {
        String dh = world.code(world.district);
        refused(() -> as(TestTokens.of("reporter", dh))
                .body(figure(world.commune, "2024-Q1", 80, 100))
                .post("/api/measurements"));
        as(TestTokens.subtree("reporter", dh))
                .body(figure(world.commune, "2024-Q1", 80, 100))
                .post("/api/measurements")
                .then()
                .statusCode(201)
                .body("submittedBy", equalTo("test-reporter-" + dh + "-subtree"));
        as(TestTokens.subtree("reporter", dh))
                .body(figure(movedCommune, "2024-Q2", 80, 100))
                .post("/api/measurements")
                .then()
                .statusCode(201);
        refused(() -> as(TestTokens.subtree("reporter", dh))
                .body(figure(movedCommune, "2024-Q3", 80, 100))
                .post("/api/measurements"));
        as(TestTokens.subtree("reporter", "KT.ST." + world.suffix))
                .body(figure(movedCommune, "2024-Q3", 80, 100))
                .post("/api/measurements")
                .then()
                .statusCode(201);
        refused(() -> as(TestTokens.subtree("reporter", dh))
                .body(figure(world.homeAffairs, "2024-Q4", 80, 100))
                .post("/api/measurements"));
    }

    @Test
    void aBatchRowForAnotherAgencyCancelsAllOrNothingAndIsRejectedAloneInValidRows() {
        String snv = world.code(world.homeAffairs);
        List<Map<String, Object>> rows = List.of(
                row(world.homeAffairs, "2025-Q1", 9, 10),
                row(world.seed.justice, "2025-Q1", 9, 10),
                row(world.homeAffairs, "2025-Q2", 9, 10));
        TableCounts.assertNothingWritten(
                dataSource,
                () -> as(TestTokens.of("reporter", snv))
                        .body(rows)
                        .post("/api/measurements/batch")
                        .then()
                        .statusCode(422)
                        .contentType("application/problem+json")
                        .body("rejectedRows", equalTo(1))
                        .body("rejected[0].row", equalTo(2))
                        .body("rejected[0].field", equalTo("agencyCode"))
                        .body("rejected[0].message", containsString("may not act for agency")),
                TABLES);
        as(TestTokens.of("reporter", snv))
                .body(rows)
                .post("/api/measurements/batch?mode=valid-rows")
                .then()
                .statusCode(200)
                .body("imported", equalTo(2))
                .body("rejectedRows", equalTo(1))
                .body("rejected[0].row", equalTo(2))
                .body(
                        "rejected[0].message",
                        containsString("may not act for agency " + world.code(world.seed.justice)));
        assertEquals(2, figures(world.homeAffairs, "2025-Q"));
        assertEquals(0, figures(world.seed.justice, "2025-Q"));
        assertEquals(
                "test-reporter-" + snv,
                replicas.text(
                        "SELECT DISTINCT submitted_by FROM measurement WHERE agency_id = ? AND period LIKE '2025-Q%'",
                        world.homeAffairs));
    }

    @Test
    void csvAndXlsxRowsAreCheckedOneByOne() throws IOException {
        String stp = world.code(world.seed.justice);
        String csv = "Số kế hoạch;Nhóm;STT;Mã cơ quan;Kỳ báo cáo;Tử số (b);Mẫu số (a)\n"
                + world.planNumber + ";IV;1;" + stp + ";2026-Q1;45;50\n"
                + world.planNumber + ";IV;1;" + world.code(world.homeAffairs) + ";2026-Q1;45;50\n";
        TableCounts.assertNothingWritten(
                dataSource,
                () -> as(TestTokens.of("reporter", stp))
                        .contentType("text/csv")
                        .body(csv.getBytes(StandardCharsets.UTF_8))
                        .post("/api/measurements/import")
                        .then()
                        .statusCode(422)
                        .body("rejected[0].row", equalTo(3)),
                TABLES);
        as(TestTokens.of("reporter", stp))
                .contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/measurements/import?mode=valid-rows")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1))
                .body("rejected[0].row", equalTo(3));
        assertEquals(1, figures(world.seed.justice, "2026-Q1"));
        assertEquals(0, figures(world.homeAffairs, "2026-Q1"));

        byte[] xlsx = workbook(List.of(
                List.of(world.planNumber, "IV", "1", stp, "2026-Q2", "40", "50"),
                List.of(world.planNumber, "IV", "1", world.code(world.environment), "2026-Q2", "40", "50")));
        TableCounts.assertNothingWritten(
                dataSource,
                () -> as(TestTokens.of("reporter", stp))
                        .contentType(XLSX)
                        .body(xlsx)
                        .post("/api/measurements/import")
                        .then()
                        .statusCode(422)
                        .body("rejected[0].row", equalTo(3)),
                TABLES);
        as(TestTokens.of("reporter", stp))
                .contentType(XLSX)
                .body(xlsx)
                .post("/api/measurements/import?mode=valid-rows")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1))
                .body("rejected[0].row", equalTo(3))
                .body("rejected[0].message", containsString("may not act for agency"));
        assertEquals(1, figures(world.seed.justice, "2026-Q2"));
        assertEquals(0, figures(world.environment, "2026-Q2"));
    }

    @Test
    void aBackgroundImportRunsAsItsCaller() {
        String snv = world.code(world.homeAffairs);
        Response accepted = as(TestTokens.of("reporter", snv))
                .body(List.of(row(world.homeAffairs, "2027-Q1", 9, 10), row(world.seed.justice, "2027-Q1", 9, 10)))
                .post("/api/measurements/batch?async=true&mode=valid-rows");
        accepted.then().statusCode(202);
        String location = accepted.header("Location");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "DONE".equals(given().get(location).path("status")));
        given().get(location).then().body("imported", equalTo(1)).body("rejectedRows", equalTo(1));
        assertEquals(
                "test-reporter-" + snv,
                replicas.text(
                        "SELECT submitted_by FROM measurement WHERE agency_id = ? AND period = '2027-Q1'",
                        world.homeAffairs));
        String importId = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(
                "test-reporter-" + snv,
                replicas.text(
                        "SELECT actor_subject FROM audit_entry WHERE entity_type = 'MeasurementImport' AND entity_id = ?",
                        importId));
    }

    @Test
    void onlyTheEvaluatingAgencyReviewsAndTheReviewCarriesItsSubject() {
        String vp = world.code(world.office);
        String id = as(TestTokens.of("reporter", world.code(world.homeAffairs)))
                .body(figure(world.homeAffairs, "2028-Q1", 96, 100))
                .post("/api/measurements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        refused(() -> as(TestTokens.of("evaluator", world.code(world.homeAffairs)))
                        .body(Map.of())
                        .post("/api/measurements/" + id + "/approve"))
                .body("detail", containsString("is not the evaluating agency (" + vp + ")"));
        refused(() -> as(TestTokens.of("evaluator", vp))
                .body(Map.of("reviewerAgencyId", world.homeAffairs.toString()))
                .post("/api/measurements/" + id + "/approve"));
        as(TestTokens.of("evaluator", vp))
                .body(Map.of())
                .post("/api/measurements/" + id + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("reviewedBy", equalTo("test-evaluator-" + vp));
        assertEquals(
                world.office.toString(),
                replicas.text(
                        "SELECT reviewer_agency_id::text FROM measurement_review WHERE measurement_id = ?",
                        UUID.fromString(id)));
        String payload =
                replicas.text("SELECT payload FROM outbox_event WHERE ce_subject = ? AND ce_type LIKE '%approved'", id);
        assertTrue(payload.contains("\"reviewedBy\":\"test-evaluator-" + vp + "\""), payload);
        refused(() -> as(TestTokens.of("evaluator", world.code(world.homeAffairs)))
                .body(Map.of("reason", "Số liệu chưa khớp"))
                .post("/api/measurements/" + id + "/reopen"));
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "Số liệu chưa khớp"))
                .post("/api/measurements/" + id + "/reopen")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("reviewedBy", equalTo("test-admin"));
        as(TestTokens.of("evaluator", vp))
                .body(Map.of("reason", "Thiếu hồ sơ minh chứng"))
                .post("/api/measurements/" + id + "/return")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETURNED"));
    }

    private io.restassured.response.ValidatableResponse refused(java.util.function.Supplier<Response> request) {
        return TableCounts.assertNothingWritten(dataSource, request, TABLES)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partracker.vn/problems/forbidden"));
    }

    private long figures(UUID agency, String periodPrefix) {
        return replicas.count(
                "SELECT count(*) FROM measurement WHERE agency_id = ? AND period LIKE ? AND indicator_id = ?",
                agency,
                periodPrefix + "%",
                UUID.fromString(ratio));
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
    }

    private static Map<String, Object> figure(UUID agency, String period, int b, int a) {
        Map<String, Object> figure = new HashMap<>();
        figure.put("indicatorId", ratio);
        figure.put("agencyId", agency.toString());
        figure.put("period", period);
        figure.put("numerator", b);
        figure.put("denominator", a);
        return figure;
    }

    private static Map<String, Object> row(UUID agency, String period, int b, int a) {
        Map<String, Object> row = new HashMap<>();
        row.put("plan", world.planNumber);
        row.put("group", "IV");
        row.put("ordinal", "1");
        row.put("agencyCode", world.code(agency));
        row.put("period", period);
        row.put("numerator", b);
        row.put("denominator", a);
        return row;
    }

    private static byte[] workbook(List<List<String>> lines) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Số liệu");
            List<String> headings =
                    List.of("Số kế hoạch", "Nhóm", "STT", "Mã cơ quan", "Kỳ báo cáo", "Tử số (b)", "Mẫu số (a)");
            Row heading = sheet.createRow(0);
            for (int c = 0; c < headings.size(); c++) {
                heading.createCell(c).setCellValue(headings.get(c));
            }
            for (int r = 0; r < lines.size(); r++) {
                Row line = sheet.createRow(r + 1);
                for (int c = 0; c < lines.get(r).size(); c++) {
                    line.createCell(c).setCellValue(lines.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
