package vn.partracker.indicators.domain.composite;

import java.math.BigDecimal;
import java.util.List;

/**
 * One node of a composite indicator's component tree, such as "impact of PAR" (38.5 points) with its children SIPAS
 * (10), leader survey (22) and socio-economic impact (6.5).
 *
 * <p>The record only holds the tree; whether it is well formed (codes present and unique, maxima positive and not
 * exceeded by the children) is checked by {@link CompositeCalculator#validateTree(List)}, so that a bad definition
 * comes back as field errors instead of an exception.
 *
 * @param code the stable code figures are entered under, unique within the tree
 * @param name the display name, e.g. "Chỉ số SIPAS"
 * @param maxPoints the most points the node can score
 * @param children the sub-components; {@code null} is taken as none, which makes the node a leaf
 */
public record Component(String code, String name, BigDecimal maxPoints, List<Component> children) {

    /** Keeps an unmodifiable copy of the children. */
    public Component {
        children = children == null ? List.of() : List.copyOf(children);
    }

    /**
     * @param code the component code
     * @param name the display name
     * @param maxPoints the most points the component can score
     * @return a component without children
     */
    public static Component leaf(String code, String name, BigDecimal maxPoints) {
        return new Component(code, name, maxPoints, List.of());
    }

    /**
     * @param code the component code
     * @param name the display name
     * @param maxPoints the most points the group can score
     * @param children its sub-components
     * @return a component made of sub-components
     */
    public static Component group(String code, String name, BigDecimal maxPoints, Component... children) {
        return new Component(code, name, maxPoints, List.of(children));
    }

    /** @return {@code true} when the component has no children, so its value can only be entered */
    public boolean isLeaf() {
        return children.isEmpty();
    }
}
