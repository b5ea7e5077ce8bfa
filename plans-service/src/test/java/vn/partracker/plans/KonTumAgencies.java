package vn.partracker.plans;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import vn.partracker.testsupport.fixtures.KonTumWorld;

/**
 * Creates agencies named in Kon Tum 59/QĐ-UBND through the API, with a per-test suffix on the code so tests that
 * share one database never collide. The suite's Kon Tum world ({@link KonTumWorld}: names, kinds, levels, parents)
 * is posted agency by agency; the plain {@link #create(String, String, String, String, String)} is for the
 * hierarchies a test builds for itself (other districts, moves, cycles).
 */
public final class KonTumAgencies {

    private KonTumAgencies() {}

    /** A unique code suffix. */
    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * POSTs the world's agency {@code seedId} under its parent, which must already be in {@code created} (world id →
     * id given by the API); records and returns the new id.
     */
    public static String create(KonTumWorld world, UUID seedId, Map<UUID, String> created) {
        KonTumWorld.SeedAgency seed = world.agency(seedId);
        String parentId = seed.parentId() == null ? null : created.get(seed.parentId());
        if (seed.parentId() != null && parentId == null) {
            throw new IllegalStateException("create the parent of " + seed.code() + " first");
        }
        Map<String, Object> body = body(seed.code(), seed.name(), seed.kind(), seed.level(), parentId);
        body.put("sectors", seed.sectors());
        String id = post(body);
        created.put(seedId, id);
        return id;
    }

    /** POSTs an agency and returns its id. */
    public static String create(String code, String name, String kind, String level, String parentId) {
        return post(body(code, name, kind, level, parentId));
    }

    private static String post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The JSON body of an agency as the design page shows it. */
    public static Map<String, Object> body(String code, String name, String kind, String level, String parentId) {
        var body = new java.util.HashMap<String, Object>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("level", level);
        body.put("parentId", parentId);
        body.put("sectors", java.util.List.of());
        body.put("validFrom", "2020-01-01");
        body.put("validTo", null);
        body.put("predecessorIds", java.util.List.of());
        return body;
    }
}
