package vn.partracker.plans;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/**
 * Creates agencies named in Kon Tum 59/QĐ-UBND through the API, with a per-test suffix on the code so tests that
 * share one database never collide.
 */
public final class KonTumAgencies {

    private KonTumAgencies() {}

    /** A unique code suffix. */
    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** POSTs an agency and returns its id. */
    public static String create(String code, String name, String kind, String level, String parentId) {
        return given().contentType(ContentType.JSON)
                .body(body(code, name, kind, level, parentId))
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
