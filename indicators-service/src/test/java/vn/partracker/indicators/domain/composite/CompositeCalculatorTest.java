package vn.partracker.indicators.domain.composite;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.partracker.indicators.domain.composite.ParIndexFixture.ASSESSED;
import static vn.partracker.indicators.domain.composite.ParIndexFixture.IMPACT;
import static vn.partracker.indicators.domain.composite.ParIndexFixture.LEADER_SURVEY;
import static vn.partracker.indicators.domain.composite.ParIndexFixture.PAR_INDEX;
import static vn.partracker.indicators.domain.composite.ParIndexFixture.ROOT;
import static vn.partracker.indicators.domain.composite.ParIndexFixture.SIPAS;
import static vn.partracker.indicators.domain.composite.ParIndexFixture.SOCIO_ECONOMIC;
import static vn.partracker.indicators.domain.composite.ParIndexFixture.TOP_LEVEL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeCalculatorTest {

    private static final Map<String, BigDecimal> KON_TUM_2023 = Map.of(
            ASSESSED, new BigDecimal("54.95"),
            SIPAS, new BigDecimal("8.5"),
            LEADER_SURVEY, new BigDecimal("18.33"),
            SOCIO_ECONOMIC, new BigDecimal("4.36"));

    private static BigDecimal points(String text) {
        return new BigDecimal(text);
    }

    private static void assertPoints(String expected, BigDecimal actual) {
        assertEquals(0, points(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void konTumsParIndex2023AddsUpTo86Point14Exactly() {
        CompositeResult result = CompositeCalculator.compute(ROOT, KON_TUM_2023);

        assertEquals(points("86.14"), result.total());
        assertPoints("31.19", result.subtotals().get(IMPACT));
        assertTrue(result.complete());
        assertEquals(List.of(), result.missingLeaves());
        assertEquals(List.of(), result.overridden());
    }

    @Test
    void everyNodeHasASubtotalInTreeOrder() {
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        expected.put(PAR_INDEX, points("86.14"));
        expected.put(ASSESSED, points("54.95"));
        expected.put(IMPACT, points("31.19"));
        expected.put(SIPAS, points("8.5"));
        expected.put(LEADER_SURVEY, points("18.33"));
        expected.put(SOCIO_ECONOMIC, points("4.36"));

        CompositeResult result = CompositeCalculator.compute(ROOT, KON_TUM_2023);

        assertEquals(
                new ArrayList<>(expected.keySet()),
                new ArrayList<>(result.subtotals().keySet()));
        expected.forEach((code, value) -> assertEquals(value, result.subtotals().get(code), code));
    }

    @Test
    void theTopLevelComponentsOfAnIndicatorGiveTheSameTotal() {
        CompositeResult result = CompositeCalculator.compute(TOP_LEVEL, KON_TUM_2023);

        assertEquals(points("86.14"), result.total());
        assertEquals(
                List.of(ASSESSED, IMPACT, SIPAS, LEADER_SURVEY, SOCIO_ECONOMIC),
                List.copyOf(result.subtotals().keySet()));
    }

    @Test
    void aGroupEnteredDirectlyOverridesItsChildren() {
        Map<String, BigDecimal> entered = Map.of(
                ASSESSED, points("54.95"),
                IMPACT, points("31.19"),
                SIPAS, points("9.9"));

        CompositeResult result = CompositeCalculator.compute(ROOT, entered);

        assertAll(
                () -> assertEquals(points("86.14"), result.total()),
                () -> assertEquals(points("31.19"), result.subtotals().get(IMPACT)),
                () -> assertFalse(result.subtotals().containsKey(SIPAS)),
                () -> assertEquals(List.of(SIPAS), result.overridden()),
                () -> assertEquals(List.of(), result.missingLeaves()),
                () -> assertTrue(result.complete()));
    }

    @Test
    void theRootEnteredDirectlyIsTheTotal() {
        Map<String, BigDecimal> entered = new HashMap<>(KON_TUM_2023);
        entered.put(PAR_INDEX, points("86.14"));

        CompositeResult result = CompositeCalculator.compute(ROOT, entered);

        assertAll(
                () -> assertEquals(points("86.14"), result.total()),
                () -> assertEquals(Map.of(PAR_INDEX, points("86.14")), result.subtotals()),
                () -> assertEquals(List.of(ASSESSED, SIPAS, LEADER_SURVEY, SOCIO_ECONOMIC), result.overridden()));
    }

    @Test
    void missingLeavesMakeAPartialTotal() {
        Map<String, BigDecimal> entered = Map.of(ASSESSED, points("54.95"), SIPAS, points("8.5"));

        CompositeResult result = CompositeCalculator.compute(ROOT, entered);

        assertAll(
                () -> assertFalse(result.complete()),
                () -> assertEquals(List.of(LEADER_SURVEY, SOCIO_ECONOMIC), result.missingLeaves()),
                () -> assertPoints("63.45", result.total()),
                () -> assertPoints("8.5", result.subtotals().get(IMPACT)),
                () -> assertFalse(result.subtotals().containsKey(LEADER_SURVEY)));
    }

    @Test
    void nothingEnteredIsAnEmptyPartialResult() {
        CompositeResult result = CompositeCalculator.compute(ROOT, Map.of());

        assertAll(
                () -> assertEquals(BigDecimal.ZERO, result.total()),
                () -> assertEquals(Map.of(), result.subtotals()),
                () -> assertEquals(List.of(ASSESSED, SIPAS, LEADER_SURVEY, SOCIO_ECONOMIC), result.missingLeaves()),
                () -> assertFalse(result.complete()));
    }

    @Test
    void aNullValueCountsAsNotEntered() {
        Map<String, BigDecimal> entered = new HashMap<>(KON_TUM_2023);
        entered.put(IMPACT, null);

        CompositeResult result = CompositeCalculator.compute(ROOT, entered);

        assertEquals(points("86.14"), result.total());
        assertEquals(List.of(), result.overridden());
    }

    @Test
    void zeroPointsAreAValueNotAGap() {
        Map<String, BigDecimal> entered = new HashMap<>(KON_TUM_2023);
        entered.put(SOCIO_ECONOMIC, BigDecimal.ZERO);

        CompositeResult result = CompositeCalculator.compute(ROOT, entered);

        assertTrue(result.complete());
        assertPoints("81.78", result.total());
    }

    @Test
    void rejectsCodesThatAreNotInTheTree() {
        Map<String, BigDecimal> entered = new HashMap<>(KON_TUM_2023);
        entered.put("PAPI", points("39.9613"));
        entered.put("A", points("1"));

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> CompositeCalculator.compute(ROOT, entered));
        assertEquals("unknown component code(s): A, PAPI", error.getMessage());
    }

    @Test
    void rejectsAMalformedTree() {
        Component bad =
                Component.group("IMPACT", "Impact", points("38.5"), Component.leaf("SIPAS", "SIPAS", points("40")));

        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> CompositeCalculator.compute(bad, Map.of("SIPAS", points("9"))));
        assertTrue(
                error.getMessage().startsWith("malformed component tree: components[0].children: "),
                error.getMessage());
    }

    @Test
    void requiresTheTreeAndTheEnteredValues() {
        assertAll(
                () -> assertThrows(
                        NullPointerException.class, () -> CompositeCalculator.compute((Component) null, Map.of())),
                () -> assertThrows(
                        NullPointerException.class,
                        () -> CompositeCalculator.compute((List<Component>) null, Map.of())),
                () -> assertThrows(NullPointerException.class, () -> CompositeCalculator.compute(ROOT, null)));
    }

    @Test
    void theResultCannotBeChangedAfterwards() {
        CompositeResult result = CompositeCalculator.compute(ROOT, Map.of(SIPAS, points("8.5")));
        assertAll(
                () -> assertThrows(
                        UnsupportedOperationException.class,
                        () -> result.subtotals().put(SIPAS, BigDecimal.TEN)),
                () -> assertThrows(
                        UnsupportedOperationException.class,
                        () -> result.missingLeaves().clear()),
                () -> assertThrows(
                        UnsupportedOperationException.class,
                        () -> result.overridden().add(SIPAS)));
    }

    @Test
    void indexListsEveryNodeByCodeInTreeOrder() {
        assertEquals(
                List.of(PAR_INDEX, ASSESSED, IMPACT, SIPAS, LEADER_SURVEY, SOCIO_ECONOMIC),
                List.copyOf(CompositeCalculator.index(List.of(ROOT)).keySet()));
    }

    @Test
    void aComponentWithoutChildrenIsALeaf() {
        Component leaf = new Component("SIPAS", "Chỉ số SIPAS", points("10"), null);
        assertTrue(leaf.isLeaf());
        assertEquals(List.of(), leaf.children());
        assertFalse(ROOT.isLeaf());
    }
}
