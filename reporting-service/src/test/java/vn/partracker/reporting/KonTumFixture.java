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
import vn.partracker.testsupport.fixtures.KonTumWorld;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * The suite's Kon Tum world ({@link KonTumWorld}: UBND tỉnh with its Office, Sở Nội vụ, Sở Tư pháp and Sở Tài
 * nguyên và Môi trường, UBND huyện Đăk Hà with UBND xã Hà Mòn, the groups "Các sở, ban ngành" and "UBND cấp xã",
 * plan 59/QĐ-UBND) as reporting-service sees it: the world is published as events, then the indicator "Tỷ lệ hồ sơ
 * TTHC ... giải quyết đúng hạn" performed by the departments, the district and the communes, and the fixture waits
 * until the replicas answer a report with the five expected agencies (three departments, the district, the commune).
 */
public final class KonTumFixture {

    /** The shared world this fixture published. */
    public final KonTumWorld world = new KonTumWorld();

    public final String suffix = world.suffix;
    public final UUID province = world.province;
    public final UUID homeAffairs = world.homeAffairs;
    public final UUID justice = world.justice;
    public final UUID environment = world.environment;
    public final UUID office = world.office;
    public final UUID district = world.district;
    public final UUID commune = world.commune;
    public final UUID departments = world.departments;
    public final UUID communes = world.communes;
    public final UUID plan = world.planId;
    public final UUID indicator = UUID.randomUUID();

    public KonTumFixture() {
        world.publish();
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
        awaitIndicatorReport("2024-Q1", r -> r.getInt("rows[0].expected") == 5);
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
