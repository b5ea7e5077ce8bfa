package vn.partracker.indicators.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies with the real wording of Kon Tum 59/QĐ-UBND, Phụ lục I. */
public final class Bodies {

    private Bodies() {}

    /**
     * IV.1 "Tỷ lệ hồ sơ TTHC do cơ quan chuyên môn cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn": b/a with
     * the 95 % floor, plus a commune level target, a land-sector target, and the given frequency.
     */
    public static Map<String, Object> onTimeDossiers(
            IndicatorsWorld world, String group, String ordinal, String frequency) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", world.plan.toString());
        body.put("group", group);
        body.put("ordinal", ordinal);
        body.put(
                "name", "Tỷ lệ hồ sơ TTHC do cơ quan chuyên môn cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn");
        body.put("unit", "PERCENT");
        body.put("kind", "RATIO");
        body.put("numeratorLabel", "số hồ sơ TTHC đã giải quyết đúng hạn");
        body.put("denominatorLabel", "tổng số hồ sơ TTHC đã giải quyết trong năm");
        body.put("direction", "HIGHER_IS_BETTER");
        body.put("frequency", frequency);
        body.put(
                "performingAgencies",
                List.of(
                        Map.of("groupId", world.departments.toString()),
                        Map.of("groupId", world.communes.toString()),
                        Map.of("agencyId", world.district.toString())));
        body.put("coordinatingAgencies", List.of(Map.of("agencyId", world.office.toString())));
        body.put("evaluatingAgencyId", world.office.toString());
        body.put("legalBasis", "Mục 3.4.1 (Bảng 2 kèm theo Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ)");
        body.put(
                "targets",
                List.of(
                        target("AT_LEAST", 95, Map.of()),
                        target("AT_LEAST", 80, Map.of("level", "COMMUNE")),
                        target("AT_LEAST", 85, Map.of("sector", "land"))));
        body.put("components", List.of());
        return body;
    }

    /** VALUE indicator III.7 "Mức độ hài lòng …", at least 90 %. */
    public static Map<String, Object> satisfaction(IndicatorsWorld world, String ordinal) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", world.plan.toString());
        body.put("group", "III");
        body.put("ordinal", ordinal);
        body.put("name", "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC của người dân, doanh nghiệp.");
        body.put("unit", "PERCENT");
        body.put("kind", "VALUE");
        body.put("frequency", "ANNUAL");
        body.put(
                "performingAgencies",
                List.of(Map.of("groupId", world.departments.toString()), Map.of("groupId", world.communes.toString())));
        body.put("evaluatingAgencyId", world.office.toString());
        body.put("targets", List.of(target("AT_LEAST", 90, Map.of())));
        return body;
    }

    /** The PAR INDEX as a composite indicator (Plan 2164/KH-UBND): assessed 61.5 + impact 38.5 (10 + 22 + 6.5). */
    public static Map<String, Object> parIndex(IndicatorsWorld world, String ordinal) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", world.plan.toString());
        body.put("group", "PAR");
        body.put("ordinal", ordinal);
        body.put("name", "Chỉ số cải cách hành chính (PAR INDEX) của tỉnh");
        body.put("unit", "POINTS");
        body.put("kind", "COMPOSITE");
        body.put("frequency", "ANNUAL");
        body.put("performingAgencies", List.of(Map.of("agencyId", world.province.toString())));
        body.put("evaluatingAgencyId", world.homeAffairs.toString());
        body.put("targets", List.of(target("AT_LEAST", 85, Map.of())));
        body.put(
                "components",
                List.of(
                        component("ASSESSED", "Điểm thẩm định", "61.5", List.of()),
                        component(
                                "IMPACT",
                                "Điểm đánh giá tác động của cải cách hành chính",
                                "38.5",
                                List.of(
                                        component("SIPAS", "Chỉ số SIPAS", "10", List.of()),
                                        component("LEADER_SURVEY", "Khảo sát lãnh đạo quản lý", "22", List.of()),
                                        component(
                                                "SOCIO_ECONOMIC",
                                                "Tác động đến phát triển kinh tế - xã hội",
                                                "6.5",
                                                List.of())))));
        return body;
    }

    /** A target rule body. */
    public static Map<String, Object> target(String comparator, Object value, Map<String, Object> scope) {
        Map<String, Object> target = new HashMap<>();
        target.put("comparator", comparator);
        target.put("value", value);
        target.put("scope", scope);
        return target;
    }

    /** A component body. */
    public static Map<String, Object> component(String code, String name, String max, List<Object> children) {
        Map<String, Object> component = new HashMap<>();
        component.put("code", code);
        component.put("name", name);
        component.put("maxPoints", new java.math.BigDecimal(max));
        component.put("children", new ArrayList<>(children));
        return component;
    }

    /** A copy of a body with one field replaced. */
    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** A random id. */
    public static String randomId() {
        return UUID.randomUUID().toString();
    }
}
