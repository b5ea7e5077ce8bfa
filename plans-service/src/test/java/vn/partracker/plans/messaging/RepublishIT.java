package vn.partracker.plans.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.AssignmentState;
import vn.partracker.plans.IfMatch;
import vn.partracker.plans.PlanFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.security.TestTokens;

/**
 * Issue 11 item 2: {@code POST /api/admin/republish} re-emits every agency, group and published plan through the
 * outbox, in key order and in chunks, and a fresh consumer that reads only the republished records holds the whole
 * current state; applying them over the original events changes nothing.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RepublishIT {

    @Inject
    AgroalDataSource dataSource;

    private long count(String sql, Object... params) {
        return TableCounts.count(dataSource, sql, params);
    }

    @Test
    void aFreshConsumerOfTheRepublishedEventsSeesTheWholeCurrentState() throws Exception {
        // 1,200 communes × 3 tasks: more agencies than one chunk, a plan too big for one event (no progress on it:
        // progress_update is append-only, so the test could not remove the plan afterwards)
        LargePlan big = new LargePlan(dataSource, 1_200, 3);
        big.issue();
        PlanFixture f = new PlanFixture();
        String small = f.createPlan();
        PlanFixture.addTask(
                small, PlanFixture.task("I", "1", "Rà soát TTHC", Map.of("agencyId", f.snv), "Quý I năm 2024"));
        given().header("If-Match", IfMatch.of("/api/plans/" + small))
                .post("/api/plans/" + small + "/issue")
                .then()
                .statusCode(200);
        String assignment = given().queryParam("planId", small)
                .get("/api/assignments")
                .then()
                .extract()
                .path("items[0].id");
        given().contentType(ContentType.JSON)
                .body(Map.of("percent", 50))
                .post("/api/assignments/" + assignment + "/progress")
                .then()
                .statusCode(201);
        given().header("If-Match", IfMatch.of("/api/plans/" + small))
                .post("/api/plans/" + small + "/close")
                .then()
                .statusCode(200);
        Map<String, Object> draftBody = f.planBody();
        draftBody.put("number", "60/KH-UBND." + f.suffix);
        String draft = given().contentType(ContentType.JSON)
                .body(draftBody)
                .post("/api/plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        long marker = count("SELECT coalesce(max(seq), 0) FROM outbox_event");
        long audits = count("SELECT count(*) FROM audit_entry WHERE action = 'state.republished'");
        long started = System.nanoTime();
        JsonPath report = given().config(LargePlan.PATIENT)
                .post("/api/admin/republish")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long ms = (System.nanoTime() - started) / 1_000_000;

        long agencies = count("SELECT count(*) FROM agency");
        long groups = count("SELECT count(*) FROM agency_group");
        long plans = count("SELECT count(*) FROM plan WHERE status <> 'DRAFT'");
        long assignments =
                count("SELECT count(*) FROM assignment a JOIN plan p ON p.id = a.plan_id WHERE p.status <> 'DRAFT'");
        assertEquals(agencies, report.getLong("agencies"));
        assertEquals(groups, report.getLong("agencyGroups"));
        assertEquals(plans, report.getLong("plans"));
        assertEquals(assignments, report.getLong("assignments"));
        long written = count("SELECT count(*) FROM outbox_event WHERE seq > ?", marker);
        assertEquals(written, report.getLong("events"));
        assertTrue(report.getLong("transactions") >= 3 + plans, "chunked: " + report.getLong("transactions"));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE seq > ? AND msg_key = ?", marker, draft));
        assertTrue(count("SELECT max(octet_length(payload)) FROM outbox_event WHERE seq > ?", marker) < 256 * 1024);
        assertEquals(audits + 1, count("SELECT count(*) FROM audit_entry WHERE action = 'state.republished'"));

        // key order: the agencies' events were appended in id order, then the groups'
        List<String> agencyKeys = keys(marker, EventTypes.AGENCY_UPSERTED);
        assertEquals(agencies, agencyKeys.size());
        assertEquals(pgSorted(agencyKeys), agencyKeys);

        // a fresh consumer reading the topics from the beginning, keeping only the republished records
        Set<String> republished = ids(marker);
        List<ConsumerRecord<String, String>> agencyRecords = KafkaTestClient.readUntil(
                        Topics.AGENCIES,
                        Duration.ofSeconds(120),
                        all -> republishedOnly(all, republished).size() >= agencies + groups)
                .stream()
                .filter(r -> republished.contains(KafkaTestClient.header(r, CloudEventHeaders.ID)))
                .toList();
        Map<UUID, AgencyUpserted> agencyReplica = new HashMap<>();
        Map<UUID, AgencyGroupUpserted> groupReplica = new HashMap<>();
        for (ConsumerRecord<String, String> r : agencyRecords) {
            if (EventTypes.AGENCY_UPSERTED.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE))) {
                AgencyUpserted a = EventJson.read(r.value(), AgencyUpserted.class);
                agencyReplica.put(a.id(), a);
            } else {
                AgencyGroupUpserted g = EventJson.read(r.value(), AgencyGroupUpserted.class);
                groupReplica.put(g.id(), g);
            }
        }
        assertEquals(agencies, agencyReplica.size());
        assertEquals(groups, groupReplica.size());
        Map<UUID, Long> agencyVersions = versions("SELECT id, version FROM agency");
        agencyVersions.forEach(
                (id, version) -> assertEquals(version, agencyReplica.get(id).version(), "agency " + id));
        AgencyUpserted commune = agencyReplica.get(UUID.fromString(f.commune));
        assertEquals(UUID.fromString(f.district), commune.parentId());
        assertEquals(1, commune.parentLinks().size());

        List<ConsumerRecord<String, String>> planRecords = KafkaTestClient.readUntil(
                        Topics.PLANS,
                        Duration.ofSeconds(120),
                        all -> republishedOnly(all, republished).size() >= written - agencies - groups)
                .stream()
                .toList();
        for (String planId : List.of(big.planId, small)) {
            LargePlan.Replica fresh = new LargePlan.Replica();
            LargePlan.Replica replayed = new LargePlan.Replica();
            for (ConsumerRecord<String, String> r : planRecords) {
                if (!planId.equals(r.key())) {
                    continue;
                }
                replayed.apply(r);
                if (republished.contains(KafkaTestClient.header(r, CloudEventHeaders.ID))) {
                    fresh.apply(r);
                }
            }
            Map<UUID, AssignmentState> expected = new HashMap<>();
            query(
                    "SELECT id, status, percent, version FROM assignment WHERE plan_id = ?::uuid",
                    planId,
                    rs -> expected.put(
                            rs.getObject(1, UUID.class),
                            new AssignmentState(
                                    rs.getObject(1, UUID.class),
                                    null,
                                    null,
                                    null,
                                    rs.getString(2),
                                    rs.getBigDecimal(3),
                                    null,
                                    null,
                                    rs.getLong(4))));
            for (LargePlan.Replica replica : List.of(fresh, replayed)) {
                assertEquals(expected.size(), replica.assignments.size(), "assignments of " + planId);
                assertEquals(count("SELECT count(*) FROM task WHERE plan_id = ?::uuid", planId), replica.tasks.size());
                assertEquals(count("SELECT version FROM plan WHERE id = ?::uuid", planId), replica.planVersion);
                expected.forEach((id, a) -> {
                    AssignmentState held = replica.assignments.get(id);
                    assertEquals(a.status(), held.status(), "status of " + id);
                    assertEquals(0, zeroIfNull(a.percent()).compareTo(zeroIfNull(held.percent())), "percent of " + id);
                    assertEquals(a.version(), held.version());
                });
            }
            assertEquals(small.equals(planId) ? "CLOSED" : "ISSUED", fresh.status);
        }
        Log.infof(
                "republish: %d agencies, %d groups, %d plans, %d assignments as %d events in %d transactions, %d ms",
                agencies, groups, plans, assignments, written, report.getLong("transactions"), ms);

        // a second republish is harmless: same counts
        given().config(LargePlan.PATIENT)
                .post("/api/admin/republish")
                .then()
                .statusCode(200)
                .body("plans", equalTo((int) plans));
        big.delete(dataSource);
    }

    @Test
    void onlyAnAdminMayRepublishAndARefusalWritesNothing() {
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().header("Authorization", TestTokens.bearer(TestTokens.of("planner", "KT.SNV")))
                        .post("/api/admin/republish")
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json"),
                "outbox_event",
                "audit_entry");
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private List<ConsumerRecord<String, String>> republishedOnly(
            List<ConsumerRecord<String, String>> all, Set<String> republished) {
        return all.stream()
                .filter(r -> republished.contains(KafkaTestClient.header(r, CloudEventHeaders.ID)))
                .toList();
    }

    private List<String> keys(long marker, String type) throws SQLException {
        List<String> keys = new ArrayList<>();
        query(
                "SELECT msg_key FROM outbox_event WHERE seq > ? AND ce_type = ? ORDER BY seq",
                List.of(marker, type),
                rs -> keys.add(rs.getString(1)));
        return keys;
    }

    private List<String> pgSorted(List<String> keys) throws SQLException {
        List<String> sorted = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT k FROM unnest(?::uuid[]) k ORDER BY k")) {
            s.setArray(1, c.createArrayOf("uuid", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sorted.add(rs.getString(1));
                }
            }
        }
        return sorted;
    }

    private Set<String> ids(long marker) throws SQLException {
        Set<String> ids = new HashSet<>();
        query("SELECT id FROM outbox_event WHERE seq > ?", List.of(marker), rs -> ids.add(rs.getString(1)));
        return ids;
    }

    private Map<UUID, Long> versions(String sql) throws SQLException {
        Map<UUID, Long> versions = new HashMap<>();
        query(sql, List.of(), rs -> versions.put(rs.getObject(1, UUID.class), rs.getLong(2)));
        return versions;
    }

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Object param, Row row) throws SQLException {
        query(sql, List.of(param), row);
    }

    private void query(String sql, List<?> params, Row row) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }
}
