package vn.partracker.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.reporting.KonTumFixture;
import vn.partracker.reporting.service.export.ReportExports;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * Completeness with effective-dated agencies, the full periodic report in three formats, and finalization with
 * its snapshot, hash, conflict and event.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class CompletenessAndFinalizationIT {

    @Inject
    AgroalDataSource dataSource;

    /** A quarterly regime expecting the departments group and the district, deadlines 5 / 3 days. */
    private static String createRegime(KonTumFixture kt) {
        String id = given().contentType("application/json")
                .body("""
                        {"code": "KT.BC-%s", "name": "Báo cáo công tác kiểm soát TTHC hằng quý",
                         "legalBasis": "Thông tư 01/2020/TT-VPCP", "frequency": "QUARTERLY", "rule": "ND09",
                         "recipientAgencyId": "%s", "deadlineOffsets": {"PROVINCE": 5, "DISTRICT": 3},
                         "planIds": ["%s"]}
                        """.formatted(kt.suffix, kt.office, kt.plan))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType("application/json")
                .body("""
                        {"validFrom": "2024-01-01", "agencies": [{"groupId": "%s"}, {"agencyId": "%s"}]}
                        """.formatted(kt.departments, kt.district))
                .post("/api/report-regimes/" + id + "/expected-agencies")
                .then()
                .statusCode(201);
        return id;
    }

    private static JsonPath completeness(String regime, String period, UUID agency) {
        return given().queryParam("regimeId", regime)
                .queryParam("period", period)
                .queryParam("agencyId", agency)
                .get("/api/reports/completeness")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void anAgencyWhoseValidityEndsMidYearKeepsRatesWithinAHundredPercent() {
        KonTumFixture kt = new KonTumFixture();
        UUID merged = UUID.randomUUID();
        TestEvents.send(
                Topics.AGENCIES,
                EventTypes.AGENCY_UPSERTED,
                merged,
                TestEvents.agency(
                        merged,
                        0,
                        "KT.SKHCN." + kt.suffix,
                        "Sở Khoa học và Công nghệ",
                        "DEPARTMENT",
                        "PROVINCE",
                        kt.province,
                        LocalDate.of(2020, 1, 1),
                        LocalDate.of(2024, 6, 30)));
        String regime = createRegime(kt);
        OffsetDateTime onTime = OffsetDateTime.parse("2024-03-18T16:00:00+07:00");
        OffsetDateTime late = OffsetDateTime.parse("2024-06-20T08:00:00+07:00");
        TestEvents.publishFigure(TestEvents.ratioFigure(
                UUID.randomUUID(), 1, 1, kt.indicator, kt.homeAffairs, "2024-Q1", "SUBMITTED", 96, 100, onTime));
        TestEvents.publishFigure(TestEvents.ratioFigure(
                UUID.randomUUID(), 1, 1, kt.indicator, merged, "2024-Q1", "APPROVED", 50, 50, onTime));
        TestEvents.publishFigure(TestEvents.ratioFigure(
                UUID.randomUUID(), 1, 1, kt.indicator, merged, "2024-Q3", "SUBMITTED", 40, 50, late));
        TestEvents.publishFigure(TestEvents.ratioFigure(
                UUID.randomUUID(), 1, 1, kt.indicator, kt.justice, "2024-Q3", "SUBMITTED", 40, 50, late));
        TestEvents.publishFigure(TestEvents.ratioFigure(
                UUID.randomUUID(), 1, 1, kt.indicator, kt.justice, "2024-Q1", "SUBMITTED", 9, 10, late));

        JsonPath q1 = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> completeness(regime, "2024-Q1", kt.province), r -> r.getInt("submitted") == 3);
        assertEquals(5, q1.getInt("expected"), "SNV, STP, STNMT, SKHCN (still valid on 2024-03-14) and the district");
        assertEquals(2, q1.getInt("onTime"));
        assertEquals(1, q1.getInt("late"));
        assertEquals(2, q1.getInt("missing"));
        assertEquals(60.0f, q1.getFloat("completenessRate"));
        assertEquals(40.0f, q1.getFloat("timelinessRate"));
        assertEquals(List.of(kt.justice.toString()), q1.getList("lateAgencies.agencyId"));
        assertEquals("2024-03-19", q1.getString("lateAgencies[0].deadline"));
        assertEquals(
                List.of(kt.district.toString(), kt.environment.toString()), q1.getList("missingAgencies.agencyId"));
        assertEquals("2024-03-17", q1.getString("missingAgencies[0].deadline"));

        JsonPath q3 = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> completeness(regime, "2024-Q3", kt.province), r -> r.getInt("submitted") == 1);
        assertEquals(4, q3.getInt("expected"), "the merged department no longer exists on 2024-09-14");
        assertTrue(q3.getFloat("completenessRate") <= 100f);
        assertEquals(25.0f, q3.getFloat("completenessRate"));
        assertEquals(1, q3.getInt("onTime"), "submitted 2024-06-20, long before the Q3 deadline");

        given().queryParam("regimeId", regime)
                .queryParam("period", "2024-03")
                .queryParam("agencyId", kt.province)
                .get("/api/reports/completeness")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }

    @Test
    void theFullReportIsServedAsJsonCsvAndXlsxAndFinalizesOnce() throws Exception {
        KonTumFixture kt = new KonTumFixture();
        String regime = createRegime(kt);
        OffsetDateTime march = OffsetDateTime.parse("2024-03-10T09:00:00+07:00");
        TestEvents.publishFigure(TestEvents.ratioFigure(
                UUID.randomUUID(), 1, 1, kt.indicator, kt.homeAffairs, "2024-Q1", "APPROVED", 96, 100, march));
        String path = "/api/reports/" + regime + "/2024-Q1";
        JsonPath live = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().queryParam("agencyId", kt.province)
                                .accept("application/json")
                                .get(path)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        r -> r.getInt("indicators[0].approved") == 1);
        assertEquals("2023-12-15", live.getString("windowFrom"));
        assertEquals(1, live.getInt("completeness.submitted"));
        assertEquals("Ủy ban nhân dân tỉnh Kon Tum", live.getString("agencyName"));

        String csv = new String(
                given().queryParam("agencyId", kt.province)
                        .accept("text/csv")
                        .get(path)
                        .then()
                        .statusCode(200)
                        .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(csv.contains("Số đơn vị phải báo cáo"), csv);
        assertTrue(csv.contains("Tỷ lệ hồ sơ TTHC do cơ quan chuyên môn cấp tỉnh"), csv);

        byte[] xlsx = given().queryParam("agencyId", kt.province)
                .accept(ReportExports.XLSX)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("Chỉ tiêu", workbook.getSheetAt(0).getSheetName());
            assertEquals("Tình hình báo cáo", workbook.getSheetAt(2).getSheetName());
            assertEquals(
                    "Số đơn vị phải báo cáo",
                    workbook.getSheetAt(0).getRow(4).getCell(2).getStringCellValue());
            assertEquals(96.0, workbook.getSheetAt(0).getRow(5).getCell(10).getNumericCellValue());
        }

        JsonPath finalized = given().queryParam("agencyId", kt.province)
                .contentType("application/json")
                .body("{}")
                .post(path + "/finalize")
                .then()
                .statusCode(201)
                .body("finalization.finalizedBy", equalTo("test-admin"))
                .extract()
                .jsonPath();
        String hash = finalized.getString("finalization.contentHash");
        assertEquals(64, hash.length());
        String reportId = finalized.getString("finalization.id");
        given().queryParam("agencyId", kt.province)
                .contentType("application/json")
                .body("{}")
                .post(path + "/finalize")
                .then()
                .statusCode(409);
        var events = KafkaTestClient.readUntil(
                Topics.REPORTS, Duration.ofSeconds(20), read -> read.stream().anyMatch(r -> reportId.equals(r.key())));
        var event = events.stream()
                .filter(r -> reportId.equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertEquals(EventTypes.REPORT_FINALIZED, KafkaTestClient.header(event, "ce_type"));
        assertTrue(event.value().contains(hash));

        JsonPath unchanged = given().queryParam("agencyId", kt.province)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertFalse(unchanged.getBoolean("finalization.changed"));

        TestEvents.publishFigure(TestEvents.ratioFigure(
                UUID.randomUUID(), 1, 1, kt.indicator, kt.justice, "2024-Q1", "SUBMITTED", 80, 100, march));
        JsonPath changed = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().queryParam("agencyId", kt.province)
                                .get(path)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        r -> r.getBoolean("finalization.changed"));
        assertEquals(1, changed.getInt("indicators[0].submitted"), "the snapshot keeps what was reported");
        assertEquals(hash, changed.getString("finalization.contentHash"));
        List<String> paths = changed.getList("finalization.changedSinceFinalization.path");
        assertTrue(paths.contains("indicators[indicatorId=" + kt.indicator + "].submitted"), paths.toString());
        assertEquals(
                1,
                TableCounts.count(
                        dataSource, "SELECT count(*) FROM finalized_report WHERE id = ?", UUID.fromString(reportId)));
    }
}
