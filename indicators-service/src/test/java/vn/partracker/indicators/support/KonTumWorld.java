package vn.partracker.indicators.support;

import java.util.List;
import java.util.UUID;

/**
 * A small Kon Tum province as plans-service would publish it, with codes unique to one test class: the provincial
 * People's Committee, its Office (the evaluating agency of Phụ lục I), two departments (one in the land sector), a
 * district and a commune, the groups "Các sở, ban ngành" and "UBND cấp xã", and the plan 59/QĐ-UBND of 2024.
 */
public final class KonTumWorld {

    public final String suffix;
    public final UUID province;
    public final UUID office;
    public final UUID homeAffairs;
    public final UUID environment;
    public final UUID district;
    public final UUID commune;
    public final UUID departments;
    public final UUID communes;
    public final UUID plan;
    public final String planNumber;

    private KonTumWorld(Replicas replicas) {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        province =
                replicas.agency("KT-" + suffix, "UBND tỉnh Kon Tum", "PEOPLES_COMMITTEE", "PROVINCE", null, List.of());
        office = replicas.agency(
                "KT.VPUBND-" + suffix, "Văn phòng UBND tỉnh", "OFFICE", "PROVINCE", province, List.of());
        homeAffairs = replicas.agency("KT.SNV-" + suffix, "Sở Nội vụ", "DEPARTMENT", "PROVINCE", province, List.of());
        environment = replicas.agency(
                "KT.STNMT-" + suffix,
                "Sở Tài nguyên và Môi trường",
                "DEPARTMENT",
                "PROVINCE",
                province,
                List.of("land"));
        district = replicas.agency(
                "KT.DH-" + suffix, "UBND huyện Đăk Hà", "PEOPLES_COMMITTEE", "DISTRICT", province, List.of());
        commune = replicas.agency(
                "KT.DH.HM-" + suffix, "UBND xã Hà Mòn", "PEOPLES_COMMITTEE", "COMMUNE", district, List.of());
        departments = replicas.group(
                "SBN-" + suffix,
                "Các sở, ban ngành " + suffix,
                List.of("DEPARTMENT", "BOARD"),
                List.of(),
                province,
                null);
        communes = replicas.group(
                "UBNDXA-" + suffix,
                "UBND cấp xã " + suffix,
                List.of("PEOPLES_COMMITTEE"),
                List.of("COMMUNE"),
                province,
                null);
        planNumber = "59/QĐ-UBND-" + suffix;
        plan = replicas.plan(planNumber, 2024);
    }

    /** Publishes a fresh world and waits for its replicas. */
    public static KonTumWorld create(Replicas replicas) {
        return new KonTumWorld(replicas);
    }
}
