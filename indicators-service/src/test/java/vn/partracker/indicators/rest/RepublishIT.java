package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.IndicatorDefined;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.security.TestTokens;

/**
 * Issue 11, item 2: {@code POST /api/admin/republish} re-emits the current state of every indicator and figure
 * through the outbox. The events describe the current state, carry the current version, and a consumer that keeps a
 * figure only when its version is newer than the one it holds (reporting-service's rule) applies each figure's state
 * once however often it is republished.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RepublishIT {

    private static IndicatorsWorld world;

    @Inject
    AgroalDataSource dataSource;

    private Replicas replicas;

    @BeforeEach
    void world() {
        replicas = new Replicas(dataSource);
        if (world == null) {
            world = IndicatorsWorld.create(replicas);
        }
    }

    /** One outbox row: its position, the event id and type, and the payload. */
    private record Row(long seq, String id, String key, String type, String payload) {}

    @Test
    void republishedEventsDescribeTheCurrentStateAndCountNothingTwice() {
        String indicator = create(Bodies.satisfaction(world, "R-7"));
        String submitted = submit(indicator, world.homeAffairs, "2024", 92);
        String approved = submit(indicator, world.environment, "2024", 97);
        review(approved, "approve", null).then().statusCode(200);
        String returned = submit(indicator, world.commune, "2024", 85);
        review(returned, "return", "Thiếu biên bản khảo sát").then().statusCode(200);
        String revised = submit(indicator, world.homeAffairs, "2025", 88);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(Map.of("value", 91))
                .put("/api/measurements/" + revised)
                .then()
                .statusCode(200);
        List<String> figures = List.of(submitted, approved, returned, revised);
        long before = replicas.count("SELECT coalesce(max(seq), 0) FROM outbox_event");

        Response first = given().post("/api/admin/republish");
        first.then().statusCode(200);
        assertEquals(replicas.count("SELECT count(*) FROM indicator"), ((Number) first.path("indicators")).longValue());
        assertEquals(
                replicas.count("SELECT count(*) FROM measurement"), ((Number) first.path("measurements")).longValue());
        assertEquals(
                1,
                replicas.count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'outbox.republished' AND entity_id = ?",
                        (String) first.path("id")));
        long between = replicas.count("SELECT coalesce(max(seq), 0) FROM outbox_event");
        given().post("/api/admin/republish").then().statusCode(200);

        // the events after the first republish state each figure as it is now, with the type of its status
        Map<String, String> expectedType = Map.of(
                submitted, EventTypes.MEASUREMENT_SUBMITTED,
                approved, EventTypes.MEASUREMENT_APPROVED,
                returned, EventTypes.MEASUREMENT_RETURNED,
                revised, EventTypes.MEASUREMENT_REVISED);
        for (String figure : figures) {
            List<Row> restated = rows(figure, before, between);
            assertEquals(1, restated.size(), "one event per figure and run");
            MeasurementState state = EventJson.read(restated.get(0).payload(), MeasurementState.class);
            Response now = given().get("/api/measurements/" + figure);
            assertEquals(((Number) now.path("version")).longValue(), state.version());
            assertEquals(((Number) now.path("revision")).intValue(), state.revision());
            assertEquals(now.path("status"), state.status());
            assertEquals(now.path("achievement.status"), state.achievement().status());
            assertEquals(expectedType.get(figure), restated.get(0).type());
        }
        IndicatorDefined definition =
                EventJson.read(rows(indicator, before, between).get(0).payload(), IndicatorDefined.class);
        assertEquals(1, definition.version());
        assertEquals("R-7", definition.ordinal());

        // reporting's rule (claim the id, keep a figure only when its version is newer): every republished event is
        // ignored by a consumer that saw the originals, and a consumer that saw nothing else takes the current state
        for (String figure : figures) {
            List<Row> all = rows(figure, 0, Long.MAX_VALUE);
            Map<String, Long> held = new HashMap<>();
            int applied = 0;
            int versions = 0;
            long lastOriginal = 0;
            for (Row row : all) {
                long version =
                        EventJson.read(row.payload(), MeasurementState.class).version();
                if (version > held.getOrDefault(figure, 0L)) {
                    held.put(figure, version);
                    applied++;
                }
                if (row.seq() <= before) {
                    versions++;
                    lastOriginal = version;
                }
            }
            assertEquals(versions, applied, "only the original changes are applied; the republished ones are not");
            assertEquals(2, all.size() - versions, "one republished event per run");
            assertEquals(lastOriginal, held.get(figure), "the consumer holds the last original version");
        }
        List<Row> fresh = new ArrayList<>();
        figures.forEach(f -> fresh.addAll(rows(f, before, Long.MAX_VALUE)));
        Map<String, Long> emptyConsumer = new HashMap<>();
        int applied = 0;
        for (Row row : fresh) {
            MeasurementState state = EventJson.read(row.payload(), MeasurementState.class);
            if (state.version() > emptyConsumer.getOrDefault(row.key(), 0L)) {
                emptyConsumer.put(row.key(), state.version());
                applied++;
            }
        }
        assertEquals(figures.size(), applied, "an empty consumer applies each figure once from two republishes");

        // and they leave through the relay to the topic
        String restatedId = rows(approved, before, between).get(0).id();
        replicas.awaitOutboxDrained();
        var records = KafkaTestClient.readUntil(
                Topics.MEASUREMENTS,
                Duration.ofSeconds(30),
                read -> read.stream()
                        .anyMatch(r -> restatedId.equals(KafkaTestClient.header(r, CloudEventHeaders.ID))));
        assertTrue(
                records.stream().anyMatch(r -> restatedId.equals(KafkaTestClient.header(r, CloudEventHeaders.ID))),
                "the republished event reached partracker.measurements");
    }

    @Test
    void onlyAnAdminRepublishes() {
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().header("Authorization", TestTokens.bearer(TestTokens.of("planner", null)))
                        .post("/api/admin/republish")
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json"),
                "audit_entry");
    }

    private List<Row> rows(String key, long afterSeq, long uptoSeq) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT seq, id::text, msg_key, ce_type, payload FROM outbox_event"
                                + " WHERE msg_key = ? AND seq > ? AND seq <= ? ORDER BY seq")) {
            s.setString(1, key);
            s.setLong(2, afterSeq);
            s.setLong(3, uptoSeq);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(
                            new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/indicators")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String submit(String indicator, UUID agency, String period, int value) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("indicatorId", indicator, "agencyId", agency.toString(), "period", period, "value", value))
                .post("/api/measurements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response review(String id, String action, String reason) {
        Map<String, Object> body = new HashMap<>();
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/measurements/" + id + "/" + action);
    }
}
