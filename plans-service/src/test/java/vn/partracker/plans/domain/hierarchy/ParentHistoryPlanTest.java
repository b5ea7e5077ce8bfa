package vn.partracker.plans.domain.hierarchy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The parent-history rules with Kon Tum's agencies: UBND tỉnh Kon Tum, UBND huyện Đăk Hà (valid until the district
 * level is abolished on 2025-07-01) and UBND xã Hà Mòn, which moves from the district to the province that day.
 */
class ParentHistoryPlanTest {

    private static final LocalDate SINCE_2020 = LocalDate.of(2020, 1, 1);
    private static final LocalDate ABOLITION = LocalDate.of(2025, 7, 1);
    private static final LocalDate LAST_DISTRICT_DAY = LocalDate.of(2025, 6, 30);

    private final UUID province = UUID.randomUUID();
    private final UUID dakHa = UUID.randomUUID();
    private final UUID haMon = UUID.randomUUID();
    private final Validity open = new Validity(SINCE_2020, null);

    @Test
    void aNewCommuneIsUnderItsDistrictForItsWholeValidity() {
        assertEquals(List.of(new ParentPeriod(dakHa, SINCE_2020, null)), ParentHistoryPlan.forNewAgency(dakHa, open));
    }

    @Test
    void movingHaMonUnderTheProvinceOnTheAbolitionDayKeepsItsDistrictPeriod() {
        List<ParentPeriod> stored = ParentHistoryPlan.forNewAgency(dakHa, open);

        List<ParentPeriod> moved = ParentHistoryPlan.forMove(stored, province, ABOLITION, open);

        assertEquals(
                List.of(
                        new ParentPeriod(dakHa, SINCE_2020, LAST_DISTRICT_DAY),
                        new ParentPeriod(province, ABOLITION, null)),
                moved);
        assertEquals(
                dakHa, ParentHistory.parentOn(moved, LocalDate.of(2024, 12, 31)).orElseThrow());
        assertEquals(province, ParentHistory.parentOn(moved, ABOLITION).orElseThrow());
    }

    @Test
    void repeatingTheMoveChangesNothing() {
        List<ParentPeriod> once =
                ParentHistoryPlan.forMove(ParentHistoryPlan.forNewAgency(dakHa, open), province, ABOLITION, open);

        assertEquals(once, ParentHistoryPlan.forMove(once, province, ABOLITION, open));
    }

    @Test
    void anUpdateWithTheDayOfTheMoveIsTheSameMove() {
        ParentHistoryPlan.Decision decision = ParentHistoryPlan.forReplacement(
                ParentHistoryPlan.forNewAgency(dakHa, open), province, ABOLITION, open);

        assertFalse(decision.isRefused());
        assertEquals(
                List.of(
                        new ParentPeriod(dakHa, SINCE_2020, LAST_DISTRICT_DAY),
                        new ParentPeriod(province, ABOLITION, null)),
                decision.periods());
    }

    @Test
    void aNewParentWithoutADayCorrectsACommuneThatNeverMoved() {
        ParentHistoryPlan.Decision decision =
                ParentHistoryPlan.forReplacement(ParentHistoryPlan.forNewAgency(province, open), dakHa, null, open);

        assertEquals(List.of(new ParentPeriod(dakHa, SINCE_2020, null)), decision.periods());
    }

    @Test
    void aNewParentWithoutADayIsRefusedOnceTheCommuneHasMoved() {
        List<ParentPeriod> moved =
                ParentHistoryPlan.forMove(ParentHistoryPlan.forNewAgency(dakHa, open), province, ABOLITION, open);

        ParentHistoryPlan.Decision decision = ParentHistoryPlan.forReplacement(moved, UUID.randomUUID(), null, open);

        assertTrue(decision.isRefused());
        assertEquals(ParentHistoryPlan.Refusal.MOVED_BEFORE_WITHOUT_DAY, decision.refusal());
    }

