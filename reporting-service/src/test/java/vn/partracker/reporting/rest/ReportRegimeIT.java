package vn.partracker.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;

/** Report regimes over HTTP: validation, idempotent creation, optimistic updates, expected reporters, periods. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReportRegimeIT {

    @Inject
    AgroalDataSource dataSource;

    static String regime(String code, String name) {
        return """
                {"code": "%s", "name": "%s", "legalBasis": "Nghị định 09/2019/NĐ-CP; Thông tư 01/2020/TT-VPCP",
                 "frequency": "QUARTERLY", "rule": "ND09", "recipientAgencyCode": "KT.VPUBND",
                 "deadlineOffsets": {"PROVINCE": 5, "DISTRICT": 3, "COMMUNE": 1},
                 "planNumbers": ["59/QĐ-UBND"]}
                """.formatted(code, name);
    }

    @Test
    void createReadUpdateWithIfMatch() {
        String code = "KT.BC-KSTTHC-" + TestEvents.suffix();
        String id = given().contentType("application/json")
                .body(regime(code, "Báo cáo công tác kiểm soát TTHC hằng quý"))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/report-regimes/"))
                .body("frequency", equalTo("QUARTERLY"))
                .body("deadlineOffsets.PROVINCE", equalTo(5))
                .extract()
                .path("id");
        String etag = given().get("/api/report-regimes/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        String update = regime(code, "Báo cáo công tác kiểm soát thủ tục hành chính hằng quý");
        given().contentType("application/json")
                .body(update)
                .put("/api/report-regimes/" + id)
                .then()
                .statusCode(428);
        given().contentType("application/json")
                .header("If-Match", "\"99\"")
                .body(update)
                .put("/api/report-regimes/" + id)
                .then()
                .statusCode(412);
        given().contentType("application/json")
                .header("If-Match", etag)
                .body(update)
                .put("/api/report-regimes/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Báo cáo công tác kiểm soát thủ tục hành chính hằng quý"))
                .body("version", equalTo(1));
        given().queryParam("q", "kiem soat thu tuc hanh chinh hang quy")
                .get("/api/report-regimes")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(code));
    }

    @Test
    void invalidRegimeIsRejectedAndNothingIsWritten() {
        long before = TableCounts.count(dataSource, "SELECT count(*) FROM report_regime");
        given().contentType("application/json")
                .body("""
                        {"code": "X", "name": "Báo cáo", "frequency": "QUARTERLY", "rule": "ND09",
                         "deadlineOffsets": {"PROVINCE": -1}}
                        """)
                .post("/api/report-regimes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("recipientAgencyId", "deadlineOffsets.PROVINCE", "planIds"));
        given().contentType("application/json")
                .body(regime("Y", "Báo cáo").replace("QUARTERLY", "WEEKLY"))
                .post("/api/report-regimes")
                .then()
                .statusCode(400);
        assertEquals(before, TableCounts.count(dataSource, "SELECT count(*) FROM report_regime"));
    }

    @Test
    void theSameIdempotencyKeyCreatesOnceAndADuplicateCodeIsAConflict() {
        String code = "KT.BC-NAM-" + TestEvents.suffix();
        String key = UUID.randomUUID().toString();
        String body = regime(code, "Báo cáo công tác kiểm soát TTHC năm").replace("QUARTERLY", "ANNUAL");
        String first = given().contentType("application/json")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType("application/json")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        given().contentType("application/json")
                .body(body)
                .post("/api/report-regimes")
                .then()
                .statusCode(409);
    }

    @Test
    void periodsOf2024ListNd09WindowsWithDeadlinesPerLevel() {
        String id = given().contentType("application/json")
                .body(regime("KT.Q-" + TestEvents.suffix(), "Báo cáo hằng quý"))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().queryParam("year", 2024)
                .get("/api/report-regimes/" + id + "/periods")
                .then()
                .statusCode(200)
                .body("periods.period", org.hamcrest.Matchers.contains("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"))
                .body("periods[0].from", equalTo("2023-12-15"))
                .body("periods[0].to", equalTo("2024-03-14"))
                .body("periods[0].deadlines.PROVINCE", equalTo("2024-03-19"))
                .body("periods[0].deadlines.COMMUNE", equalTo("2024-03-15"))
                .body("periods[3].to", equalTo("2024-12-14"));
        given().get("/api/report-regimes/" + id + "/periods").then().statusCode(400);
    }

    @Test
    void expectedAgenciesAreEffectiveDatedAndValidated() {
        String id = given().contentType("application/json")
                .body(regime("KT.E-" + TestEvents.suffix(), "Báo cáo hằng quý"))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long before = TableCounts.count(dataSource, "SELECT count(*) FROM regime_expected_agency");
        given().contentType("application/json")
                .body("""
                        {"validFrom": "2024-06-30", "validTo": "2024-01-01",
                         "agencies": [{"agencyCode": "KT.SNV", "groupCode": "KT.SBN"}]}
                        """)
                .post("/api/report-regimes/" + id + "/expected-agencies")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("validTo", "agencies[0]"));
        assertEquals(before, TableCounts.count(dataSource, "SELECT count(*) FROM regime_expected_agency"));
        given().contentType("application/json")
                .body("""
                        {"validFrom": "2024-01-01", "agencies": [{"groupCode": "KT.SBN"}, {"agencyCode": "KT.SNV"}]}
                        """)
                .post("/api/report-regimes/" + id + "/expected-agencies")
                .then()
                .statusCode(201)
                .body("size()", equalTo(2));
        given().get("/api/report-regimes/" + id)
                .then()
                .statusCode(200)
                .body("expectedAgencies.groupCode", hasItem("KT.SBN"))
                .body("expectedAgencies[0].validFrom", equalTo("2024-01-01"));
    }

    @Test
    void importCreatesOnceAndSkipsExistingCodes() {
        String code = "KT.I-" + TestEvents.suffix();
        String body = """
                {"regimes": [{"regime": %s, "expected": [{"validFrom": "2024-01-01",
                  "agencies": [{"groupCode": "KT.UBNDXA"}]}]}]}
                """.formatted(regime(code, "Báo cáo hằng quý"));
        given().contentType("application/json")
                .body(body)
                .post("/api/report-regimes/import")
                .then()
                .statusCode(200)
                .body("created.code", hasItem(code))
                .body("created[0].expectedAgencies.size()", equalTo(1));
        given().contentType("application/json")
                .body(body)
                .post("/api/report-regimes/import")
                .then()
                .statusCode(200)
                .body("created.size()", equalTo(0))
                .body("existing", hasItem(code));
    }

    @Test
    void theKonTumDemoDocumentImports() throws Exception {
        String document =
                java.nio.file.Files.readString(java.nio.file.Path.of("..", "demo-data", "kontum-2024-regimes.json"));
        given().contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(document)
                .post("/api/report-regimes/import")
                .then()
                .statusCode(200)
                .body("created.code", hasItems("KT.BC-KSTTHC-QUY", "KT.BC-KSTTHC-NAM"))
                .body(
                        "created.find { it.code == 'KT.BC-KSTTHC-QUY' }.expectedAgencies.groupCode",
                        hasItems("KT.SBN", "KT.UBND-HUYEN", "KT.UBND-XA"));
    }
}
