package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.KonTumAgencies;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;

/** Bulk import of the directory: idempotent by code, all or nothing, JSON and CSV, and its speed at 5,000 rows. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AgencyImportIT {

    @Inject
    AgroalDataSource dataSource;

    private static Map<String, Object> row(String code, String name, String kind, String level, String parentCode) {
        Map<String, Object> row = new HashMap<>();
        row.put("code", code);
        row.put("name", name);
        row.put("kind", kind);
        row.put("level", level);
        row.put("parentCode", parentCode);
        row.put("validFrom", "2020-01-01");
        return row;
    }

    @Test
    void importIsIdempotentByCodeAndReportsEachOutcome() {
        String s = KonTumAgencies.suffix();
        List<Map<String, Object>> rows = new ArrayList<>(List.of(
                row("KT.XA." + s, "UBND xã Hà Mòn", "PEOPLES_COMMITTEE", "COMMUNE", "KT.HUYEN." + s),
                row("KT.HUYEN." + s, "UBND huyện Đăk Hà", "PEOPLES_COMMITTEE", "DISTRICT", "KT.TINH." + s),
                row("KT.TINH." + s, "UBND tỉnh Kon Tum", "PEOPLES_COMMITTEE", "PROVINCE", null)));
        given().contentType(ContentType.JSON)
                .body(rows)
                .post("/api/agencies/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(3))
                .body("updated", equalTo(0))
                .body("rejected", equalTo(0));
        String communeId = given().queryParam("q", "KT.XA." + s)
                .get("/api/agencies")
                .then()
                .body("total", equalTo(1))
                .extract()
                .path("items[0].id");
        given().get("/api/agencies/" + communeId + "/ancestors")
                .then()
                .body("code", equalTo(List.of("KT.HUYEN." + s, "KT.TINH." + s)));

        long events = TableCounts.count(dataSource, "SELECT count(*) FROM outbox_event");
        given().contentType(ContentType.JSON)
                .body(rows)
                .post("/api/agencies/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(3));
        assertEquals(
                events, TableCounts.count(dataSource, "SELECT count(*) FROM outbox_event"), "no event when unchanged");

        rows.get(0).put("shortName", "Hà Mòn");
        given().contentType(ContentType.JSON)
                .body(rows)
                .post("/api/agencies/import")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(2))
                .body("rows[0].outcome", equalTo("UPDATED"));
        given().get("/api/agencies/" + communeId)
                .then()
                .body("shortName", equalTo("Hà Mòn"))
                .body("version", equalTo(1));
    }

    @Test
    void oneBadRowRejectsTheWholeDocumentWithEveryProblem() {
        String s = KonTumAgencies.suffix();
        List<Map<String, Object>> rows = List.of(
                row("KT.SNV." + s, "Sở Nội vụ", "DEPARTMENT", "PROVINCE", null),
                row("KT.A." + s, "Cơ quan A", "OTHER", "PROVINCE", "KT.B." + s),
                row("KT.B." + s, "Cơ quan B", "OTHER", "PROVINCE", "KT.A." + s),
                row("KT.C." + s, "Cơ quan C", "MINISTRY", "HAMLET", "KT.NOWHERE." + s));
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .body(rows)
                        .post("/api/agencies/import")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("detail", containsString("nothing was imported"))
                        .body(
                                "errors.field",
                                hasItems(
                                        "rows[2].parentCode",
                                        "rows[3].parentCode",
                                        "rows[4].kind",
                                        "rows[4].level",
                                        "rows[4].parentCode"))
                        .body("errors.message", hasItem(containsString("cycle"))),
                "agency",
                "agency_parent_link",
                "agency_group");
        given().queryParam("q", "KT.SNV." + s).get("/api/agencies").then().body("total", equalTo(0));
    }

    @Test
    void validToBeforeValidFromAndDuplicatesAreRejected() {
        String s = KonTumAgencies.suffix();
        Map<String, Object> backwards = row("KT.STP." + s, "Sở Tư pháp", "DEPARTMENT", "PROVINCE", null);
        backwards.put("validTo", "2019-12-31");
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .body(List.of(backwards, row("KT.STP." + s, "Sở Tư pháp", "DEPARTMENT", "PROVINCE", null)))
                        .post("/api/agencies/import")
                        .then()
                        .statusCode(400)
                        .body("errors.field", hasItems("rows[1].validTo", "rows[2].code")),
                "agency",
                "agency_parent_link");
    }

    @Test
    void rowsAreHeldToTheConstraintsOfASingleCreate() {
        String s = KonTumAgencies.suffix();
        Map<String, Object> badCode = row("KT SNV " + s, "Sở Nội vụ", "DEPARTMENT", "PROVINCE", null);
        Map<String, Object> blankName = row("KT.STP." + s, " ", "DEPARTMENT", "PROVINCE", null);
        Map<String, Object> longSector =
                row("KT.STNMT." + s, "Sở Tài nguyên và Môi trường", "DEPARTMENT", "PROVINCE", null);
        longSector.put("sectors", List.of("land", "x".repeat(65)));
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .body(List.of(badCode, blankName, longSector))
                        .post("/api/agencies/import")
                        .then()
                        .statusCode(400)
                        .body("errors.field", hasItems("rows[1].code", "rows[2].name", "rows[3].sectors[1]"))
                        .body("errors.message", hasItem("letters, digits, '.', '_' or '-' only")),
                "agency");
    }

    @Test
    void aCsvWithAnUnclosedQuoteIsRejectedWithItsLine() {
        String s = KonTumAgencies.suffix();
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType("text/csv; charset=UTF-8")
                        .body("code,name,kind,level,validFrom\n"
                                + "KT.SNV." + s + ",Sở Nội vụ,DEPARTMENT,PROVINCE,2020-01-01\n"
                                + "KT.STP." + s + ",\"Sở Tư pháp,DEPARTMENT,PROVINCE,2020-01-01\n")
                        .post("/api/agencies/import")
                        .then()
                        .statusCode(400)
                        .body("errors.message", hasItem(containsString("line 3"))),
                "agency");
    }

    @Test
    void csvWithQuotedNamesAndParentsByCode() {
        String s = KonTumAgencies.suffix();
        String csv = "code,name,kind,level,parentCode,sectors,validFrom\n"
                + "KT.UBND." + s + ",UBND tỉnh Kon Tum,PEOPLES_COMMITTEE,PROVINCE,,,2020-01-01\n"
                + "KT.SVHTTDL." + s + ",\"Sở Văn hóa, Thể thao và Du lịch\",DEPARTMENT,PROVINCE,KT.UBND." + s
                + ",tourism;culture,2020-01-01\n";
        given().contentType("text/csv; charset=UTF-8")
                .body(csv)
                .post("/api/agencies/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(2));
        given().queryParam("q", "so van hoa, the thao va du lich")
                .get("/api/agencies")
                .then()
                .body("items.code", hasItem("KT.SVHTTDL." + s))
                .body(
                        "items.find { it.code == 'KT.SVHTTDL." + s + "' }.sectors",
                        equalTo(List.of("tourism", "culture")));
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType("text/csv; charset=UTF-8")
                        .body("code,name,kind,level,validFrom,colour\nKT.X." + s + ",X,OTHER,PROVINCE,01/01/2020,red\n")
                        .post("/api/agencies/import")
                        .then()
                        .statusCode(400)
                        .body("errors.field", hasItems("header.colour", "rows[1].validFrom")),
                "agency");
    }

    @Test
    void fiveThousandAgenciesImportInOneRequest() {
        String s = KonTumAgencies.suffix();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("BENCH.ROOT." + s, "UBND tỉnh (benchmark)", "PEOPLES_COMMITTEE", "PROVINCE", null));
        for (int d = 0; rows.size() < 5000; d++) {
            String district = "BENCH.D" + d + "." + s;
            rows.add(row(district, "UBND huyện số " + d, "PEOPLES_COMMITTEE", "DISTRICT", "BENCH.ROOT." + s));
            for (int c = 0; c < 101 && rows.size() < 5000; c++) {
                rows.add(row(
                        district + ".X" + c,
                        "UBND xã số " + c + " huyện " + d,
                        "PEOPLES_COMMITTEE",
                        "COMMUNE",
                        district));
            }
        }
        assertEquals(5000, rows.size());
        long started = System.nanoTime();
        given().contentType(ContentType.JSON)
                .body(rows)
                .post("/api/agencies/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(5000));
        long millis = (System.nanoTime() - started) / 1_000_000;
        Log.infof("BENCHMARK agency import: 5000 agencies created in %d ms", millis);
        long unchangedStarted = System.nanoTime();
        given().contentType(ContentType.JSON)
                .body(rows)
                .post("/api/agencies/import")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(5000));
        Log.infof(
                "BENCHMARK agency re-import: 5000 agencies unchanged in %d ms",
                (System.nanoTime() - unchangedStarted) / 1_000_000);
        assertEquals(
                5000,
                TableCounts.count(
                        dataSource, "SELECT count(*) FROM outbox_event WHERE payload LIKE ?", "%BENCH.%." + s + "%"));
    }
}
