package vn.partracker.plans;

import static io.restassured.RestAssured.given;

/** The ETag of a record as a client reads it before an update that needs {@code If-Match}. */
public final class IfMatch {

    private IfMatch() {}

    /** The ETag of {@code GET path}, e.g. {@code /api/plans/{id}}. */
    public static String of(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }
}
