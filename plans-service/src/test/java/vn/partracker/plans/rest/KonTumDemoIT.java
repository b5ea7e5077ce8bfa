package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.partracker.testsupport.InfrastructureResource;

/**
 * The demo data the local launcher loads: the Kon Tum directory and groups, then plan 59/QĐ-UBND with the 29 tasks
 * of Phụ lục II, imported over HTTP exactly as the launcher sends them.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class KonTumDemoIT {

    private static final Path DEMO = Path.of("..", "demo-data");

    @Test
    void theKonTum59PlanImportsWithAll29TasksAndItsAssignments() throws IOException {
        String agencies = Files.readString(DEMO.resolve("kontum-59-agencies.json"), StandardCharsets.UTF_8);
        String plan = Files.readString(DEMO.resolve("kontum-59-plan.json"), StandardCharsets.UTF_8);

        long started = System.nanoTime();
        given().contentType(ContentType.JSON.withCharset("UTF-8"))
                .header("Idempotency-Key", "demo-agencies")
                .body(agencies)
                .post("/api/agencies/import")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(0))
                .body("groupsCreated", equalTo(4));
        Log.infof("BENCHMARK demo agencies import: %d ms", (System.nanoTime() - started) / 1_000_000);

        given().contentType(ContentType.JSON.withCharset("UTF-8"))
                .queryParam("dryRun", true)
                .body(plan)
                .post("/api/plans/import")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("tasks", equalTo(29));

        started = System.nanoTime();
        JsonPath report = given().contentType(ContentType.JSON.withCharset("UTF-8"))
                .header("Idempotency-Key", "demo-plan")
                .body(plan)
                .post("/api/plans/import")
                .then()
                .statusCode(201)
                .body("status", equalTo("ISSUED"))
                .body("sections", equalTo(9))
                .body("tasks", equalTo(29))
                .extract()
                .jsonPath();
        Log.infof(
                "BENCHMARK demo plan import (29 tasks, issued, %d assignments): %d ms",
                report.getInt("assignments"), (System.nanoTime() - started) / 1_000_000);
        String planId = report.getString("planId");

        given().get("/api/plans/" + planId)
                .then()
                .body("number", equalTo("59/QĐ-UBND"))
                .body("issuedOn", equalTo("2024-01-29"))
                .body("legalBases.number[4]", equalTo("104/QĐ-TTg"))
                .body("taskCount", equalTo(29));

        List<Map<String, Object>> docTasks = JsonPath.from(plan).getList("tasks");
        JsonPath tasks = given().queryParam("size", 100)
                .get("/api/plans/" + planId + "/tasks")
                .then()
                .body("total", equalTo(29))
                .extract()
                .jsonPath();
        int structured = 0;
        for (int i = 0; i < 29; i++) {
            @SuppressWarnings("unchecked")
            String text = ((Map<String, String>) docTasks.get(i).get("timeframe")).get("text");
            assertEquals(text, tasks.getString("items[" + i + "].timeframe.originalText"), "kept verbatim");
            String kind = tasks.getString("items[" + i + "].timeframe.kind");
            assertNotNull(kind);
            if (!"UNSTRUCTURED".equals(kind)) {
                structured++;
            }
        }
        assertEquals(report.getInt("structuredTimeframes"), structured);
        assertTrue(structured >= 25, "most of the plan's timeframes are structured: " + structured);
        assertEquals("BY_DATE", tasks.getString("items[0].timeframe.kind"));
        assertEquals("2024-02-15", tasks.getString("items[0].timeframe.dueDate"));

        JsonPath assignments = given().queryParam("planId", planId)
                .queryParam("size", 500)
                .get("/api/assignments")
                .then()
                .body("total", equalTo(report.getInt("assignments")))
                .extract()
                .jsonPath();
        Map<String, Long> perTask = assignments.getList("items.taskId", String.class).stream()
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        String first = tasks.getString("items[0].id");
        String propaganda = tasks.getString("items.find { it.sectionCode == 'VI' && it.ordinal == '1' }.id");
        String appraisal = tasks.getString("items.find { it.sectionCode == 'IV' && it.ordinal == '3' }.id");
        assertEquals(18 + 10, perTask.get(first), "Các sở, ban ngành (18) + UBND cấp huyện (10)");
        assertEquals(1 + 18 + 10 + 42, perTask.get(propaganda), "VP UBND + sở, ban ngành + huyện + xã");
        assertEquals(1, perTask.get(appraisal), "Sở Tư pháp");
        assertEquals(29, perTask.size(), "every task has assignments");
    }
}
