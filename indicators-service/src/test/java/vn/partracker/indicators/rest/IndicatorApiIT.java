package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
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
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;

/** {@code /api/indicators} over HTTP on real PostgreSQL and Kafka, with replicas fed through Kafka. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class IndicatorApiIT {

    @Inject
    AgroalDataSource dataSource;

    private Replicas replicas;
    private static IndicatorsWorld world;

    @BeforeEach
    void world() {
        replicas = new Replicas(dataSource);
        if (world == null) {
            world = IndicatorsWorld.create(replicas);
        }
    }

    @Test
    void createsReadsAndPublishesAnIndicatorWithItsTargets() {
        Response created = given().contentType(ContentType.JSON)
                .body(Bodies.onTimeDossiers(world, "IV", "1", "QUARTERLY"))
                .post("/api/indicators");
        created.then()
                .statusCode(201)
                .header("Location", containsString("/api/indicators/"))
                .body("version", equalTo(1))
                .body("kind", equalTo("RATIO"))
                .body("targets", hasSize(3))
                .body("targets[1].scope.level", equalTo("COMMUNE"))
                .body("performingAgencies", hasSize(3));
        String id = created.path("id");

        given().get("/api/indicators/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", containsString("giải quyết đúng hạn"))
                .body("numeratorLabel", equalTo("số hồ sơ TTHC đã giải quyết đúng hạn"))
                .body("legalBasis", containsString("876/QĐ-BNV"));

        replicas.awaitOutboxDrained();
        var records = KafkaTestClient.readUntil(
                Topics.INDICATORS, Duration.ofSeconds(20), read -> read.stream().anyMatch(r -> id.equals(r.key())));
        var record = records.stream()
                .filter(r -> id.equals(r.key()))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no event on Kafka; the outbox rows:\n" + replicas.outboxRowsOf(id)));
        assertEquals(EventTypes.INDICATOR_DEFINED, KafkaTestClient.header(record, CloudEventHeaders.TYPE));
        IndicatorDefined event = EventJson.read(record.value(), IndicatorDefined.class);
        assertEquals(1, event.schemaVersion());
        assertEquals(3, event.targets().size());
        assertEquals("COMMUNE", event.targets().get(1).level());
        assertEquals(0, event.targets().get(0).value().compareTo(new java.math.BigDecimal("95")));
        assertEquals(world.departments, event.performingAgencies().get(0).groupId());
    }

    @Test
    void aCompositeIndicatorKeepsItsComponentTree() {
        given().contentType(ContentType.JSON)
                .body(Bodies.parIndex(world, "C1"))
                .post("/api/indicators")
                .then()
                .statusCode(201)
                .body("components", hasSize(2))
                .body("components[1].code", equalTo("IMPACT"))
                .body("components[1].children.code", hasItems("SIPAS", "LEADER_SURVEY", "SOCIO_ECONOMIC"));
    }

    @Test
    void listsByPlanGroupAndAccentInsensitiveText() {
        create(Bodies.onTimeDossiers(world, "L1", "1", "ANNUAL"));
        create(Bodies.satisfaction(world, "L-7"));
        given().queryParam("planId", world.plan)
                .queryParam("q", "HO SO TTHC DO CO QUAN")
                .get("/api/indicators")
                .then()
                .statusCode(200)
                .body("items.group", hasItem("L1"))
                .body("items.name", org.hamcrest.Matchers.everyItem(containsString("đúng hạn")));
        given().queryParam("planId", world.plan)
                .queryParam("group", "L1")
                .queryParam("size", 1)
                .get("/api/indicators")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("size", equalTo(1))
                .body("total", equalTo(1));
        given().queryParam("planId", UUID.randomUUID())
                .get("/api/indicators")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("size", 501).get("/api/indicators").then().statusCode(400);
    }

    @Test
    void updatesWithIfMatchOnly() {
        String id = create(Bodies.satisfaction(world, "U-7"));
        Map<String, Object> changed = Bodies.with(
                Bodies.satisfaction(world, "U-7"), "targets", List.of(Bodies.target("AT_LEAST", 92, Map.of())));

        given().contentType(ContentType.JSON)
                .body(changed)
                .put("/api/indicators/" + id)
                .then()
                .statusCode(428);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(changed)
                .put("/api/indicators/" + id)
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(changed)
                .put("/api/indicators/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("targets[0].value", equalTo(92));
        assertEquals(2, replicas.count("SELECT count(*) FROM outbox_event WHERE msg_key = ?", id));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(changed)
                .put("/api/indicators/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void theSameGroupAndOrdinalTwiceIsAConflict() {
        create(Bodies.satisfaction(world, "D-7"));
        assertUnchanged(() -> given().contentType(ContentType.JSON)
                .body(Bodies.satisfaction(world, "D-7"))
                .post("/api/indicators")
                .then()
                .statusCode(409));
    }

    @Test
    void anIdempotencyKeyCreatesOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Bodies.satisfaction(world, "I-7");
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/indicators")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/indicators")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(first, second);
        assertEquals(
                1,
                replicas.count(
                        "SELECT count(*) FROM indicator WHERE plan_id = ? AND group_code = 'III' AND ordinal = 'I-7'",
                        world.plan));
    }

    @Test
    void invalidDefinitionsAreRejectedFieldByFieldAndWriteNothing() {
        Map<String, Object> base = Bodies.onTimeDossiers(world, "V", "1", "ANNUAL");
        rejects(Bodies.with(base, "planId", Bodies.randomId()), "planId");
        rejects(
                Bodies.with(base, "performingAgencies", List.of(Map.of("agencyId", Bodies.randomId()))),
                "performingAgencies[0].agencyId");
        rejects(
                Bodies.with(base, "performingAgencies", List.of(Map.of("groupId", Bodies.randomId()))),
                "performingAgencies[0].groupId");
        rejects(
                Bodies.with(
                        base,
                        "performingAgencies",
                        List.of(Map.of("agencyId", world.office.toString(), "groupId", world.departments.toString()))),
                "performingAgencies[0]");
        rejects(Bodies.with(base, "performingAgencies", List.of()), "performingAgencies");
        rejects(Bodies.with(base, "evaluatingAgencyId", Bodies.randomId()), "evaluatingAgencyId");
        rejects(Bodies.with(base, "numeratorLabel", null), "numeratorLabel");
        rejects(
                Bodies.with(
                        base,
                        "targets",
                        List.of(Bodies.target("AT_LEAST", 80, Map.of("level", "COMMUNE", "sector", "land")))),
                "targets[0].scope");
        rejects(
                Bodies.with(
                        base, "targets", List.of(Bodies.target("AT_LEAST", 80, Map.of("agencyId", Bodies.randomId())))),
                "targets[0].scope.agencyId");
        rejects(Bodies.with(base, "targets", List.of(Bodies.target("AT_LEAST", 120, Map.of()))), "targets[0].value");
        rejects(Bodies.with(base, "frequency", "WEEKLY"), "frequency");
        rejects(Bodies.with(base, "name", " "), "name");
        Map<String, Object> composite = Bodies.parIndex(world, "V-C");
        rejects(Bodies.with(composite, "components", List.of()), "components");
        rejects(
                Bodies.with(
                        composite,
                        "components",
                        List.of(Bodies.component(
                                "IMPACT",
                                "Tác động",
                                "38.5",
                                List.of(
                                        Bodies.component("SIPAS", "SIPAS", "10", List.of()),
                                        Bodies.component("LEADER_SURVEY", "Lãnh đạo", "30", List.of()))))),
                "components[0].children");
        rejects(
                Bodies.with(
                        Bodies.satisfaction(world, "V-S"),
                        "components",
                        Bodies.parIndex(world, "x").get("components")),
                "components");
    }

    @Test
    void theTargetEndpointSaysWhichRuleAppliesAndWhy() {
        String id = create(Bodies.with(
                Bodies.onTimeDossiers(world, "T", "1", "ANNUAL"),
                "targets",
                List.of(
                        Bodies.target("AT_LEAST", 95, Map.of()),
                        Bodies.target("AT_LEAST", 80, Map.of("level", "COMMUNE")),
                        Bodies.target("AT_LEAST", 85, Map.of("sector", "land")),
                        Bodies.target("AT_LEAST", 70, Map.of("agencyId", world.district.toString())),
                        targetUntil("AT_LEAST", 60, Map.of("agencyKind", "OFFICE"), "2024-06-30"))));
        expectTarget(id, world.commune, "2024-12-31", 80, "level COMMUNE");
        expectTarget(id, world.environment, "2024-12-31", 85, "sector land");
        expectTarget(id, world.homeAffairs, "2024-12-31", 95, "all");
        expectTarget(id, world.district, "2024-12-31", 70, "agency " + world.district);
        expectTarget(id, world.office, "2024-03-31", 60, "kind OFFICE");
        expectTarget(id, world.office, "2024-12-31", 95, "all");

        String untargeted = create(Bodies.with(Bodies.satisfaction(world, "T-7"), "targets", List.of()));
        given().queryParam("agencyId", world.commune)
                .get("/api/indicators/" + untargeted + "/target")
                .then()
                .statusCode(200)
                .body("status", equalTo("NO_TARGET"))
                .body("reason", containsString("no target rule"));
        given().queryParam("agencyId", UUID.randomUUID())
                .get("/api/indicators/" + id + "/target")
                .then()
                .statusCode(404);
        given().queryParam("agencyId", world.commune)
                .get("/api/indicators/" + UUID.randomUUID() + "/target")
                .then()
                .statusCode(404);
        given().get("/api/indicators/" + id + "/target")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("agencyId"));
        given().queryParam("agencyId", world.commune)
                .queryParam("asOf", "31/12/2024")
                .get("/api/indicators/" + id + "/target")
                .then()
                .statusCode(400);
    }

    private static Map<String, Object> targetUntil(
            String comparator, Object value, Map<String, Object> scope, String validTo) {
        Map<String, Object> target = Bodies.target(comparator, value, scope);
        target.put("validTo", validTo);
        return target;
    }

    private static void expectTarget(String id, UUID agency, String asOf, int value, String reason) {
        given().queryParam("agencyId", agency)
                .queryParam("asOf", asOf)
                .get("/api/indicators/" + id + "/target")
                .then()
                .statusCode(200)
                .body("status", equalTo("TARGET"))
                .body("comparator", equalTo("AT_LEAST"))
                .body("value", equalTo(value))
                .body("reason", equalTo(reason));
    }

    private void rejects(Map<String, Object> body, String field) {
        assertUnchanged(() -> given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/indicators")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
    }

    private void assertUnchanged(Runnable request) {
        long indicators = replicas.count("SELECT count(*) FROM indicator");
        long outbox = replicas.count("SELECT count(*) FROM outbox_event");
        request.run();
        assertEquals(indicators, replicas.count("SELECT count(*) FROM indicator"), "no indicator written");
        assertEquals(outbox, replicas.count("SELECT count(*) FROM outbox_event"), "no event written");
    }

    private static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/indicators")
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .extract()
                .path("id");
    }
}
