package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partracker.testsupport.InfrastructureResource;

/**
 * The Kon Tum demo plan 59/QĐ-UBND and its one recurring task (VII.1 "Hàng quý, năm và đột xuất khi có yêu cầu
 * (thời gian gửi báo cáo theo Thông tư 01/2020/TT-VPCP …"): the import names the wordings it could not read in full,
 * every assignment of VII.1 carries five occurrences, and they come due. Imported with the same keys and bodies as
 * {@link KonTumDemoIT}, so whichever runs first imports and the other gets the same answer again.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class KonTumOccurrencesIT {

    private static final Path DEMO = Path.of("..", "demo-data");

    @Test
    void theRecurringReportTaskOfPlan59ComesDuePerQuarterAndYear() throws IOException {
        String agencies = Files.readString(DEMO.resolve("kontum-59-agencies.json"), StandardCharsets.UTF_8);
        String plan = Files.readString(DEMO.resolve("kontum-59-plan.json"), StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON.withCharset("UTF-8"))
                .header("Idempotency-Key", "demo-agencies")
                .body(agencies)
                .post("/api/agencies/import")
                .then()
                .statusCode(200);

        JsonPath dryRun = given().contentType(ContentType.JSON.withCharset("UTF-8"))
                .queryParam("dryRun", true)
                .body(plan)
                .post("/api/plans/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("III.3", "III.4", "V.1", "VII.1"), dryRun.getList("timeframeLeftovers.taskCode"));
        assertEquals(
                List.of("tasks[15]", "tasks[16]", "tasks[20]", "tasks[26]"), dryRun.getList("timeframeLeftovers.path"));
        assertEquals(
                List.of("UNSTRUCTURED", "UNSTRUCTURED", "UNSTRUCTURED", "RECURRING"),
                dryRun.getList("timeframeLeftovers.kind"));
        assertEquals("Theo Kế hoạch", dryRun.getString("timeframeLeftovers[0].leftover"));
        assertTrue(dryRun.getString("timeframeLeftovers[3].leftover").contains("Thông tư 01/2020/TT-VPCP"));
        assertTrue(dryRun.getString("timeframeLeftovers[3].text").startsWith("Hàng quý, năm và đột xuất"));

        JsonPath report = given().contentType(ContentType.JSON.withCharset("UTF-8"))
                .header("Idempotency-Key", "demo-plan")
                .body(plan)
                .post("/api/plans/import")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertEquals(4, report.getList("timeframeLeftovers").size(), "the import reports them too");
        String planId = report.getString("planId");
        String task = given().queryParam("size", 100)
                .get("/api/plans/" + planId + "/tasks")
                .then()
                .extract()
                .path("items.find { it.sectionCode == 'VII' }.id");
        given().get("/api/tasks/" + task)
                .then()
                .body("timeframe.recurrence.cadences", equalTo(List.of("QUARTERLY", "ANNUAL")))
                .body("timeframe.recurrence.adHoc", equalTo(true))
                .body("timeframe.leftover", containsString("Thông tư 01/2020/TT-VPCP"));

        List<Map<String, Object>> all = new ArrayList<>();
        int total = Integer.MAX_VALUE;
        for (int page = 0; all.size() < total; page++) {
            JsonPath one = given().queryParam("planId", planId)
                    .queryParam("size", 500)
                    .queryParam("page", page)
                    .get("/api/assignments")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            total = one.getInt("total");
            all.addAll(one.getList("items"));
        }
        List<Map<String, Object>> recurring =
                all.stream().filter(a -> a.get("occurrences") != null).toList();
        assertEquals(18 + 10 + 42, recurring.size(), "VII.1: sở, ban ngành + UBND cấp huyện + UBND cấp xã");
        assertTrue(recurring.stream().allMatch(a -> task.equals(a.get("taskId"))));
        for (Map<String, Object> a : recurring) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> occurrences = (List<Map<String, Object>>) a.get("occurrences");
            assertEquals(
                    List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024", "2024-Q4"),
                    occurrences.stream().map(o -> o.get("occurrence")).toList());
            assertEquals(
                    List.of("2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31", "2024-12-31"),
                    occurrences.stream().map(o -> o.get("dueDate")).toList());
        }

        int overdueMarch = overdue(planId, "2024-03-31");
        int overdueApril = overdue(planId, "2024-04-01");
        int overdueLate = overdue(planId, "2024-07-01");
        Log.infof(
                "NUMBERS Kon Tum 59: %d assignments, %d with occurrences (%d occurrences); overdue on 2024-03-31: %d,"
                        + " on 2024-04-01: %d, on 2024-07-01: %d",
                total, recurring.size(), recurring.size() * 5, overdueMarch, overdueApril, overdueLate);
        assertEquals(70, overdueApril - overdueMarch, "the 70 first-quarter reports come due on 1 April");

        String one = (String) recurring.get(0).get("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("percent", 100, "status", "DONE", "occurrence", "2024-Q1", "note", "Báo cáo quý I"))
                .post("/api/assignments/" + one + "/progress")
                .then()
                .statusCode(201);
        assertEquals(overdueApril - 1, overdue(planId, "2024-04-01"), "reported: no longer overdue");
        given().queryParam("asOf", "2024-07-01")
                .get("/api/assignments/" + one)
                .then()
                .body("overdue", equalTo(true))
                .body("percent", equalTo(20.0f))
                .body("occurrences.overdue", equalTo(List.of(false, true, false, false, false)));
    }

    private static int overdue(String planId, String asOf) {
        return given().queryParam("planId", planId)
                .queryParam("overdue", true)
                .queryParam("asOf", asOf)
                .get("/api/assignments")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }
}
