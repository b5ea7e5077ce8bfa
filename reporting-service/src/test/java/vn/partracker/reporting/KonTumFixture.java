package vn.partracker.reporting;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;

/**
 * A small Kon Tum hierarchy with unique codes (tests share one database): UBND tỉnh with Sở Nội vụ, Sở Tư pháp,
 * Văn phòng UBND tỉnh and UBND huyện Đăk Hà, which has UBND xã Hà Mòn; the groups "Các sở, ban ngành" and "UBND cấp
 * xã"; plan 59/QĐ-UBND; and the indicator "Tỷ lệ hồ sơ TTHC ... giải quyết đúng hạn" performed by the departments,
 * the district and the communes.
 */
public final class KonTumFixture {

    public final String suffix = TestEvents.suffix();
    public final UUID province;
    public final UUID homeAffairs;
    public final UUID justice;
    public final UUID office;
    public final UUID district;
    public final UUID commune;
    public final UUID departments;
    public final UUID communes;
    public final UUID plan = UUID.randomUUID();
    public final UUID indicator = UUID.randomUUID();

    public KonTumFixture() {
        province = TestEvents.publishAgency(
                "KT." + suffix, "Ủy ban nhân dân tỉnh Kon Tum", "PEOPLES_COMMITTEE", "PROVINCE", null);
        homeAffairs = TestEvents.publishAgency("KT.SNV." + suffix, "Sở Nội vụ", "DEPARTMENT", "PROVINCE", province);
        justice = TestEvents.publishAgency("KT.STP." + suffix, "Sở Tư pháp", "DEPARTMENT", "PROVINCE", province);
        office = TestEvents.publishAgency(
                "KT.VPUBND." + suffix, "Văn phòng Ủy ban nhân dân tỉnh", "OFFICE", "PROVINCE", province);
        district = TestEvents.publishAgency(
                "KT.DH." + suffix, "Ủy ban nhân dân huyện Đăk Hà", "PEOPLES_COMMITTEE", "DISTRICT", province);
        commune = TestEvents.publishAgency(
                "KT.DH.HM." + suffix, "Ủy ban nhân dân xã Hà Mòn", "PEOPLES_COMMITTEE", "COMMUNE", district);
        departments = TestEvents.publishGroup(
                "SBN." + suffix, "Các sở, ban ngành", List.of("DEPARTMENT", "BOARD"), List.of(), province);
        communes = TestEvents.publishGroup(
                "UBNDXA." + suffix, "UBND cấp xã", List.of("PEOPLES_COMMITTEE"), List.of("COMMUNE"), province);
        TestEvents.send(Topics.PLANS, EventTypes.PLAN_ISSUED, plan, TestEvents.plan(plan, 1, "59/QĐ-UBND"));
        TestEvents.send(
                Topics.INDICATORS,
                EventTypes.INDICATOR_DEFINED,
                indicator,
                TestEvents.ratioIndicator(
                        indicator,
                        plan,
                        "Tỷ lệ hồ sơ TTHC do cơ quan chuyên môn cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn",
                        List.of(
                                TestEvents.groupRef(departments),
                                TestEvents.agencyRef(district),
                                TestEvents.groupRef(communes))));
        awaitIndicatorReport("2024-Q1", r -> r.getInt("rows[0].expected") == 4);
    }

    /** The indicator report of the province for the period. */
    public JsonPath indicatorReport(String period) {
        return given().queryParam("planId", plan)
                .queryParam("period", period)
                .queryParam("agencyId", province)
                .get("/api/reports/indicators")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Polls the province's indicator report until the condition holds (events are applied asynchronously). */
    public JsonPath awaitIndicatorReport(String period, Predicate<JsonPath> condition) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> indicatorReport(period), condition);
    }
}
