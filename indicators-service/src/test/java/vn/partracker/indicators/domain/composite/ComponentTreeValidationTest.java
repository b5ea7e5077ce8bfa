package vn.partracker.indicators.domain.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.partracker.indicators.domain.FieldError;

class ComponentTreeValidationTest {

    private static BigDecimal points(String text) {
        return new BigDecimal(text);
    }

    @Test
    void theParIndexTreeIsValidBothAsARootAndAsItsTopLevelComponents() {
        assertEquals(List.of(), CompositeCalculator.validateTree(List.of(ParIndexFixture.ROOT)));
        assertEquals(List.of(), CompositeCalculator.validateTree(ParIndexFixture.TOP_LEVEL));
    }

    @Test
    void anEmptyTreeIsValid() {
        assertEquals(List.of(), CompositeCalculator.validateTree(List.of()));
    }

    @Test
    void childrenMayAddUpToLessThanTheirParent() {
        Component onlySipasTracked = Component.group(
                "IMPACT", "Impact", points("38.5"), Component.leaf("SIPAS", "Chỉ số SIPAS", points("10")));
        assertEquals(List.of(), CompositeCalculator.validateTree(List.of(onlySipasTracked)));
    }

    static Stream<Arguments> malformedTrees() {
        Component sipas = Component.leaf("SIPAS", "Chỉ số SIPAS", points("10"));
        Component leaders = Component.leaf("LEADER_SURVEY", "Khảo sát lãnh đạo quản lý", points("22"));
        return Stream.of(
                Arguments.of(
                        "impact children 10 + 22 + 7 = 39 above 38.5",
                        List.of(
                                ParIndexFixture.ASSESSED_NODE,
                                Component.group(
                                        "IMPACT",
                                        "Impact",
                                        points("38.5"),
                                        sipas,
                                        leaders,
                                        Component.leaf("SOCIO_ECONOMIC", "KT-XH", points("7.0")))),
                        List.of(new FieldError(
                                "components[1].children",
                                "the children's maxPoints add up to 39, more than the maxPoints 38.5 of IMPACT"))),
                Arguments.of(
                        "root 100 with assessed 62 + impact 38.5",
                        List.of(Component.group(
                                "PAR_INDEX",
                                "PAR INDEX",
                                points("100"),
                                Component.leaf("ASSESSED", "Điểm thẩm định", points("62")),
                                ParIndexFixture.IMPACT_NODE)),
                        List.of(new FieldError(
                                "components[0].children",
                                "the children's maxPoints add up to 100.5, more than the maxPoints 100 of PAR_INDEX"))),
                Arguments.of(
                        "a code used twice, at different depths",
                        List.of(Component.group("IMPACT", "Impact", points("38.5"), sipas), sipas),
                        List.of(new FieldError(
                                "components[1].code",
                                "component code SIPAS is used twice; codes must be unique (first at "
                                        + "components[0].children[0].code)"))),
                Arguments.of(
                        "a missing code",
                        List.of(new Component(null, "SIPAS", points("10"), List.of())),
                        List.of(new FieldError("components[0].code", "component code is required"))),
                Arguments.of(
                        "a blank code",
                        List.of(Component.group(
                                "IMPACT", "Impact", points("38.5"), Component.leaf(" ", "x", points("1")))),
                        List.of(new FieldError("components[0].children[0].code", "component code is required"))),
                Arguments.of(
                        "a missing maxPoints",
                        List.of(Component.leaf("SIPAS", "SIPAS", null)),
                        List.of(new FieldError("components[0].maxPoints", "maxPoints is required"))),
                Arguments.of(
                        "a zero maxPoints",
                        List.of(Component.leaf("SIPAS", "SIPAS", points("0"))),
                        List.of(new FieldError("components[0].maxPoints", "maxPoints must be greater than 0"))),
                Arguments.of(
                        "a negative maxPoints",
                        List.of(Component.leaf("SIPAS", "SIPAS", points("-10"))),
                        List.of(new FieldError("components[0].maxPoints", "maxPoints must be greater than 0"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTrees")
    void reportsEachProblemAtItsField(String description, List<Component> roots, List<FieldError> expected) {
        assertEquals(expected, CompositeCalculator.validateTree(roots));
    }

    @Test
    void aNullComponentIsReported() {
        List<Component> roots = new ArrayList<>();
        roots.add(null);
        assertEquals(
                List.of(new FieldError("components[0]", "component must not be null")),
                CompositeCalculator.validateTree(roots));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Component bad = Component.group(
                "IMPACT",
                "Impact",
                points("5"),
                Component.leaf("SIPAS", "SIPAS", points("10")),
                Component.leaf("SIPAS", "SIPAS again", null));
        assertEquals(
                List.of(
                        new FieldError(
                                "components[0].children[1].code",
                                "component code SIPAS is used twice; codes must be unique (first at "
                                        + "components[0].children[0].code)"),
                        new FieldError("components[0].children[1].maxPoints", "maxPoints is required"),
                        new FieldError(
                                "components[0].children",
                                "the children's maxPoints add up to 10, more than the maxPoints 5 of IMPACT")),
                CompositeCalculator.validateTree(List.of(bad)));
    }
}
