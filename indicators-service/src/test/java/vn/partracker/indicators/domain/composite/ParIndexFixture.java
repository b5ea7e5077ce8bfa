package vn.partracker.indicators.domain.composite;

import java.math.BigDecimal;
import java.util.List;

/**
 * The PAR INDEX component tree and Kon Tum's 2023 scores, from Plan 2164/KH-UBND (20 Jun 2024): "Chỉ số PAR INDEX
 * đạt 86,14 điểm (trong đó, điểm thẩm định là 54,95/61,5 điểm, điểm đánh giá tác động của cải cách hành chính đạt
 * 31,19/38,5 điểm (gồm Chỉ số SIPAS đạt 8,5/10 điểm; khảo sát lãnh đạo quản lý đạt 18,33/22 điểm; tác động đến phát
 * triển kinh tế - xã hội đạt 4,36/6,5 điểm)".
 */
public final class ParIndexFixture {

    public static final String PAR_INDEX = "PAR_INDEX";
    public static final String ASSESSED = "ASSESSED";
    public static final String IMPACT = "IMPACT";
    public static final String SIPAS = "SIPAS";
    public static final String LEADER_SURVEY = "LEADER_SURVEY";
    public static final String SOCIO_ECONOMIC = "SOCIO_ECONOMIC";

    public static final Component ASSESSED_NODE = Component.leaf(ASSESSED, "Điểm thẩm định", new BigDecimal("61.5"));
    public static final Component IMPACT_NODE = Component.group(
            IMPACT,
            "Điểm đánh giá tác động của cải cách hành chính",
            new BigDecimal("38.5"),
            Component.leaf(SIPAS, "Chỉ số SIPAS", new BigDecimal("10")),
            Component.leaf(LEADER_SURVEY, "Khảo sát lãnh đạo quản lý", new BigDecimal("22")),
            Component.leaf(SOCIO_ECONOMIC, "Tác động đến phát triển kinh tế - xã hội", new BigDecimal("6.5")));
    public static final Component ROOT =
            Component.group(PAR_INDEX, "Chỉ số PAR INDEX", new BigDecimal("100"), ASSESSED_NODE, IMPACT_NODE);

    /** The tree as an indicator definition lists it: its top-level components. */
    public static final List<Component> TOP_LEVEL = List.of(ASSESSED_NODE, IMPACT_NODE);

    private ParIndexFixture() {}
}
