package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.IfMatch;
import vn.partracker.plans.KonTumAgencies;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;

/** The effective-dated hierarchy: moves, the 2025 abolition of the district level, cycles, levels as rows. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AgencyHierarchyIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAbolishedDistrictsCommunesMoveUnderTheProvinceAndHistoryStays() {
        String s = KonTumAgencies.suffix();
        String province =
                KonTumAgencies.create("KT.UBND." + s, "UBND tỉnh Kon Tum", "PEOPLES_COMMITTEE", "PROVINCE", null);
        String district =
                KonTumAgencies.create("KT.DAKHA." + s, "UBND huyện Đăk Hà", "PEOPLES_COMMITTEE", "DISTRICT", province);
        String haMon =
                KonTumAgencies.create("KT.HAMON." + s, "UBND xã Hà Mòn", "PEOPLES_COMMITTEE", "COMMUNE", district);
        String dakMar =
                KonTumAgencies.create("KT.DAKMAR." + s, "UBND xã Đắk Mar", "PEOPLES_COMMITTEE", "COMMUNE", district);

        String closeTooEarly =
                given().get("/api/agencies/" + district).then().extract().header("ETag");
        Map<String, Object> abolished =
                KonTumAgencies.body("KT.DAKHA." + s, "UBND huyện Đăk Hà", "PEOPLES_COMMITTEE", "DISTRICT", province);
        abolished.put("validTo", "2025-06-30");
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .header("If-Match", closeTooEarly)
                        .body(abolished)
                        .put("/api/agencies/" + district)
                        .then()
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .body("detail", containsString("KT.HAMON." + s)),
                "agency",
                "agency_parent_link");

        for (String commune : List.of(haMon, dakMar)) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("parentId", province, "from", "2025-07-01"))
                    .header("If-Match", IfMatch.of("/api/agencies/" + commune))
                    .post("/api/agencies/" + commune + "/moves")
                    .then()
                    .statusCode(200)
                    .body("parentId", equalTo(province))
                    .body("parentLinks", hasSize(2))
                    .body("parentLinks[0].parentId", equalTo(district))
                    .body("parentLinks[0].validTo", equalTo("2025-06-30"))
                    .body("parentLinks[1].validFrom", equalTo("2025-07-01"));
        }
        String etag = given().get("/api/agencies/" + district).then().extract().header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(abolished)
                .put("/api/agencies/" + district)
                .then()
                .statusCode(200)
                .body("validTo", equalTo("2025-06-30"));

        given().queryParam("asOf", "2025-06-30")
                .get("/api/agencies/" + district + "/children")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.name", hasItem("UBND xã Hà Mòn"));
        given().queryParam("asOf", "2025-06-30")
                .get("/api/agencies/" + haMon + "/ancestors")
                .then()
                .body("id", equalTo(List.of(district, province)));
        given().queryParam("asOf", "2025-06-30")
                .queryParam("parentId", province)
                .get("/api/agencies")
                .then()
                .body("items.id", equalTo(List.of(district)));

        given().queryParam("asOf", "2025-07-01")
                .get("/api/agencies/" + haMon + "/ancestors")
                .then()
                .body("id", equalTo(List.of(province)));
        given().queryParam("asOf", "2025-07-01")
                .queryParam("parentId", province)
                .get("/api/agencies")
                .then()
                .body("total", equalTo(2))
                .body("items.id", not(hasItem(district)));
        given().queryParam("asOf", "2025-07-01")
                .queryParam("level", "DISTRICT")
                .queryParam("q", "dak ha")
                .get("/api/agencies")
                .then()
                .body("items.id", not(hasItem(district)));
        given().queryParam("asOf", "2025-06-30")
                .queryParam("level", "DISTRICT")
                .queryParam("kind", "PEOPLES_COMMITTEE")
                .queryParam("q", "dak ha")
                .get("/api/agencies")
                .then()
                .body("items.id", hasItem(district));
        given().queryParam("asOf", "2025-06-30")
                .get("/api/agencies/" + haMon)
                .then()
                .body("parentId", equalTo(district));
    }

    @Test
    void aMoveThatMakesACycleOnItsDateIsRejectedAndWritesNothing() {
        String s = KonTumAgencies.suffix();
        String province =
                KonTumAgencies.create("KT.UBND." + s, "UBND tỉnh Kon Tum", "PEOPLES_COMMITTEE", "PROVINCE", null);
        String district =
                KonTumAgencies.create("KT.DAKTO." + s, "UBND huyện Đăk Tô", "PEOPLES_COMMITTEE", "DISTRICT", province);
        String commune =
                KonTumAgencies.create("KT.TANCANH." + s, "UBND xã Tân Cảnh", "PEOPLES_COMMITTEE", "COMMUNE", district);

        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .body(Map.of("parentId", commune, "from", "2024-01-01"))
                        .header("If-Match", IfMatch.of("/api/agencies/" + province))
                        .post("/api/agencies/" + province + "/moves")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("parentId"))
                        .body("errors[0].message", containsString("cycle")),
                "agency",
                "agency_parent_link");

        Map<String, Object> body =
                KonTumAgencies.body("KT.DAKTO." + s, "UBND huyện Đăk Tô", "PEOPLES_COMMITTEE", "DISTRICT", commune);
        body.put("parentChangedOn", "2024-01-01");
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .header("If-Match", "\"0\"")
                        .body(body)
                        .put("/api/agencies/" + district)
                        .then()
                        .statusCode(400)
                        .body("errors.message", hasItem(containsString("cycle"))),
                "agency",
                "agency_parent_link");
    }

    @Test
    void aParentChangeByPutMovesFromTheGivenDay() {
        String s = KonTumAgencies.suffix();
        String province =
                KonTumAgencies.create("KT.UBND." + s, "UBND tỉnh Kon Tum", "PEOPLES_COMMITTEE", "PROVINCE", null);
        String office = KonTumAgencies.create("KT.VPUBND." + s, "Văn phòng UBND tỉnh", "OFFICE", "PROVINCE", province);
        String centre = KonTumAgencies.create(
                "KT.TTPVHCC." + s, "Trung tâm Phục vụ hành chính công", "OTHER", "PROVINCE", province);
        Map<String, Object> body = KonTumAgencies.body(
                "KT.TTPVHCC." + s, "Trung tâm Phục vụ hành chính công", "OTHER", "PROVINCE", office);
        body.put("parentChangedOn", "2023-01-01");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .put("/api/agencies/" + centre)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("parentId", equalTo(office))
                .body("parentLinks.parentId", equalTo(List.of(province, office)));
        given().queryParam("asOf", "2022-12-31")
                .get("/api/agencies/" + centre)
                .then()
                .body("parentId", equalTo(province));
    }

    @Test
    void datesOutsideTheValidityAreRejected() {
        String s = KonTumAgencies.suffix();
        String commune = KonTumAgencies.create("KT.X." + s, "UBND xã Pô Kô", "PEOPLES_COMMITTEE", "COMMUNE", null);
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .body(Map.of("from", "2019-12-31"))
                        .header("If-Match", IfMatch.of("/api/agencies/" + commune))
                        .post("/api/agencies/" + commune + "/moves")
                        .then()
                        .statusCode(400)
                        .body("errors[0].field", equalTo("from")),
                "agency",
                "agency_parent_link");
        Map<String, Object> backwards =
                KonTumAgencies.body("KT.X." + s, "UBND xã Pô Kô", "PEOPLES_COMMITTEE", "COMMUNE", null);
        backwards.put("validTo", "2019-01-01");
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .header("If-Match", "\"0\"")
                        .body(backwards)
                        .put("/api/agencies/" + commune)
                        .then()
                        .statusCode(400)
                        .body("errors.field", hasItem("validTo")),
                "agency",
                "agency_parent_link");
    }

    @Test
    void levelsAreRowsThatCanBeAdded() {
        given().get("/api/agency-levels")
                .then()
                .statusCode(200)
                .body("code", hasItem("DISTRICT"))
                .body("find { it.code == 'PROVINCE' }.name", equalTo("Cấp tỉnh"));
        String code = "SPECIAL_" + KonTumAgencies.suffix().toUpperCase().replaceAll("[^A-Z0-9]", "X");
        given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Đặc khu", "order", 2))
                .post("/api/agency-levels")
                .then()
                .statusCode(201)
                .body("code", equalTo(code));
        given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Đặc khu", "order", 2))
                .post("/api/agency-levels")
                .then()
                .statusCode(409);
        String id = KonTumAgencies.create("KT.SP." + code, "UBND đặc khu", "PEOPLES_COMMITTEE", code, null);
        given().get("/api/agencies/" + id).then().body("level", equalTo(code)).body("parentId", nullValue());
        assertEquals(1, TableCounts.count(dataSource, "SELECT count(*) FROM agency_level WHERE code = ?", code));
    }
}
