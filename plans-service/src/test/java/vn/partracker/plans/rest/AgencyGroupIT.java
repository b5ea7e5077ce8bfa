package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.IfMatch;
import vn.partracker.plans.KonTumAgencies;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;

/** "Các sở, ban ngành", "UBND cấp huyện", "UBND cấp xã" as rules, expanded on a date. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AgencyGroupIT {

    @Inject
    AgroalDataSource dataSource;

    static String group(
            String code, String name, List<String> kinds, List<String> levels, String ancestor, List<String> ids) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kinds", kinds);
        body.put("levels", levels);
        body.put("ancestorId", ancestor);
        body.put("agencyIds", ids);
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/agency-groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theSeedsGroupsExpandToTheRightAgenciesOnADate() {
        String s = KonTumAgencies.suffix();
        String province =
                KonTumAgencies.create("KT.UBND." + s, "UBND tỉnh Kon Tum", "PEOPLES_COMMITTEE", "PROVINCE", null);
        String snv = KonTumAgencies.create("KT.SNV." + s, "Sở Nội vụ", "DEPARTMENT", "PROVINCE", province);
        String stp = KonTumAgencies.create("KT.STP." + s, "Sở Tư pháp", "DEPARTMENT", "PROVINCE", province);
        String bql =
                KonTumAgencies.create("KT.BQLKKT." + s, "Ban Quản lý Khu kinh tế tỉnh", "BOARD", "PROVINCE", province);
        String office = KonTumAgencies.create("KT.VPUBND." + s, "Văn phòng UBND tỉnh", "OFFICE", "PROVINCE", province);
        String district = KonTumAgencies.create(
                "KT.NGOCHOI." + s, "UBND huyện Ngọc Hồi", "PEOPLES_COMMITTEE", "DISTRICT", province);
        String commune = KonTumAgencies.create("KT.BOY." + s, "UBND xã Bờ Y", "PEOPLES_COMMITTEE", "COMMUNE", district);
        KonTumAgencies.create("OTHER.SNV." + s, "Sở Nội vụ tỉnh khác", "DEPARTMENT", "PROVINCE", null);

        String departments =
                group("SBN." + s, "Các sở, ban ngành", List.of("DEPARTMENT", "BOARD"), List.of(), province, List.of());
        String districts = group(
                "UBND-HUYEN." + s,
                "UBND cấp huyện",
                List.of("PEOPLES_COMMITTEE"),
                List.of("DISTRICT"),
                province,
                List.of());
        String communes = group(
                "UBND-XA." + s, "UBND cấp xã", List.of("PEOPLES_COMMITTEE"), List.of("COMMUNE"), province, List.of());
        String explicit = group(
                "VP-STP." + s, "Văn phòng UBND tỉnh và Sở Tư pháp", List.of(), List.of(), null, List.of(office, stp));

        given().get("/api/agency-groups/" + departments + "/members")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(snv, stp, bql));
        given().get("/api/agency-groups/" + districts + "/members").then().body("items.id", equalTo(List.of(district)));
        given().get("/api/agency-groups/" + communes + "/members").then().body("items.id", equalTo(List.of(commune)));
        given().get("/api/agency-groups/" + explicit + "/members")
                .then()
                .body("items.id", containsInAnyOrder(office, stp));

        given().contentType(ContentType.JSON)
                .body(Map.of("parentId", province, "from", "2025-07-01"))
                .header("If-Match", IfMatch.of("/api/agencies/" + commune))
                .post("/api/agencies/" + commune + "/moves")
                .then()
                .statusCode(200);
        given().queryParam("asOf", "2025-07-01")
                .get("/api/agency-groups/" + communes + "/members")
                .then()
                .body("items.id", equalTo(List.of(commune)));

        given().get("/api/agency-groups/" + departments)
                .then()
                .statusCode(200)
                .body("kinds", equalTo(List.of("DEPARTMENT", "BOARD")))
                .body("ancestorId", equalTo(province));
        given().queryParam("q", "cac so, ban nganh")
                .get("/api/agency-groups")
                .then()
                .body("items.code", hasItem("SBN." + s));
    }

    @Test
    void aGroupNamingUnknownThingsOrNothingIsRejected() {
        String s = KonTumAgencies.suffix();
        Map<String, Object> body = new HashMap<>();
        body.put("code", "BAD." + s);
        body.put("name", "Nhóm sai");
        body.put("levels", List.of("HAMLET"));
        body.put("ancestorId", UUID.randomUUID().toString());
        body.put("agencyIds", List.of(UUID.randomUUID().toString()));
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/agency-groups")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItems("levels", "ancestorId", "agencyIds[0]")),
                "agency_group");
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .body(Map.of("code", "EMPTY." + s, "name", "Nhóm rỗng"))
                        .post("/api/agency-groups")
                        .then()
                        .statusCode(400)
                        .body("errors[0].field", equalTo("kinds")),
                "agency_group");
    }
}
