package vn.partracker.indicators.domain.target;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetRuleTest {

    private static final BigDecimal SEVENTY_FIVE = new BigDecimal("75");

    @ParameterizedTest(name = "[{0} .. {1}] on {2} -> {3}")
    @CsvSource({
        ",           ,           2024-01-01, true",
        "2024-01-29, ,           2024-01-28, false",
        "2024-01-29, ,           2024-01-29, true",
        ",           2025-06-30, 2025-06-30, true",
        ",           2025-06-30, 2025-07-01, false",
        "2024-01-01, 2024-12-31, 2024-06-15, true",
        "2024-01-01, 2024-12-31, 2023-12-31, false",
        "2024-01-01, 2024-12-31, 2025-01-01, false",
        "2024-03-15, 2024-03-15, 2024-03-15, true"
    })
    void isValidOnItsInclusiveRangeWithOpenMissingBounds(
            LocalDate validFrom, LocalDate validTo, LocalDate asOf, boolean expected) {
        TargetRule rule = new TargetRule(
                TargetComparator.AT_LEAST, SEVENTY_FIVE, TargetScope.level("COMMUNE"), validFrom, validTo);
        assertEquals(expected, rule.isValidOn(asOf));
    }

    @Test
    void rejectsARangeThatEndsBeforeItStarts() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> new TargetRule(
                        TargetComparator.AT_LEAST,
                        SEVENTY_FIVE,
                        TargetScope.all(),
                        LocalDate.of(2025, 7, 1),
                        LocalDate.of(2025, 6, 30)));
        assertEquals("target rule validFrom 2025-07-01 must not be after validTo 2025-06-30", error.getMessage());
    }

    @Test
    void requiresAComparatorAndAValue() {
        assertAll(
                () -> assertThrows(
                        NullPointerException.class, () -> TargetRule.of(null, SEVENTY_FIVE, TargetScope.all())),
                () -> assertThrows(
                        NullPointerException.class,
                        () -> TargetRule.of(TargetComparator.AT_LEAST, null, TargetScope.all())),
                () -> assertThrows(
                        NullPointerException.class,
                        () -> TargetRule.of(TargetComparator.AT_LEAST, SEVENTY_FIVE, TargetScope.all())
                                .isValidOn(null)));
    }

    @Test
    void aMissingScopeMeansAllAgencies() {
        TargetRule rule = TargetRule.of(TargetComparator.AT_LEAST, SEVENTY_FIVE, null);
        assertEquals(TargetScope.all(), rule.scope());
        assertTrue(rule.isValidOn(LocalDate.of(1990, 1, 1)));
    }

    @Test
    void agencyProfileRequiresAnIdAndKeepsItsOwnCopyOfTheSectors() {
        Set<String> sectors = new HashSet<>(Set.of("land"));
        AgencyProfile profile = new AgencyProfile(UUID.randomUUID(), "PROVINCE", "DEPARTMENT", sectors);
        sectors.add("construction");
        assertAll(
                () -> assertEquals(Set.of("land"), profile.sectors()),
                () -> assertThrows(
                        UnsupportedOperationException.class,
                        () -> profile.sectors().add("investment")),
                () -> assertEquals(Set.of(), new AgencyProfile(UUID.randomUUID(), null, null, null).sectors()),
                () -> assertThrows(NullPointerException.class, () -> new AgencyProfile(null, null, null, null)));
    }

    @Test
    void appliedTargetExposesTheRuleAndItsReason() {
        TargetRule rule = TargetRule.of(TargetComparator.AT_LEAST, SEVENTY_FIVE, TargetScope.level("COMMUNE"));
        AppliedTarget applied = AppliedTarget.of(rule);
        assertAll(
                () -> assertEquals("level COMMUNE", applied.reason()),
                () -> assertEquals(TargetComparator.AT_LEAST, applied.comparator()),
                () -> assertEquals(SEVENTY_FIVE, applied.value()),
                () -> assertThrows(NullPointerException.class, () -> new AppliedTarget(null, "all")),
                () -> assertThrows(NullPointerException.class, () -> new AppliedTarget(rule, null)));
    }
}
