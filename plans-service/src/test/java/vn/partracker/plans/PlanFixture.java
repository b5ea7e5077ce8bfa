package vn.partracker.plans;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.testsupport.fixtures.KonTumWorld;

/**
 * The plans-specific builder over the suite's Kon Tum world ({@link KonTumWorld}): the province, Văn phòng UBND
 * tỉnh, Sở Nội vụ, Sở Tư pháp, UBND huyện Đăk Hà with UBND xã Hà Mòn, the groups "Các sở, ban ngành" and "UBND cấp
 * huyện", and a draft plan 59/QĐ-UBND, created over HTTP with the world's unique codes.
 */
public final class PlanFixture {

    public final KonTumWorld world = new KonTumWorld();
    public final String suffix = world.suffix;
    public final String province;
    public final String office;
    public final String snv;
    public final String stp;
    public final String district;
    public final String commune;
    public final String departments;
    public final String districts;

    public PlanFixture() {
        Map<UUID, String> ids = new HashMap<>();
        province = KonTumAgencies.create(world, world.province, ids);
        office = KonTumAgencies.create(world, world.office, ids);
        snv = KonTumAgencies.create(world, world.homeAffairs, ids);
        stp = KonTumAgencies.create(world, world.justice, ids);
        district = KonTumAgencies.create(world, world.district, ids);
        commune = KonTumAgencies.create(world, world.commune, ids);
        departments = group("SBN." + suffix, "Các sở, ban ngành", List.of("DEPARTMENT", "BOARD"), List.of());
        districts = group("UBND-HUYEN." + suffix, "UBND cấp huyện", List.of("PEOPLES_COMMITTEE"), List.of("DISTRICT"));
    }

    /** The code of one of the world's agencies ({@code world.province}, {@code world.homeAffairs}, …). */
    public String code(UUID seedId) {
        return world.agency(seedId).code();
    }

    private String group(String code, String name, List<String> kinds, List<String> levels) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kinds", kinds);
        body.put("levels", levels);
        body.put("ancestorId", province);
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/agency-groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The body of a draft plan 59/QĐ-UBND issued by the province. */
    public Map<String, Object> planBody() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("number", "59/QĐ-UBND." + suffix);
        plan.put("title", "Kế hoạch cải cách TTHC, kiểm soát TTHC trọng tâm năm 2024 trên địa bàn tỉnh Kon Tum");
        plan.put("issuerId", province);
        plan.put("issuedOn", "2024-01-29");
        plan.put("year", 2024);
        plan.put(
                "legalBases",
                List.of(
                        Map.of(
                                "number", "01/NQ-CP",
                                "issuedOn", "2024-01-05",
                                "issuer", "Chính phủ",
                                "title",
                                        "Nghị quyết về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển KT-XH năm 2024")));
        plan.put("objectives", "Đẩy mạnh triển khai công tác cải cách thủ tục hành chính (TTHC)");
        plan.put("requirements", "Nêu cao tinh thần trách nhiệm của người đứng đầu các sở, ngành, địa phương");
        plan.put(
                "sections",
                List.of(
                        Map.of("code", "I", "title", "Công tác chỉ đạo, điều hành"),
                        Map.of("code", "VII", "title", "Thực hiện chế độ báo cáo định kỳ về cải cách TTHC")));
        return plan;
    }

    /** Creates the draft plan and returns its id. */
    public String createPlan() {
        return given().contentType(ContentType.JSON)
                .body(planBody())
                .post("/api/plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A task body with one lead reference ({@code agencyId} or {@code groupId}) and a timeframe wording. */
    public static Map<String, Object> task(
            String section, String ordinal, String title, Map<String, String> lead, String timeframe) {
        Map<String, Object> task = new HashMap<>();
        task.put("sectionCode", section);
        task.put("ordinal", ordinal);
        task.put("title", title);
        task.put("field", "TTHC");
        task.put("leadAgencies", List.of(lead));
        task.put("coordinatingAgencies", List.of());
        task.put("expectedOutput", "Quyết định/Kế hoạch");
        task.put("timeframe", Map.of("text", timeframe));
        return task;
    }

    /** POSTs a task and returns its id. */
    public static String addTask(String planId, Map<String, Object> task) {
        return given().contentType(ContentType.JSON)
                .body(task)
                .post("/api/plans/" + planId + "/tasks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
