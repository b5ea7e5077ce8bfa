package vn.partracker.indicators.domain.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of an indicator's definition that its figures were measured in: kind (b/a, a value or a component tree),
 * unit, frequency (which periods exist) and the component tree (what the points add up to). Once a figure exists
 * these cannot change: the stored values would mean something else and reports, which select figures by the
 * indicator's current frequency, would silently drop them. A changed measure is a new indicator.
 *
 * <p>Everything else (name, labels, targets, direction, performing and evaluating agencies, legal basis) may still
 * change; a target change re-evaluates the achievement of the stored figures instead.
 *
 * @param kind the {@link IndicatorKind} name
 * @param unit the {@link Unit} name
 * @param frequency the frequency name
 * @param components the component tree as stored (canonical JSON), {@code []} when there is none
 */
public record FixedDefinition(String kind, String unit, String frequency, String components) {

    /** The fields, in the order a problem names them. */
    public static final List<String> FIELDS = List.of("kind", "unit", "frequency", "components");

    /**
     * @param next the definition a change asks for
     * @return the fixed fields the change would alter, in {@link #FIELDS} order; empty when it keeps them all
     */
    public List<String> changedBy(FixedDefinition next) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(kind, next.kind)) {
            changed.add("kind");
        }
        if (!Objects.equals(unit, next.unit)) {
            changed.add("unit");
        }
        if (!Objects.equals(frequency, next.frequency)) {
            changed.add("frequency");
        }
        if (!Objects.equals(normalise(components), normalise(next.components))) {
            changed.add("components");
        }
        return changed;
    }

    /** What the field was and what the change asks for, for the problem's field errors. */
    public String describe(String field, FixedDefinition next) {
        return switch (field) {
            case "kind" -> "was " + kind + ", the change asks for " + next.kind;
            case "unit" -> "was " + unit + ", the change asks for " + next.unit;
            case "frequency" -> "was " + frequency + ", the change asks for " + next.frequency;
            default -> "the component tree differs from the one the figures were entered in";
        };
    }

    private static String normalise(String components) {
        return components == null || components.isBlank() ? "[]" : components.strip();
    }
}
