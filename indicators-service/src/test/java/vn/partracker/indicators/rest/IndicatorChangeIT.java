package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;

/**
 * Issue 11, item 5: what an indicator's definition may still change once figures exist. Kind, unit, frequency and
 * components are fixed (409, define a new indicator); a target change re-evaluates the stored achievement of the
 * indicator's figures, each changed figure getting a new version and a measurement event.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class IndicatorChangeIT {

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

    @Test
    void kindUnitFrequencyAndComponentsAreFixedOnceFiguresExist() {
        String id = create(Bodies.satisfaction(world, "F-7"));
        String figure = submit(id, world.homeAffairs, "2024", 92)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long figureEvents = replicas.count("SELECT count(*) FROM outbox_event WHERE msg_key = ?", figure);

        Map<String, Object> quarterlyPoints =
                Bodies.with(Bodies.with(Bodies.satisfaction(world, "F-7"), "frequency", "QUARTERLY"), "unit", "POINTS");
        Response refused = TableCounts.assertNothingWritten(
                dataSource,
                () -> put(id, 1, quarterlyPoints),
                "indicator",
                "indicator_target",
                "measurement",
                "audit_entry");
        refused.then()
                .statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://partracker.vn/problems/conflict"))
                .body("detail", containsString("define a new indicator"))
                .body("detail", containsString("unit, frequency"))
                .body("errors.field", hasItems("unit", "frequency"))
                .body("errors", hasSize(2))
                .body("errors[0].message", containsString("was PERCENT, the change asks for POINTS"));
        put(id, 1, Bodies.with(Bodies.satisfaction(world, "F-7"), "kind", "RATIO"))
                .then()
                .statusCode(400); // a RATIO needs labels: validation answers before the fixed-field rule
        given().get("/api/indicators/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("frequency", equalTo("ANNUAL"))
                .body("unit", equalTo("PERCENT"));

        Map<String, Object> renamed = Bodies.with(
                Bodies.satisfaction(world, "F-7"),
                "name",
                "Mức độ hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính nhà nước");
        put(id, 1, renamed)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("name", containsString("sự phục vụ"));
        given().get("/api/measurements/" + figure).then().body("version", equalTo(1));
        assertEquals(
                figureEvents,
                replicas.count("SELECT count(*) FROM outbox_event WHERE msg_key = ?", figure),
                "a change that leaves the achievement as it was writes no figure event");
    }

    @Test
    void anIndicatorWithoutFiguresMayStillChangeItsMeasure() {
        String id = create(Bodies.satisfaction(world, "N-7"));
        put(id, 1, Bodies.with(Bodies.satisfaction(world, "N-7"), "frequency", "SEMI_ANNUAL"))
                .then()
                .statusCode(200)
                .body("frequency", equalTo("SEMI_ANNUAL"));
    }

    @Test
    void raisingTheTargetFromTốiThiểu90To95ReEvaluatesTheStoredFigures() {
        String id = create(Bodies.satisfaction(world, "T-7"));
        String ninetyTwo = submit(id, world.homeAffairs, "2024", 92)
                .then()
                .statusCode(201)
                .body("achievement.status", equalTo("MET"))
                .extract()
                .path("id");
        String ninetySix = submit(id, world.environment, "2024", 96)
                .then()
                .statusCode(201)
                .body("achievement.status", equalTo("MET"))
                .extract()
                .path("id");
        long eventsOf96 = replicas.count("SELECT count(*) FROM outbox_event WHERE msg_key = ?", ninetySix);

        // "Tối thiểu 90" becomes "Tối thiểu 95"
        put(
                        id,
                        1,
                        Bodies.with(
                                Bodies.satisfaction(world, "T-7"),
                                "targets",
                                List.of(Bodies.target("AT_LEAST", 95, Map.of()))))
                .then()
                .statusCode(200)
                .body("targets[0].value", equalTo(95));

        Response figure = given().get("/api/measurements/" + ninetyTwo);
        figure.then()
                .statusCode(200)
                .body("achievement.status", equalTo("NOT_MET"))
                .body("revision", equalTo(1))
                .body("version", equalTo(2))
                .body("status", equalTo("SUBMITTED"));
        assertEquals(
                0,
                new BigDecimal("95")
                        .compareTo(new BigDecimal(
                                figure.path("achievement.target.value").toString())));
        assertEquals(
                0,
                new BigDecimal("-3")
                        .compareTo(new BigDecimal(figure.path("achievement.gap").toString())));
        Response stillMet = given().get("/api/measurements/" + ninetySix);
        stillMet.then()
                .body("achievement.status", equalTo("MET"))
                .body("version", equalTo(2)); // still met, but against 95 now: gap 1 instead of 6
        assertEquals(
                0,
                BigDecimal.ONE.compareTo(
                        new BigDecimal(stillMet.path("achievement.gap").toString())));
        assertEquals(eventsOf96 + 1, replicas.count("SELECT count(*) FROM outbox_event WHERE msg_key = ?", ninetySix));

        MeasurementState event = EventJson.read(
                replicas.text(
                        "SELECT payload FROM outbox_event WHERE msg_key = ? ORDER BY seq DESC LIMIT 1", ninetyTwo),
                MeasurementState.class);
        assertEquals(2, event.version());
        assertEquals(1, event.revision());
        assertEquals("NOT_MET", event.achievement().status());
        assertEquals(
                EventTypes.MEASUREMENT_SUBMITTED,
                replicas.text(
                        "SELECT ce_type FROM outbox_event WHERE msg_key = ? ORDER BY seq DESC LIMIT 1", ninetyTwo));
        given().get("/api/measurements/" + ninetyTwo + "/revisions")
                .then()
                .body("[0].achievement.status", equalTo("MET")); // history keeps the judgement of its day

        // back to 90: met again, one more version and event
        put(id, 2, Bodies.satisfaction(world, "T-7")).then().statusCode(200);
        given().get("/api/measurements/" + ninetyTwo)
                .then()
                .body("achievement.status", equalTo("MET"))
                .body("version", equalTo(3));
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

    private static Response put(String id, int version, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body(body)
                .put("/api/indicators/" + id);
    }

    private static Response submit(String indicator, UUID agency, String period, int value) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("indicatorId", indicator, "agencyId", agency.toString(), "period", period, "value", value))
                .post("/api/measurements");
    }
}
