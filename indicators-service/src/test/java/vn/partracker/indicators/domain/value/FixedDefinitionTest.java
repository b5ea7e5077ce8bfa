package vn.partracker.indicators.domain.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What may not change in an indicator once it has figures, with Kon Tum 59/QĐ-UBND's indicators. */
class FixedDefinitionTest {

    /** III.7 "Mức độ hài lòng …": a yearly percentage. */
    private static final FixedDefinition SATISFACTION = new FixedDefinition("VALUE", "PERCENT", "ANNUAL", "[]");

    private static final String PAR_INDEX =
            "[{\"code\":\"ASSESSED\",\"maxPoints\":61.5},{\"code\":\"IMPACT\",\"maxPoints\":38.5}]";

    @Test
    void theSameMeasureChangesNothingFixed() {
        assertTrue(SATISFACTION
                .changedBy(new FixedDefinition("VALUE", "PERCENT", "ANNUAL", "[]"))
                .isEmpty());
        assertTrue(SATISFACTION
                .changedBy(new FixedDefinition("VALUE", "PERCENT", "ANNUAL", null))
                .isEmpty());
    }

    @Test
    void namesEveryFixedFieldAChangeWouldAlterInOrder() {
        FixedDefinition quarterlyPoints = new FixedDefinition("VALUE", "POINTS", "QUARTERLY", "[]");
        assertEquals(List.of("unit", "frequency"), SATISFACTION.changedBy(quarterlyPoints));
        assertEquals("was PERCENT, the change asks for POINTS", SATISFACTION.describe("unit", quarterlyPoints));
        FixedDefinition ratio = new FixedDefinition("RATIO", "PERCENT", "ANNUAL", "[]");
        assertEquals(List.of("kind"), SATISFACTION.changedBy(ratio));
    }

    @Test
    void aDifferentComponentTreeIsAChangeOfMeasure() {
        FixedDefinition parIndex = new FixedDefinition("COMPOSITE", "POINTS", "ANNUAL", PAR_INDEX);
        String reweighted = PAR_INDEX.replace("61.5", "60").replace("38.5", "40");
        assertEquals(
                List.of("components"),
                parIndex.changedBy(new FixedDefinition("COMPOSITE", "POINTS", "ANNUAL", reweighted)));
        assertTrue(parIndex.changedBy(new FixedDefinition("COMPOSITE", "POINTS", "ANNUAL", PAR_INDEX))
                .isEmpty());
    }
}