    @Test
    void theSameParentWithoutADayKeepsTheHistory() {
        List<ParentPeriod> moved =
                ParentHistoryPlan.forMove(ParentHistoryPlan.forNewAgency(dakHa, open), province, ABOLITION, open);

        assertEquals(
                moved,
                ParentHistoryPlan.forReplacement(moved, province, null, open).periods());
    }

    @Test
    void aMoveDayOutsideTheCommunesValidityIsRefused() {
        Validity untilAbolition = new Validity(SINCE_2020, LAST_DISTRICT_DAY);

        ParentHistoryPlan.Decision decision = ParentHistoryPlan.forReplacement(
                ParentHistoryPlan.forNewAgency(dakHa, untilAbolition), province, ABOLITION, untilAbolition);

        assertEquals(ParentHistoryPlan.Refusal.CHANGE_DAY_OUTSIDE_VALIDITY, decision.refusal());
    }

    @Test
    void endingTheCommuneBeforeTheAbolitionDropsItsProvincePeriod() {
        List<ParentPeriod> moved =
                ParentHistoryPlan.forMove(ParentHistoryPlan.forNewAgency(dakHa, open), province, ABOLITION, open);
        LocalDate merged = LocalDate.of(2024, 12, 31);

        ParentHistoryPlan.Decision decision =
                ParentHistoryPlan.forReplacement(moved, province, null, new Validity(SINCE_2020, merged));

        assertEquals(List.of(new ParentPeriod(dakHa, SINCE_2020, merged)), decision.periods());
    }

    @Test
    void theDistrictCoversTheCommunesDistrictPeriodButNotAnOpenOne() {
        Validity dakHaValidity = new Validity(SINCE_2020, LAST_DISTRICT_DAY);

        assertTrue(dakHaValidity.covers(new ParentPeriod(dakHa, SINCE_2020, LAST_DISTRICT_DAY)));
        assertFalse(dakHaValidity.covers(new ParentPeriod(dakHa, SINCE_2020, null)));
        assertFalse(dakHaValidity.covers(new ParentPeriod(dakHa, LocalDate.of(2019, 1, 1), LAST_DISTRICT_DAY)));
        assertEquals("2020-01-01..2025-06-30", dakHaValidity.toString());
        assertEquals("2020-01-01..", open.toString());
    }

    @Test
    void puttingTheProvinceUnderHaMonIsACycle() {
        Map<UUID, UUID> parentOf = Map.of(haMon, dakHa, dakHa, province);

        assertTrue(ParentHistoryPlan.createsCycle(province, haMon, parentOf::get));
        assertTrue(ParentHistoryPlan.createsCycle(haMon, haMon, parentOf::get));
        assertFalse(ParentHistoryPlan.createsCycle(haMon, province, parentOf::get));
    }

    @Test
    void aCycleAlreadyInTheDataEndsTheWalk() {
        Map<UUID, UUID> parentOf = Map.of(dakHa, province, province, dakHa);

        assertTrue(ParentHistoryPlan.createsCycle(haMon, dakHa, parentOf::get));
    }

    @Test
    void cyclesAreCheckedOnTheDaysAParentStarts() {
        List<ParentPeriod> periods = List.of(
                new ParentPeriod(null, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)),
                new ParentPeriod(dakHa, SINCE_2020, LAST_DISTRICT_DAY),
                new ParentPeriod(province, ABOLITION, null));

        assertEquals(Set.of(SINCE_2020, ABOLITION), ParentHistoryPlan.parentStarts(periods));
    }

    @Test
    void theDistrictCannotEndWhileHaMonIsStillUnderIt() {
        List<ParentPeriod> underDistrict = ParentHistoryPlan.forNewAgency(dakHa, open);
        List<ParentPeriod> moved = ParentHistoryPlan.forMove(underDistrict, province, ABOLITION, open);

        assertTrue(ParentHistoryPlan.underAfter(underDistrict, dakHa, LAST_DISTRICT_DAY));
        assertFalse(ParentHistoryPlan.underAfter(moved, dakHa, LAST_DISTRICT_DAY));
    }
}
