package vn.partracker.indicators.domain.target;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.partracker.indicators.domain.value.Direction;

/**
 * Target selection with the targets of the seed documents: Kon Tum 59/QĐ-UBND Phụ lục I, Quảng Trị's 2024 draft
 * plan (6.1–6.3) and Hà Tĩnh 461/QĐ-UBND.
 */
class TargetSelectorTest {

    private static final LocalDate MID_2024 = LocalDate.of(2024, 6, 30);

    private static final AgencyProfile UBND_TINH = agency("KT.UBND", "PROVINCE", "PEOPLES_COMMITTEE");
    private static final AgencyProfile SO_NOI_VU = agency("KT.SNV", "PROVINCE", "DEPARTMENT");
    private static final AgencyProfile SO_TNMT = agency("HT.STNMT", "PROVINCE", "DEPARTMENT", "land");
    private static final AgencyProfile SO_XAY_DUNG = agency("HT.SXD", "PROVINCE", "DEPARTMENT", "construction");
    private static final AgencyProfile SO_KHDT = agency("HT.SKHDT", "PROVINCE", "DEPARTMENT", "investment");
    private static final AgencyProfile UBND_TP_KON_TUM = agency("KT.TPKT", "DISTRICT", "PEOPLES_COMMITTEE");
    private static final AgencyProfile UBND_XA_DAK_CAN = agency("KT.XDC", "COMMUNE", "PEOPLES_COMMITTEE");
    private static final AgencyProfile UBND_XA_WITH_LAND =
            agency("HT.XKA", "COMMUNE", "PEOPLES_COMMITTEE", "land", "construction");

