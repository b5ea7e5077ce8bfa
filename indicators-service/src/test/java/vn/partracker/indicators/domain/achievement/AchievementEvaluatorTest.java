package vn.partracker.indicators.domain.achievement;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.partracker.indicators.domain.target.AgencyProfile;
import vn.partracker.indicators.domain.target.AppliedTarget;
import vn.partracker.indicators.domain.target.TargetComparator;
import vn.partracker.indicators.domain.target.TargetRule;
import vn.partracker.indicators.domain.target.TargetScope;
import vn.partracker.indicators.domain.target.TargetSelector;
import vn.partracker.indicators.domain.value.Direction;
import vn.partracker.indicators.domain.value.RatioValue;

class AchievementEvaluatorTest {

    private static Optional<AppliedTarget> target(TargetComparator comparator, String value) {
        return Optional.of(AppliedTarget.of(TargetRule.of(comparator, new BigDecimal(value), TargetScope.all())));
    }

    private static void assertAchievement(AchievementStatus status, String gap, Achievement actual) {
        assertAll(
                () -> assertEquals(status, actual.status()),
                () -> assertEquals(0, new BigDecimal(gap).compareTo(actual.gap()), "gap " + actual.gap()));
    }

    /** Kon Tum 59, Phụ lục I, IV.1: "tỷ lệ b/a phải đạt tối thiểu 95%"; 96 of 100 dossiers on time. */
    @Test
    void ninetySixOfAHundredDossiersOnTimeMeetsTheNinetyFivePercentFloorByOnePoint() {
        BigDecimal value = RatioValue.percent(new BigDecimal("96"), new BigDecimal("100"));
        Optional<AppliedTarget> floor = target(TargetComparator.AT_LEAST, "95");

        Achievement achievement = AchievementEvaluator.evaluate(value, floor);

        assertAchievement(AchievementStatus.MET, "1.0", achievement);
        assertEquals(floor.get(), achievement.target());
    }

    @ParameterizedTest(name = "AT_LEAST 95 with {0} -> {1}, gap {2}")
    @CsvSource({
        "100,     MET,     5",
        "96,      MET,     1.0",
        "95,      MET,     0",
        "95.0000, MET,     0",
        "94.9999, NOT_MET, -0.0001",
        "90,      NOT_MET, -5",
        "0,       NOT_MET, -95"
    })
    void atLeastIsMetFromTheTargetUpwardsAndTheGapIsValueMinusTarget(
            BigDecimal value, AchievementStatus status, String gap) {
        assertAchievement(status, gap, AchievementEvaluator.evaluate(value, target(TargetComparator.AT_LEAST, "95")));
    }

    @ParameterizedTest(name = "AT_MOST 5 with {0} -> {1}, gap {2}")
    @CsvSource({"0, MET, 5", "4, MET, 1", "5, MET, 0", "5.00, MET, 0", "5.5, NOT_MET, -0.5", "7, NOT_MET, -2"})
    void atMostIsMetUpToTheTargetAndAPositiveGapMeansBelowIt(BigDecimal value, AchievementStatus status, String gap) {
        assertAchievement(status, gap, AchievementEvaluator.evaluate(value, target(TargetComparator.AT_MOST, "5")));
    }

    @ParameterizedTest(name = "EXACTLY 100 with {0} -> {1}, gap {2}")
    @CsvSource({"100, MET, 0", "100.00, MET, 0", "98, NOT_MET, -2", "102, NOT_MET, 2", "99.99, NOT_MET, -0.01"})
    void exactlyIsMetOnlyByAnEqualValueAndTheGapIsTheSignedDeviation(
            BigDecimal value, AchievementStatus status, String gap) {
        assertAchievement(status, gap, AchievementEvaluator.evaluate(value, target(TargetComparator.EXACTLY, "100")));
    }

    @ParameterizedTest
    @CsvSource({"1, MET, 0", "0, NOT_MET, -1"})
    void aYesNoIndicatorIsExactlyOne(BigDecimal value, AchievementStatus status, String gap) {
        assertAchievement(status, gap, AchievementEvaluator.evaluate(value, target(TargetComparator.EXACTLY, "1")));
    }

    @Test
    void withoutATargetThereIsNoVerdictAndNoGap() {
        Achievement achievement = AchievementEvaluator.evaluate(new BigDecimal("96"), Optional.empty());
        assertAll(
                () -> assertEquals(AchievementStatus.NO_TARGET, achievement.status()),
                () -> assertNull(achievement.target()),
                () -> assertNull(achievement.gap()),
                () -> assertSame(Achievement.noTarget(), achievement));
    }

    /** Kon Tum 59, Phụ lục I, II.3: a commune that digitised 74 % misses "Tối thiểu 75" by one point. */
    @Test
    void aCommuneJudgedAgainstItsLevelTarget() {
        AgencyProfile commune = new AgencyProfile(UUID.randomUUID(), "COMMUNE", "PEOPLES_COMMITTEE", Set.of());
        List<TargetRule> rules = List.of(
                TargetRule.of(TargetComparator.AT_LEAST, new BigDecimal("90"), TargetScope.level("PROVINCE")),
                TargetRule.of(TargetComparator.AT_LEAST, new BigDecimal("80"), TargetScope.level("DISTRICT")),
                TargetRule.of(TargetComparator.AT_LEAST, new BigDecimal("75"), TargetScope.level("COMMUNE")));
        Optional<AppliedTarget> target =
                TargetSelector.select(rules, commune, LocalDate.of(2024, 12, 14), Direction.HIGHER_IS_BETTER);

        Achievement achievement =
                AchievementEvaluator.evaluate(RatioValue.percent(new BigDecimal("148"), new BigDecimal("200")), target);

        assertAchievement(AchievementStatus.NOT_MET, "-1", achievement);
        assertEquals("level COMMUNE", achievement.target().reason());
    }

    @Test
    void requiresAValueAndAnOptional() {
        assertAll(
                () -> assertThrows(
                        NullPointerException.class,
                        () -> AchievementEvaluator.evaluate(null, target(TargetComparator.AT_LEAST, "95"))),
                () -> assertThrows(
                        NullPointerException.class, () -> AchievementEvaluator.evaluate(BigDecimal.ONE, null)));
    }

    @Test
    void anAchievementHasATargetAndAGapExactlyWhenItHasAVerdict() {
        AppliedTarget applied = target(TargetComparator.AT_LEAST, "95").orElseThrow();
        assertAll(
                () -> assertThrows(
                        IllegalArgumentException.class,
                        () -> new Achievement(AchievementStatus.MET, null, BigDecimal.ONE)),
                () -> assertThrows(
                        IllegalArgumentException.class,
                        () -> new Achievement(AchievementStatus.NOT_MET, applied, null)),
                () -> assertThrows(
                        IllegalArgumentException.class,
                        () -> new Achievement(AchievementStatus.NO_TARGET, applied, BigDecimal.ONE)),
                () -> assertThrows(
                        IllegalArgumentException.class,
                        () -> new Achievement(AchievementStatus.NO_TARGET, null, BigDecimal.ZERO)),
                () -> assertThrows(NullPointerException.class, () -> new Achievement(null, null, null)));
    }
}
