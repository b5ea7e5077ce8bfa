package vn.partracker.plans.messaging;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AssignmentState;
import vn.partracker.events.payload.PlanState;
import vn.partracker.events.payload.TaskAssigned;
import vn.partracker.events.payload.TaskState;
import vn.partracker.plans.IfMatch;
import vn.partracker.plans.KonTumAgencies;
import vn.partracker.plans.PlanFixture;
import vn.partracker.testsupport.KafkaTestClient;

/**
 * A province with {@code communes} communes and an issued plan of {@code tasks} tasks led by "every commune", built
 * over the API (agency import, group, plan, tasks, issue), and a replica of the plans topic that applies events the
 * way reporting-service's {@code PlanEventService} does: a plan event upserts its tasks, upserts its assignments and
 * drops those of the plan it does not list (when its version is newer); {@code task.assigned} upserts the task and
 * its assignments; every upsert keeps the newer version.
 */
final class LargePlan {

    /** RestAssured waiting up to ten minutes for an answer (issuing 87,000 assignments on a busy 2-core box). */
    static final RestAssuredConfig PATIENT = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 600_000)
                    .setParam("http.connection.timeout", 600_000));

    final String suffix = KonTumAgencies.suffix();
    final String provinceCode = "KT.BIG." + suffix;
    final String province;
    final String group;
    final String planId;

    /**
     * The province over the API; its communes straight into the database in one statement (the agency import of
     * thousands of rows is not what these tests measure); the group, plan and tasks over the API.
     */
    LargePlan(DataSource dataSource, int communes, int tasks) {
        given().contentType(ContentType.JSON)
                .body(List.of(row(provinceCode, "UBND tỉnh (tải lớn)", "PROVINCE", null)))
                .post("/api/agencies/import")
                .then()
                .statusCode(200);
        province = given().queryParam("q", provinceCode)
                .get("/api/agencies")
                .then()
                .extract()
                .path("items[0].id");
        try (Connection c = dataSource.getConnection();
                PreparedStatement agencies = c.prepareStatement("""
                        INSERT INTO agency (id, code, name, name_folded, kind, level_code, valid_from)
                        SELECT gen_random_uuid(), ? || '.X' || i, 'UBND xã số ' || i, 'ubnd xa so ' || i,
                            'PEOPLES_COMMITTEE', 'COMMUNE', DATE '2020-01-01'
                        FROM generate_series(1, ?) i""");
                PreparedStatement links = c.prepareStatement("""
                        INSERT INTO agency_parent_link (id, agency_id, parent_id, valid_from)
                        SELECT gen_random_uuid(), id, ?::uuid, DATE '2020-01-01' FROM agency WHERE code LIKE ?""")) {
            agencies.setString(1, provinceCode);
            agencies.setInt(2, communes);
            agencies.executeUpdate();
            links.setString(1, province);
            links.setString(2, provinceCode + ".X%");
            links.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> groupBody = new HashMap<>();
        groupBody.put("code", "XA." + suffix);
        groupBody.put("name", "UBND cấp xã (tải lớn)");
        groupBody.put("kinds", List.of("PEOPLES_COMMITTEE"));
        groupBody.put("levels", List.of("COMMUNE"));
        groupBody.put("ancestorId", province);
        group = given().contentType(ContentType.JSON)
                .body(groupBody)
                .post("/api/agency-groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> plan = new HashMap<>();
        plan.put("number", "59/QĐ-UBND.BIG." + suffix);
        plan.put("title", "Kế hoạch cải cách TTHC năm 2024 — mọi xã");
        plan.put("issuerId", province);
        plan.put("issuedOn", "2024-01-29");
        plan.put("year", 2024);
        plan.put("sections", List.of(Map.of("code", "I", "title", "Công tác chỉ đạo, điều hành")));
        planId = given().contentType(ContentType.JSON)
                .body(plan)
                .post("/api/plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (int t = 1; t <= tasks; t++) {
            PlanFixture.addTask(
                    planId,
                    PlanFixture.task(
                            "I",
                            Integer.toString(t),
                            "Nhiệm vụ số " + t + " của mọi UBND cấp xã về cải cách thủ tục hành chính",
                            Map.of("groupId", group),
                            "Quý IV năm 2024"));
        }
    }

    private static Map<String, Object> row(String code, String name, String level, String parentCode) {
        Map<String, Object> row = new HashMap<>();
        row.put("code", code);
        row.put("name", name);
        row.put("kind", "PEOPLES_COMMITTEE");
        row.put("level", level);
        row.put("parentCode", parentCode);
        row.put("validFrom", "2020-01-01");
        return row;
    }

    /**
     * Removes the plan, its group and its agencies from the database again (not their events), so the tests that
     * run after this one in the same database (the fuzzer, the matrix's republish) do not carry 87,000 assignments.
     * Only for a plan without progress: {@code progress_update} is append-only (a rule turns DELETE into nothing).
     */
    void delete(DataSource dataSource) {
        String prefix = provinceCode + "%";
        List<String> statements = List.of(
                "DELETE FROM assignment WHERE plan_id = ?::uuid",
                "DELETE FROM task_lead_agency WHERE task_id IN (SELECT id FROM task WHERE plan_id = ?::uuid)",
                "DELETE FROM task_coordinating_agency WHERE task_id IN (SELECT id FROM task WHERE plan_id = ?::uuid)",
                "DELETE FROM task WHERE plan_id = ?::uuid",
                "DELETE FROM plan_amendment WHERE plan_id = ?::uuid",
                "DELETE FROM plan WHERE id = ?::uuid");
        try (Connection c = dataSource.getConnection()) {
            for (String sql : statements) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, planId);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM agency_group WHERE id = ?::uuid")) {
                s.setString(1, group);
                s.executeUpdate();
            }
            for (String sql : List.of(
                    "DELETE FROM agency_parent_link WHERE agency_id IN (SELECT id FROM agency WHERE code LIKE ?)",
                    "DELETE FROM agency WHERE code LIKE ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, prefix);
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void issue() {
        given().config(PATIENT)
                .header("If-Match", IfMatch.of("/api/plans/" + planId))
                .queryParam("on", "2024-01-29")
                .post("/api/plans/" + planId + "/issue")
                .then()
                .statusCode(200);
    }

    /** The records of the plans topic keyed by this plan, read from the beginning until there are {@code n}. */
    List<ConsumerRecord<String, String>> read(long n) {
        return KafkaTestClient.readUntil(
                        Topics.PLANS, Duration.ofSeconds(120), all -> mine(all).size() >= n)
                .stream()
                .filter(r -> planId.equals(r.key()))
                .toList();
    }

    private List<ConsumerRecord<String, String>> mine(List<ConsumerRecord<String, String>> all) {
        return all.stream().filter(r -> planId.equals(r.key())).toList();
    }

    /** What a consumer of the plans topic holds for one plan after applying its records in order. */
    static final class Replica {
        long planVersion = -1;
        String status;
        final Map<UUID, TaskState> tasks = new LinkedHashMap<>();
        final Map<UUID, AssignmentState> assignments = new HashMap<>();

        void apply(ConsumerRecord<String, String> record) {
            String type = KafkaTestClient.header(record, CloudEventHeaders.TYPE);
            switch (type) {
                case EventTypes.PLAN_ISSUED, EventTypes.PLAN_AMENDED -> {
                    PlanState plan = EventJson.read(record.value(), PlanState.class);
                    if (plan.version() <= planVersion) {
                        return;
                    }
                    planVersion = plan.version();
                    status = plan.status();
                    Set<UUID> taskIds = new HashSet<>();
                    plan.tasks().forEach(t -> {
                        upsert(t);
                        taskIds.add(t.id());
                    });
                    Set<UUID> assignmentIds = new HashSet<>();
                    plan.assignments().forEach(a -> {
                        upsert(a);
                        assignmentIds.add(a.id());
                    });
                    tasks.keySet().retainAll(taskIds);
                    assignments.keySet().retainAll(assignmentIds);
                }
                case EventTypes.TASK_ASSIGNED -> {
                    TaskAssigned assigned = EventJson.read(record.value(), TaskAssigned.class);
                    upsert(assigned.task());
                    assigned.assignments().forEach(this::upsert);
                }
                default -> {}
            }
        }

        private void upsert(TaskState t) {
            TaskState held = tasks.get(t.id());
            if (held == null || held.version() < t.version()) {
                tasks.put(t.id(), t);
            }
        }

        private void upsert(AssignmentState a) {
            AssignmentState held = assignments.get(a.id());
            if (held == null || held.version() < a.version()) {
                assignments.put(a.id(), a);
            }
        }
    }
}
