package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * The demo documents end to end: the Kon Tum directory of plans-service's demo data arrives through Kafka, then
 * Phụ lục I of 59/QĐ-UBND is imported (21 indicators) and the 2024 figures are loaded as a batch.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class IndicatorImportIT {

    private static final Path DEMO = Path.of("..", "demo-data");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean published;

    @Inject
    AgroalDataSource dataSource;

    private Replicas replicas;

    @BeforeEach
    void directory() throws Exception {
        replicas = new Replicas(dataSource);
        if (!published) {
            publishKonTum();
            published = true;
        }
    }

    @Test
    void importsPhuLucIOfKonTum59ThenItsFiguresAndRefusesARepeat() throws Exception {
        String document = Files.readString(DEMO.resolve("kontum-59-indicators.json"));
        given().contentType(ContentType.JSON)
                .body(document)
                .post("/api/indicators/import?dryRun=true")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("count", equalTo(21));
        String planId = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(document)
                .post("/api/indicators/import")
                .then()
                .statusCode(201)
                .body("count", equalTo(21))
                .body("indicators.group", hasItems("I", "II", "III", "IV", "V"))
                .extract()
                .path("planId");
        assertEquals(
                1,
                replicas.count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'indicator.imported'"
                                + " AND entity_type = 'IndicatorImport' AND actor_subject = 'test-admin'"
                                + " AND after_json LIKE ?",
                        "%\"planId\":\"" + planId + "\"%\"count\":21%"),
                "one audit row for the import");
        long outbox = replicas.count("SELECT count(*) FROM outbox_event WHERE topic = 'partracker.indicators'");
        long audit = replicas.count("SELECT count(*) FROM audit_entry");
        given().contentType(ContentType.JSON)
                .body(document)
                .post("/api/indicators/import")
                .then()
                .statusCode(409);
        assertEquals(outbox, replicas.count("SELECT count(*) FROM outbox_event WHERE topic = 'partracker.indicators'"));
        assertEquals(audit, replicas.count("SELECT count(*) FROM audit_entry"), "a refused import is not audited");

        String ivOne = given().queryParam("planId", planId)
                .queryParam("group", "IV")
                .queryParam("q", "cap tinh")
                .get("/api/indicators")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].targets[0].value", equalTo(95))
                .extract()
                .path("items[0].id");
        given().queryParam("agencyId", replicas.text("SELECT id::text FROM agency_replica WHERE code = 'KT.SNV'"))
                .queryParam("asOf", "2024-12-31")
                .get("/api/indicators/" + ivOne + "/target")
                .then()
                .body("value", equalTo(95));

        String figures = Files.readString(DEMO.resolve("kontum-2024-figures.json"));
        int rows = JSON.readTree(figures).size();
        given().contentType(ContentType.JSON)
                .body(figures)
                .post("/api/measurements/batch")
                .then()
                .statusCode(200)
                .body("rejectedRows", equalTo(0))
                .body("imported", equalTo(rows));
    }

    @Test
    void aDryRunListsEveryProblemAndABadDocumentWritesNothing() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(Files.readString(DEMO.resolve("kontum-59-indicators.json")));
        document.put("planNumber", "59/QĐ-UBND");
        ArrayNode items = (ArrayNode) document.get("indicators");
        ObjectNode first = (ObjectNode) items.get(0);
        first.put("ordinal", "1-bis");
        ((ObjectNode) first.get("performingAgencies").get(0)).put("agencyCode", "KT.KHONGCO");
        ObjectNode second = (ObjectNode) items.get(1);
        second.put("ordinal", "2-bis");
        ((ObjectNode) second.get("performingAgencies").get(0)).put("groupCode", "KT.NHOM-KHONGCO");
        second.remove("numeratorLabel");
        ObjectNode third = (ObjectNode) items.get(2);
        third.put("ordinal", "3-bis");
        third.put("frequency", "ANNUAL");
        ((ObjectNode) third.get("targets").get(0))
                .putObject("scope")
                .put("level", "COMMUNE")
                .put("sector", "land");
        ArrayNode three = JSON.createArrayNode().add(first).add(second).add(third);
        document.set("indicators", three);

        given().contentType(ContentType.JSON)
                .body(document.toString())
                .post("/api/indicators/import?dryRun=true")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body(
                        "problems.field",
                        hasItems(
                                "indicators[0].performingAgencies[0].agencyCode",
                                "indicators[1].performingAgencies[0].groupCode",
                                "indicators[1].numeratorLabel",
                                "indicators[2].targets[0].scope"));
        long indicators = replicas.count("SELECT count(*) FROM indicator");
        given().contentType(ContentType.JSON)
                .body(document.toString())
                .post("/api/indicators/import")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("indicators[1].numeratorLabel"));
        assertEquals(indicators, replicas.count("SELECT count(*) FROM indicator"));

        document.put("planNumber", "99/QĐ-KHONGCO");
        given().contentType(ContentType.JSON)
                .body(document.toString())
                .post("/api/indicators/import?dryRun=true")
                .then()
                .statusCode(200)
                .body("problems.field", hasItem("planNumber"));
        given().contentType(ContentType.JSON)
                .body("{\"planNumber\": \"59/QĐ-UBND\", \"indicators\": []}")
                .post("/api/indicators/import")
                .then()
                .statusCode(400);
    }

    /** Publishes the agencies and groups of plans-service's demo document and the plan 59/QĐ-UBND. */
    private void publishKonTum() throws Exception {
        JsonNode directory = JSON.readTree(Files.readString(DEMO.resolve("kontum-59-agencies.json")));
        Map<String, UUID> ids = new HashMap<>();
        for (JsonNode agency : directory.get("agencies")) {
            ids.put(agency.get("code").asText(), UUID.randomUUID());
        }
        UUID last = null;
        for (JsonNode agency : directory.get("agencies")) {
            UUID id = ids.get(agency.get("code").asText());
            UUID parent = agency.get("parentCode").isNull()
                    ? null
                    : ids.get(agency.get("parentCode").asText());
            List<String> sectors = new ArrayList<>();
            agency.get("sectors").forEach(s -> sectors.add(s.asText()));
            TestEvents.publish(
                    UUID.randomUUID(),
                    TestEvents.agency(
                            id,
                            1,
                            agency.get("code").asText(),
                            agency.get("name").asText(),
                            agency.get("kind").asText(),
                            agency.get("level").asText(),
                            parent,
                            sectors));
            last = id;
        }
        for (JsonNode group : directory.get("groups")) {
            List<String> kinds = new ArrayList<>();
            group.get("kinds").forEach(k -> kinds.add(k.asText()));
            List<String> levels = new ArrayList<>();
            group.get("levels").forEach(l -> levels.add(l.asText()));
            UUID id = UUID.randomUUID();
            TestEvents.publish(
                    UUID.randomUUID(),
                    TestEvents.group(
                            id,
                            1,
                            group.get("code").asText(),
                            group.get("name").asText(),
                            kinds,
                            levels,
                            ids.get(group.get("ancestorCode").asText()),
                            List.of()));
            replicas.awaitVersion("agency_group_replica", id, 1);
        }
        replicas.awaitVersion("agency_replica", last, 1);
        for (UUID id : ids.values()) {
            replicas.awaitVersion("agency_replica", id, 1);
        }
        replicas.plan("59/QĐ-UBND", 2024);
    }
}