    private static AgencyProfile agency(String code, String level, String kind, String... sectors) {
        return new AgencyProfile(
                UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8)), level, kind, Set.of(sectors));
    }

    private static TargetRule atLeast(String value, TargetScope scope) {
        return TargetRule.of(TargetComparator.AT_LEAST, new BigDecimal(value), scope);
    }

    private static TargetRule atMost(String value, TargetScope scope) {
        return TargetRule.of(TargetComparator.AT_MOST, new BigDecimal(value), scope);
    }

    private static AppliedTarget select(List<TargetRule> rules, AgencyProfile agency) {
        return TargetSelector.select(rules, agency, MID_2024, Direction.HIGHER_IS_BETTER)
                .orElseThrow();
    }

    private static void assertTarget(String value, String reason, AppliedTarget actual) {
        assertAll(
                () -> assertEquals(0, new BigDecimal(value).compareTo(actual.value()), "value " + actual.value()),
                () -> assertEquals(reason, actual.reason()));
    }

    /** Phụ lục I, group II: digitisation of results, "Tối thiểu 90 / 80 / 75" for province, district and commune. */
    @Nested
    class KonTumDigitisationByLevel {

        private final List<TargetRule> oneIndicatorWithLevelTargets = List.of(
                atLeast("90", TargetScope.level("PROVINCE")),
                atLeast("80", TargetScope.level("DISTRICT")),
                atLeast("75", TargetScope.level("COMMUNE")));

        static Stream<Arguments> agenciesByLevel() {
            return Stream.of(
                    Arguments.of(SO_NOI_VU, "90", "level PROVINCE"),
                    Arguments.of(UBND_TINH, "90", "level PROVINCE"),
                    Arguments.of(UBND_TP_KON_TUM, "80", "level DISTRICT"),
                    Arguments.of(UBND_XA_DAK_CAN, "75", "level COMMUNE"));
        }

        @ParameterizedTest
        @MethodSource("agenciesByLevel")
        void oneIndicatorGivesEachLevelItsTarget(AgencyProfile agency, String value, String reason) {
            AppliedTarget target = select(oneIndicatorWithLevelTargets, agency);
            assertTarget(value, reason, target);
            assertEquals(TargetComparator.AT_LEAST, target.comparator());
        }

        @ParameterizedTest
        @CsvSource({"90", "80", "75"})
        void kontumsOwnWayOfOneIndicatorPerLevelIsAnUnscopedTarget(String value) {
            assertTarget(value, "all", select(List.of(atLeast(value, TargetScope.all())), UBND_XA_DAK_CAN));
        }
    }

    /** Quảng Trị 6.1 / 6.2 / 6.3: 100 % for provincial agencies, 95 % for district offices, 80 % for communes. */
    @ParameterizedTest
    @MethodSource("quangTriLevels")
    void quangTriTargetsDifferByLevel(AgencyProfile agency, String value, String reason) {
        List<TargetRule> rules = List.of(
                atLeast("100", TargetScope.level("PROVINCE")),
                atLeast("95", TargetScope.level("DISTRICT")),
                atLeast("80", TargetScope.level("COMMUNE")));
        assertTarget(value, reason, select(rules, agency));
    }

    static Stream<Arguments> quangTriLevels() {
        return Stream.of(
                Arguments.of(SO_NOI_VU, "100", "level PROVINCE"),
                Arguments.of(UBND_TP_KON_TUM, "95", "level DISTRICT"),
                Arguments.of(UBND_XA_DAK_CAN, "80", "level COMMUNE"));
    }

    /** Hà Tĩnh task 6: satisfaction at least 90 %, "riêng các lĩnh vực đất đai, xây dựng, đầu tư" at least 85 %. */
    @Nested
    class HaTinhSatisfactionBySector {

        private final List<TargetRule> satisfaction = List.of(
                atLeast("90", TargetScope.all()),
                atLeast("85", TargetScope.sector("land")),
                atLeast("85", TargetScope.sector("construction")),
                atLeast("85", TargetScope.sector("investment")));

        static Stream<Arguments> agencies() {
            return Stream.of(
                    Arguments.of(SO_TNMT, "85", "sector land"),
                    Arguments.of(SO_XAY_DUNG, "85", "sector construction"),
                    Arguments.of(SO_KHDT, "85", "sector investment"),
                    Arguments.of(SO_NOI_VU, "90", "all"),
                    Arguments.of(UBND_XA_DAK_CAN, "90", "all"));
        }

        @ParameterizedTest
        @MethodSource("agencies")
        void theSectorTargetOverridesTheGeneralOne(AgencyProfile agency, String value, String reason) {
            assertTarget(value, reason, select(satisfaction, agency));
        }

        @Test
        void aSectorTargetAlsoBeatsAKindAndALevelTarget() {
            List<TargetRule> rules = new ArrayList<>(satisfaction);
            rules.add(atLeast("88", TargetScope.agencyKind("DEPARTMENT")));
            rules.add(atLeast("80", TargetScope.level("PROVINCE")));
            assertTarget("85", "sector land", select(rules, SO_TNMT));
            assertTarget("88", "kind DEPARTMENT", select(rules, SO_NOI_VU));
        }

        @Test
        void sectorTagsMatchWhateverTheirCase() {
            List<TargetRule> rules =
                    List.of(atLeast("90", TargetScope.all()), atLeast("85", TargetScope.sector("Land")));
            assertTarget("85", "sector Land", select(rules, SO_TNMT));
        }
    }

    /** Hà Tĩnh task 2: digitisation at least 50 %, 40 %, 35 % for province, district and commune. */
    @ParameterizedTest
    @CsvSource({"PROVINCE, 50", "DISTRICT, 40", "COMMUNE, 35", "province, 50"})
    void haTinhDigitisationByLevelIgnoresTheCaseOfTheLevel(String level, String value) {
        List<TargetRule> rules = List.of(
                atLeast("50", TargetScope.level("PROVINCE")),
                atLeast("40", TargetScope.level("DISTRICT")),
                atLeast("35", TargetScope.level("COMMUNE")));
        AgencyProfile agency = new AgencyProfile(UUID.randomUUID(), level, "PEOPLES_COMMITTEE", Set.of());
        assertEquals(0, new BigDecimal(value).compareTo(select(rules, agency).value()));
    }

    @Nested
    class Specificity {

        private final TargetRule forAll = atLeast("95", TargetScope.all());
        private final TargetRule forCommunes = atLeast("80", TargetScope.level("COMMUNE"));
        private final TargetRule forPeoplesCommittees = atLeast("82", TargetScope.agencyKind("PEOPLES_COMMITTEE"));
        private final TargetRule forLand = atLeast("85", TargetScope.sector("land"));
        private final TargetRule forThisCommune = atLeast("70", TargetScope.agency(UBND_XA_WITH_LAND.id()));

        @Test
        void aPerAgencyExceptionBeatsEveryOtherScopeEvenWhenLower() {
            List<TargetRule> rules = List.of(forAll, forCommunes, forPeoplesCommittees, forLand, forThisCommune);
            assertTarget("70", "agency " + UBND_XA_WITH_LAND.id(), select(rules, UBND_XA_WITH_LAND));
        }

        @Test
        void theExceptionOfAnotherAgencyDoesNotApply() {
            List<TargetRule> rules = List.of(forAll, forThisCommune);
            assertTarget("95", "all", select(rules, UBND_XA_DAK_CAN));
        }

        @Test
        void eachLessSpecificScopeTakesOverWhenTheMoreSpecificOnesAreGone() {
            List<TargetRule> rules =
                    new ArrayList<>(List.of(forThisCommune, forLand, forPeoplesCommittees, forCommunes));
            rules.add(forAll);
            List<String> reasons = new ArrayList<>();
            while (!rules.isEmpty()) {
                reasons.add(select(rules, UBND_XA_WITH_LAND).reason());
                rules.remove(0);
            }
            assertEquals(
                    List.of(
                            "agency " + UBND_XA_WITH_LAND.id(),
                            "sector land",
                            "kind PEOPLES_COMMITTEE",
                            "level COMMUNE",
                            "all"),
                    reasons);
        }

        @Test
        void theOrderOfTheRulesDoesNotMatter() {
            List<TargetRule> rules = new ArrayList<>(List.of(
                    forAll,
                    forCommunes,
                    forPeoplesCommittees,
                    forLand,
                    atLeast("85", TargetScope.sector("construction")),
                    atLeast("60", TargetScope.sector("construction"))));
            Random random = new Random(59);
            IntStream.range(0, 50).forEach(round -> {
                Collections.shuffle(rules, random);
                assertTarget("85", "sector construction", select(rules, UBND_XA_WITH_LAND));
            });
        }
    }

    /** The district level was abolished on 1 July 2025; its targets end on 30 June 2025. */
    @Nested
    class DateValidity {

        private final TargetRule districtUntilAbolition = new TargetRule(
                TargetComparator.AT_LEAST,
                new BigDecimal("80"),
                TargetScope.level("DISTRICT"),
                LocalDate.of(2024, 1, 29),
                LocalDate.of(2025, 6, 30));
        private final TargetRule general = atLeast("95", TargetScope.all());

        @ParameterizedTest
        @CsvSource({
            "2024-01-29, 80, level DISTRICT",
            "2025-06-30, 80, level DISTRICT",
            "2025-07-01, 95, all",
            "2024-01-28, 95, all"
        })
        void aRuleAppliesOnlyWithinItsDates(LocalDate asOf, String value, String reason) {
            AppliedTarget target = TargetSelector.select(
                            List.of(districtUntilAbolition, general), UBND_TP_KON_TUM, asOf, Direction.HIGHER_IS_BETTER)
                    .orElseThrow();
            assertTarget(value, reason, target);
        }

        @Test
        void withoutAFallbackThereIsNoTargetAfterTheRuleEnds() {
            assertEquals(
                    Optional.empty(),
                    TargetSelector.select(
                            List.of(districtUntilAbolition),
                            UBND_TP_KON_TUM,
                            LocalDate.of(2025, 7, 1),
                            Direction.HIGHER_IS_BETTER));
        }

        @Test
        void aNewYearsRuleReplacesLastYearsWithTheSameScope() {
            List<TargetRule> rules = List.of(
                    new TargetRule(
                            TargetComparator.AT_LEAST,
                            new BigDecimal("75"),
                            TargetScope.level("COMMUNE"),
                            LocalDate.of(2024, 1, 1),
                            LocalDate.of(2024, 12, 31)),
                    new TargetRule(
                            TargetComparator.AT_LEAST,
                            new BigDecimal("80"),
                            TargetScope.level("COMMUNE"),
                            LocalDate.of(2025, 1, 1),
                            null));
            assertAll(
                    () -> assertTarget(
                            "75",
                            "level COMMUNE",
                            TargetSelector.select(
                                            rules,
                                            UBND_XA_DAK_CAN,
                                            LocalDate.of(2024, 12, 31),
                                            Direction.HIGHER_IS_BETTER)
                                    .orElseThrow()),
                    () -> assertTarget(
                            "80",
                            "level COMMUNE",
                            TargetSelector.select(
                                            rules,
                                            UBND_XA_DAK_CAN,
                                            LocalDate.of(2025, 1, 1),
                                            Direction.HIGHER_IS_BETTER)
                                    .orElseThrow()));
        }
    }

    @Nested
    class NoTarget {

        @Test
        void anIndicatorWithoutRulesHasNoTarget() {
            assertTrue(TargetSelector.select(List.of(), SO_NOI_VU, MID_2024, Direction.HIGHER_IS_BETTER)
                    .isEmpty());
        }

        @Test
        void rulesForOtherLevelsSectorsKindsAndAgenciesGiveNoTarget() {
            List<TargetRule> rules = List.of(
                    atLeast("90", TargetScope.level("PROVINCE")),
                    atLeast("80", TargetScope.level("DISTRICT")),
                    atLeast("85", TargetScope.sector("land")),
                    atLeast("88", TargetScope.agencyKind("DEPARTMENT")),
                    atLeast("70", TargetScope.agency(SO_NOI_VU.id())));
            assertTrue(TargetSelector.select(rules, UBND_XA_DAK_CAN, MID_2024, Direction.HIGHER_IS_BETTER)
                    .isEmpty());
        }

        @Test
        void anAgencyWithUnknownLevelGetsOnlyUnscopedTargets() {
            AgencyProfile unknownLevel = new AgencyProfile(UUID.randomUUID(), null, null, null);
            List<TargetRule> rules = List.of(atLeast("75", TargetScope.level("COMMUNE")));
            assertTrue(TargetSelector.select(rules, unknownLevel, MID_2024, Direction.HIGHER_IS_BETTER)
                    .isEmpty());
        }
    }

    /** Two rules of the same specificity: the stricter one for the indicator's direction, then fixed tie-breaks. */
    @Nested
    class TiesBetweenEquallySpecificRules {

        private final List<TargetRule> twoSectors =
                List.of(atLeast("85", TargetScope.sector("land")), atLeast("80", TargetScope.sector("construction")));

        @Test
        void higherIsBetterTakesTheHigherTarget() {
            assertTarget("85", "sector land", select(twoSectors, UBND_XA_WITH_LAND));
            assertTarget("85", "sector land", select(List.of(twoSectors.get(1), twoSectors.get(0)), UBND_XA_WITH_LAND));
        }

        @Test
        void lowerIsBetterTakesTheLowerTarget() {
            List<TargetRule> processingDays =
                    List.of(atMost("5", TargetScope.sector("land")), atMost("3", TargetScope.sector("construction")));
            AppliedTarget target = TargetSelector.select(
                            processingDays, UBND_XA_WITH_LAND, MID_2024, Direction.LOWER_IS_BETTER)
                    .orElseThrow();
            assertTarget("3", "sector construction", target);
            assertEquals(TargetComparator.AT_MOST, target.comparator());
        }

        @Test
        void equalValuesGoToTheAlphabeticallyFirstReasonWhateverTheOrder() {
            TargetRule land = atLeast("85", TargetScope.sector("land"));
            TargetRule construction = atLeast("85.0", TargetScope.sector("construction"));
            assertTarget("85", "sector construction", select(List.of(land, construction), UBND_XA_WITH_LAND));
            assertTarget("85", "sector construction", select(List.of(construction, land), UBND_XA_WITH_LAND));
        }

        @ParameterizedTest
        @CsvSource({
            "HIGHER_IS_BETTER, AT_LEAST, AT_MOST, AT_LEAST",
            "HIGHER_IS_BETTER, EXACTLY, AT_LEAST, EXACTLY",
            "LOWER_IS_BETTER, AT_LEAST, AT_MOST, AT_MOST",
            "LOWER_IS_BETTER, AT_MOST, EXACTLY, EXACTLY"
        })
        void atEqualValuesExactlyComesFirstThenTheComparatorOfTheDirection(
                Direction direction, TargetComparator first, TargetComparator second, TargetComparator expected) {
            List<TargetRule> rules = List.of(
                    TargetRule.of(first, new BigDecimal("90"), TargetScope.level("COMMUNE")),
                    TargetRule.of(second, new BigDecimal("90"), TargetScope.level("COMMUNE")));
            for (List<TargetRule> ordering : List.of(rules, List.of(rules.get(1), rules.get(0)))) {
                assertEquals(
                        expected,
                        TargetSelector.select(ordering, UBND_XA_DAK_CAN, MID_2024, direction)
                                .orElseThrow()
                                .comparator());
            }
        }

        @Test
        void atEqualValuesAndComparatorsTheLaterDecisionWins() {
            TargetRule open = new TargetRule(
                    TargetComparator.AT_LEAST, new BigDecimal("75"), TargetScope.level("COMMUNE"), null, null);
            TargetRule from2024 = new TargetRule(
                    TargetComparator.AT_LEAST,
                    new BigDecimal("75"),
                    TargetScope.level("COMMUNE"),
                    LocalDate.of(2024, 1, 29),
                    null);
            TargetRule from2023 = new TargetRule(
                    TargetComparator.AT_LEAST,
                    new BigDecimal("75"),
                    TargetScope.level("COMMUNE"),
                    LocalDate.of(2023, 1, 1),
                    null);
            for (List<TargetRule> ordering :
                    List.of(List.of(open, from2023, from2024), List.of(from2024, open, from2023))) {
                assertEquals(
                        from2024,
                        TargetSelector.select(ordering, UBND_XA_DAK_CAN, MID_2024, Direction.HIGHER_IS_BETTER)
                                .orElseThrow()
                                .rule());
            }
        }
    }

    @Test
    void requiresAllArguments() {
        List<TargetRule> rules = List.of(atLeast("90", TargetScope.all()));
        List<TargetRule> withNull = new ArrayList<>();
        withNull.add(null);
        assertAll(
                () -> assertThrows(
                        NullPointerException.class,
                        () -> TargetSelector.select(null, SO_NOI_VU, MID_2024, Direction.HIGHER_IS_BETTER)),
                () -> assertThrows(
                        NullPointerException.class,
                        () -> TargetSelector.select(rules, null, MID_2024, Direction.HIGHER_IS_BETTER)),
                () -> assertThrows(
                        NullPointerException.class,
                        () -> TargetSelector.select(rules, SO_NOI_VU, null, Direction.HIGHER_IS_BETTER)),
                () -> assertThrows(
                        NullPointerException.class, () -> TargetSelector.select(rules, SO_NOI_VU, MID_2024, null)),
                () -> assertThrows(
                        NullPointerException.class,
                        () -> TargetSelector.select(withNull, SO_NOI_VU, MID_2024, Direction.HIGHER_IS_BETTER)));
    }
}
