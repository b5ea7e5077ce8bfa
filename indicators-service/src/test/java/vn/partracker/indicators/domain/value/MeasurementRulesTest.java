package vn.partracker.indicators.domain.value;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.partracker.indicators.domain.FieldError;
import vn.partracker.indicators.domain.composite.Component;
import vn.partracker.indicators.domain.composite.ParIndexFixture;

class MeasurementRulesTest {

    private static BigDecimal number(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static FieldError error(String field, String message) {
        return new FieldError(field, message);
    }

    /** Kon Tum 59, Phụ lục I, IV: b dossiers settled on time over a dossiers settled, at least 95 %. */
    @Nested
    class Ratio {

        private List<FieldError> validate(String numerator, String denominator) {
            return MeasurementRules.validate(
                    IndicatorKind.RATIO, Unit.PERCENT, number(numerator), number(denominator), null, null, null);
        }

        @ParameterizedTest(name = "{0} / {1}")
        @CsvSource({"96, 100", "0, 100", "100, 100", "0.5, 0.5", "1899999, 2000000"})
        void acceptsZeroUpToTheDenominator(String numerator, String denominator) {
            assertEquals(List.of(), validate(numerator, denominator));
        }

        @Test
        void requiresTheNumerator() {
            assertEquals(
                    List.of(error("numerator", "numerator (b) is required for a RATIO indicator")),
                    validate(null, "100"));
        }

        @Test
        void requiresTheDenominator() {
            assertEquals(
                    List.of(error("denominator", "denominator (a) is required for a RATIO indicator")),
                    validate("96", null));
        }

        @Test
        void reportsBothMissingPartsAtOnce() {
            assertEquals(
                    List.of(
                            error("numerator", "numerator (b) is required for a RATIO indicator"),
                            error("denominator", "denominator (a) is required for a RATIO indicator")),
                    validate(null, null));
        }

        @ParameterizedTest
        @CsvSource({"0, 0", "0, -5", "5, 0", "3, 0.000"})
        void requiresAPositiveDenominator(String numerator, String denominator) {
            assertEquals(
                    List.of(error("denominator", "denominator must be greater than 0 (a > 0)")),
                    validate(numerator, denominator));
        }

        @ParameterizedTest
        @CsvSource({"-1, 100", "-0.01, 100"})
        void rejectsANegativeNumerator(String numerator, String denominator) {
            assertEquals(
                    List.of(error("numerator", "numerator must not be negative (b >= 0)")),
                    validate(numerator, denominator));
        }

        @ParameterizedTest
        @CsvSource({"101, 100", "100.01, 100"})
        void rejectsANumeratorAboveTheDenominator(String numerator, String denominator) {
            assertEquals(
                    List.of(error("numerator", "numerator must not exceed the denominator (b <= a)")),
                    validate(numerator, denominator));
        }

        @Test
        void rejectsAValueOrComponentsBecauseTheValueIsComputed() {
            assertEquals(
                    List.of(
                            error(
                                    "value",
                                    "value must not be sent for a RATIO indicator; it is computed as 100 * b / a"),
                            error("components", "components must not be sent for a RATIO indicator")),
                    MeasurementRules.validate(
                            IndicatorKind.RATIO,
                            Unit.PERCENT,
                            number("96"),
                            number("100"),
                            number("96"),
                            Map.of(ParIndexFixture.SIPAS, number("8.5")),
                            List.of()));
        }
    }

    @Nested
    class Value {

        private List<FieldError> validate(Unit unit, String value) {
            return MeasurementRules.validate(IndicatorKind.VALUE, unit, null, null, number(value), Map.of(), List.of());
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({
            "PERCENT, 0",
            "PERCENT, 100",
            "PERCENT, 100.000",
            "PERCENT, 82.10",
            "COUNT,   0",
            "COUNT,   29",
            "COUNT,   21.00",
            "POINTS,  86.14",
            "POINTS,  -2",
            "POINTS,  39.9613",
            "DAYS,    0",
            "DAYS,    2.5",
            "VND,     0",
            "VND,     1500000",
            "BOOLEAN, 0",
            "BOOLEAN, 1",
            "BOOLEAN, 1.00"
        })
        void acceptsValuesWithinTheirUnit(Unit unit, String value) {
            assertEquals(List.of(), validate(unit, value));
        }

        @ParameterizedTest(name = "{0} {1}: {2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "PERCENT | -0.1   | value must be between 0 and 100 for unit PERCENT",
                    "PERCENT | 100.01 | value must be between 0 and 100 for unit PERCENT",
                    "PERCENT | 101    | value must be between 0 and 100 for unit PERCENT",
                    "COUNT   | -1     | value must not be negative for unit COUNT",
                    "COUNT   | 2.5    | value must be a whole number for unit COUNT",
                    "DAYS    | -1     | value must not be negative for unit DAYS",
                    "DAYS    | -0.5   | value must not be negative for unit DAYS",
                    "VND     | -1000  | value must not be negative for unit VND",
                    "BOOLEAN | 2      | value must be 0 or 1 for unit BOOLEAN",
                    "BOOLEAN | 0.5    | value must be 0 or 1 for unit BOOLEAN",
                    "BOOLEAN | -1     | value must be 0 or 1 for unit BOOLEAN"
                })
        void rejectsValuesOutsideTheirUnit(Unit unit, String value, String message) {
            assertEquals(List.of(error("value", message)), validate(unit, value));
        }

        @Test
        void aNegativeFractionalCountBreaksBothCountRules() {
            assertEquals(
                    List.of(
                            error("value", "value must not be negative for unit COUNT"),
                            error("value", "value must be a whole number for unit COUNT")),
                    validate(Unit.COUNT, "-2.5"));
        }

        @Test
        void requiresTheValue() {
            assertEquals(
                    List.of(error("value", "value is required for a VALUE indicator")), validate(Unit.PERCENT, null));
        }

        @Test
        void rejectsRatioPartsAndComponents() {
            assertEquals(
                    List.of(
                            error("numerator", "numerator must not be sent for a VALUE indicator"),
                            error("denominator", "denominator must not be sent for a VALUE indicator"),
                            error("components", "components must not be sent for a VALUE indicator")),
                    MeasurementRules.validate(
                            IndicatorKind.VALUE,
                            Unit.PERCENT,
                            number("96"),
                            number("100"),
                            number("96"),
                            Map.of("A", BigDecimal.ONE),
                            List.of()));
        }
    }

    /** PAR INDEX of Kon Tum 2023, from Plan 2164/KH-UBND. */
    @Nested
    class Composite {

        private List<FieldError> validate(Map<String, BigDecimal> components) {
            return MeasurementRules.validate(
                    IndicatorKind.COMPOSITE, Unit.POINTS, null, null, null, components, ParIndexFixture.TOP_LEVEL);
        }

        @Test
        void acceptsKonTumsScores() {
            assertEquals(
                    List.of(),
                    validate(Map.of(
                            ParIndexFixture.ASSESSED, number("54.95"),
                            ParIndexFixture.SIPAS, number("8.5"),
                            ParIndexFixture.LEADER_SURVEY, number("18.33"),
                            ParIndexFixture.SOCIO_ECONOMIC, number("4.36"))));
        }

        @Test
        void acceptsAPartialEntryAndAGroupEnteredWithItsChildren() {
            assertAll(
                    () -> assertEquals(List.of(), validate(Map.of(ParIndexFixture.SIPAS, number("8.5")))),
                    () -> assertEquals(
                            List.of(),
                            validate(Map.of(
                                    ParIndexFixture.IMPACT, number("31.19"), ParIndexFixture.SIPAS, number("9")))));
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource({"SIPAS, 10", "SIPAS, 0", "ASSESSED, 61.5", "IMPACT, 38.50", "SOCIO_ECONOMIC, 6.5"})
        void acceptsPointsFromZeroToTheMaximum(String code, String points) {
            assertEquals(List.of(), validate(Map.of(code, number(points))));
        }

        @ParameterizedTest(name = "{0} = {1}: {2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "SIPAS          | 10.5  | component SIPAS must not exceed its maxPoints of 10",
                    "ASSESSED       | 62    | component ASSESSED must not exceed its maxPoints of 61.5",
                    "IMPACT         | 39    | component IMPACT must not exceed its maxPoints of 38.5",
                    "LEADER_SURVEY  | 22.01 | component LEADER_SURVEY must not exceed its maxPoints of 22",
                    "SOCIO_ECONOMIC | -0.1  | component SOCIO_ECONOMIC must not be negative",
                    "PAPI           | 39.96 | unknown component code PAPI",
                    "sipas          | 8.5   | unknown component code sipas"
                })
        void rejectsPointsOutsideTheComponentOrUnknownCodes(String code, String points, String message) {
            assertEquals(List.of(error("components[" + code + "]", message)), validate(Map.of(code, number(points))));
        }

        @Test
        void requiresAValueForEachEnteredCode() {
            Map<String, BigDecimal> entered = new HashMap<>();
            entered.put(ParIndexFixture.SIPAS, null);
            assertEquals(
                    List.of(error("components[SIPAS]", "value of component SIPAS is required")), validate(entered));
        }

        @Test
        void rejectsAnEmptyCode() {
            Map<String, BigDecimal> entered = new HashMap<>();
            entered.put(" ", BigDecimal.ONE);
            entered.put(null, BigDecimal.ONE);
            assertEquals(
                    List.of(
                            error("components", "component code must not be empty"),
                            error("components", "component code must not be empty")),
                    validate(entered));
        }

        @Test
        void reportsEveryComponentProblemInCodeOrder() {
            assertEquals(
                    List.of(
                            error("components[ASSESSED]", "component ASSESSED must not exceed its maxPoints of 61.5"),
                            error("components[PAPI]", "unknown component code PAPI"),
                            error("components[SIPAS]", "component SIPAS must not be negative")),
                    validate(Map.of("SIPAS", number("-1"), "PAPI", number("40"), "ASSESSED", number("70"))));
        }

        @Test
        void requiresAtLeastOneComponentValue() {
            String message = "components are required for a COMPOSITE indicator: enter at least one value";
            assertAll(
                    () -> assertEquals(List.of(error("components", message)), validate(Map.of())),
                    () -> assertEquals(List.of(error("components", message)), validate(null)));
        }

        @Test
        void needsAnIndicatorWithComponents() {
            List<Component> none = List.of();
            assertEquals(
                    List.of(error(
                            "components",
                            "the indicator defines no components, so no component values can be entered")),
                    MeasurementRules.validate(
                            IndicatorKind.COMPOSITE, Unit.POINTS, null, null, null, Map.of("A", BigDecimal.ONE), none));
        }

        @Test
        void rejectsATotalOrRatioPartsBecauseTheTotalIsComputed() {
            assertEquals(
                    List.of(
                            error("numerator", "numerator must not be sent for a COMPOSITE indicator"),
                            error("denominator", "denominator must not be sent for a COMPOSITE indicator"),
                            error(
                                    "value",
                                    "value must not be sent for a COMPOSITE indicator; it is the total of its"
                                            + " components")),
                    MeasurementRules.validate(
                            IndicatorKind.COMPOSITE,
                            Unit.POINTS,
                            number("1"),
                            number("2"),
                            number("86.14"),
                            Map.of(ParIndexFixture.SIPAS, number("8.5")),
                            ParIndexFixture.TOP_LEVEL));
        }
    }

    @Test
    void requiresTheKindAndTheUnit() {
        assertAll(
                () -> assertThrows(
                        NullPointerException.class,
                        () -> MeasurementRules.validate(null, Unit.PERCENT, null, null, BigDecimal.ONE, null, null)),
                () -> assertThrows(
                        NullPointerException.class,
                        () -> MeasurementRules.validate(
                                IndicatorKind.VALUE, null, null, null, BigDecimal.ONE, null, null)));
    }
}
