package vn.partracker.reporting.domain.hierarchy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HierarchyTest {

    private final UUID province = UUID.randomUUID();
    private final UUID department = UUID.randomUUID();
    private final UUID district = UUID.randomUUID();
    private final UUID commune = UUID.randomUUID();
    private final LocalDate day = LocalDate.of(2024, 3, 14);

    private Hierarchy hierarchy() {
        return new Hierarchy(
                day,
                List.of(
                        node(province, "KT", "PEOPLES_COMMITTEE", "PROVINCE", null),
                        node(department, "KT.SNV", "DEPARTMENT", "PROVINCE", province),
                        node(district, "KT.DH", "PEOPLES_COMMITTEE", "DISTRICT", province),
                        node(commune, "KT.DH.HM", "PEOPLES_COMMITTEE", "COMMUNE", district)));
    }

    private static AgencyNode node(UUID id, String code, String kind, String level, UUID parent) {
        return new AgencyNode(id, code, code, kind, level, parent, LocalDate.of(2020, 1, 1), null);
    }

    @Test
    void subtreeMembersMapToTheChildOfTheRootTheyLieUnder() {
        Map<UUID, UUID> branches = hierarchy().subtreeBranches(province);
        assertEquals(4, branches.size());
        assertEquals(province, branches.get(province));
        assertEquals(district, branches.get(commune));
        assertEquals(department, branches.get(department));
        assertEquals(Map.of(district, district, commune, commune), hierarchy().subtreeBranches(district));
    }

    @Test
    void groupsExpandWithTheSharedMembershipRule() {
        GroupRule departments = new GroupRule(
                UUID.randomUUID(), "SBN", "Các sở, ban ngành", List.of("DEPARTMENT"), List.of(), province, List.of());
        GroupRule communes = new GroupRule(
                UUID.randomUUID(), "XA", "UBND cấp xã", List.of(), List.of("COMMUNE"), district, List.of());
        assertEquals(
                Set.of(department, commune, district),
                hierarchy().expand(List.of(district), List.of(departments, communes)));
        assertEquals(Set.of(), hierarchy().expand(List.of(UUID.randomUUID()), List.of()), "unknown agencies drop out");
    }

    @Test
    void ancestorsAreListedParentFirst() {
        assertEquals(List.of(district, province), hierarchy().ancestors(commune));
    }
}
