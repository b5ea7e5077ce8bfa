package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.PlanFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;

/**
 * {@code POST /api/timeframes/parse} and task timeframes show the cadences (weekly included), the due day of each,
 * the parts recognised, the leftover text and whether the wording hedges, with corpus wordings.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class TimeframeAnswerIT {

    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse parse(String text) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("text", text, "planYear", 2025))
                .post("/api/timeframes/parse")
                .then()
                .statusCode(200);
    }

    @Test
    void cadencesAndDueDaysOfRecurringWordings() {
        parse("Hằng tuần")
                .body("kind", equalTo("RECURRING"))
                .body("recurrence.cadences", equalTo(List.of("WEEKLY")))
                .body("recurrence.frequencies", equalTo(List.of()))
                .body("recurrence", not(hasKey("dueDays")));
        parse("Hằng tuần / hằng tháng")
                .body("recurrence.cadences", equalTo(List.of("WEEKLY", "MONTHLY")))
                .body("recurrence.frequencies", equalTo(List.of("MONTHLY")));
        parse("Trước ngày 10 hằng tháng")
                .body("recurrence.cadences", equalTo(List.of("MONTHLY")))
                .body(
                        "recurrence.dueDays",
                        equalTo(List.of(
                                Map.of("cadence", "MONTHLY", "day", 10, "monthOfPeriod", "LAST", "exclusive", true))));
        parse("Trước ngày 05 của tháng cuối quý")
                .body("recurrence.cadences", equalTo(List.of("QUARTERLY")))
                .body(
                        "recurrence.dueDays",
                        equalTo(List.of(
                                Map.of("cadence", "QUARTERLY", "day", 5, "monthOfPeriod", "LAST", "exclusive", true))));
        parse("Trước ngày 15/12 hằng năm")
                .body(
                        "recurrence.dueDays",
                        equalTo(List.of(Map.of("cadence", "ANNUAL", "day", 15, "month", 12, "exclusive", true))));
        parse("Trước 15:00 ngày thứ Sáu hằng tuần")
                .body(
                        "recurrence.dueDays",
                        equalTo(List.of(Map.of("cadence", "WEEKLY", "dayOfWeek", "FRIDAY", "exclusive", false))));
    }

    @Test
    void recognisedLeftoverAndTentative() {
        parse("Dự kiến quý III/2025")
                .body("kind", equalTo("QUARTER"))
                .body("tentative", equalTo(true))
                .body("leftover", equalTo(""));
        parse("Quý IV năm 2022 (tùy tình hình)")
                .body("kind", equalTo("QUARTER"))
                .body("recognised", equalTo(List.of("Quý IV năm 2022")))
                .body("leftover", containsString("tùy tình hình"))
                .body("tentative", equalTo(false));
        parse("Theo Kế hoạch")
                .body("kind", equalTo("UNSTRUCTURED"))
                .body("recognised", equalTo(List.of()))
                .body("leftover", equalTo("Theo Kế hoạch"))
                .body("$", not(hasKey("relative")));
    }

    @Test
    void aWeeklyTaskStoresItsCadenceAndShowsWhatWasRead() {
        PlanFixture f = new PlanFixture();
        String planId = f.createPlan();
        String weekly = PlanFixture.addTask(
                planId, PlanFixture.task("VII", "1", "Giao ban tuần", Map.of("agencyId", f.office), "Hằng tuần"));
        given().get("/api/tasks/" + weekly)
                .then()
                .statusCode(200)
                .body("timeframe.kind", equalTo("RECURRING"))
                .body("timeframe.recurrence.cadences", equalTo(List.of("WEEKLY")))
                .body("timeframe.recognised", equalTo(List.of("Hằng tuần")))
                .body("timeframe.leftover", equalTo(""));
        assertEquals(
                "{WEEKLY}",
                TableCounts.text(
                        dataSource, "SELECT recurrence::text FROM task WHERE id = ?", UUID.fromString(weekly)));
        String monthly = PlanFixture.addTask(
                planId,
                PlanFixture.task(
                        "VII",
                        "2",
                        "Báo cáo tháng",
                        Map.of("agencyId", f.office),
                        "Dự kiến trước ngày 10 hằng tháng (theo yêu cầu của Văn phòng Chính phủ)"));
        given().get("/api/tasks/" + monthly)
                .then()
                .body("timeframe.recurrence.dueDays[0].day", equalTo(10))
                .body("timeframe.recurrence.dueDays[0].cadence", equalTo("MONTHLY"))
                .body("timeframe.tentative", equalTo(true))
                .body("timeframe.leftover", containsString("Văn phòng Chính phủ"));
    }

    @Test
    void aMissingWordingIsA400() {
        given().contentType(ContentType.JSON)
                .body(Map.of("planYear", 2025))
                .post("/api/timeframes/parse")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
