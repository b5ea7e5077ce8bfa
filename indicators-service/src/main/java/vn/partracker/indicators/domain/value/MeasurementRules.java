package vn.partracker.indicators.domain.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vn.partracker.indicators.domain.FieldError;
import vn.partracker.indicators.domain.composite.Component;
import vn.partracker.indicators.domain.composite.CompositeCalculator;

/**
 * Checks the figures of one measurement against its indicator's kind and unit, before anything is computed or
 * stored.
 *
 * <p>All problems are reported at once, as field errors for the {@code errors[]} of a 400 response, so a reporter
 * can fix a submission in one go. The rules:
 *
 * <ul>
 *   <li>{@code RATIO}: numerator b and denominator a are required, {@code a > 0}, {@code 0 <= b <= a}. The value is
 *       computed ({@link RatioValue}) and must not be sent.
 *   <li>{@code VALUE}: the value is required; by unit, {@code PERCENT} lies within 0–100, {@code COUNT} is a
 *       non-negative whole number, {@code DAYS} and {@code VND} are not negative, {@code BOOLEAN} is 0 or 1.
 *       {@code POINTS} has no general bound, since scoring schemes may deduct points; composite maxima bound the
 *       points of components.
 *   <li>{@code COMPOSITE}: at least one component value; each code exists in the indicator's component tree and its
 *       points lie within 0 and that component's {@code maxPoints}. The total is computed
 *       ({@link CompositeCalculator}) and must not be sent. Values for both a group and its children are accepted:
 *       the group's value overrides its children's.
 * </ul>
 *
 * <p>Fields that do not belong to the indicator's kind are rejected rather than ignored: a value sent with a ratio
 * might disagree with b / a, and silently dropping it would hide the reporter's mistake.
 */
public final class MeasurementRules {

    private MeasurementRules() {}

    /**
     * Validates one measurement.
     *
     * @param kind the indicator's kind
     * @param unit the indicator's unit
     * @param numerator b of a ratio, else {@code null}
     * @param denominator a of a ratio, else {@code null}
     * @param value the value of a VALUE indicator, else {@code null}
     * @param components component code to points of a COMPOSITE indicator; {@code null} or empty otherwise
     * @param componentTree the indicator's top-level components; {@code null} or empty unless COMPOSITE
     * @return the problems found, in field order; empty when the measurement is valid
     */
    public static List<FieldError> validate(
            IndicatorKind kind,
            Unit unit,
            BigDecimal numerator,
            BigDecimal denominator,
            BigDecimal value,
            Map<String, BigDecimal> components,
            List<Component> componentTree) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Map<String, BigDecimal> entered = components == null ? Map.of() : components;
        List<Component> tree = componentTree == null ? List.of() : componentTree;
        List<FieldError> errors = new ArrayList<>();
        switch (kind) {
            case RATIO -> validateRatio(numerator, denominator, value, entered, errors);
            case VALUE -> validateValue(unit, numerator, denominator, value, entered, errors);
            case COMPOSITE -> validateComposite(numerator, denominator, value, entered, tree, errors);
        }
        return List.copyOf(errors);
    }

    private static void validateRatio(
            BigDecimal numerator,
            BigDecimal denominator,
            BigDecimal value,
            Map<String, BigDecimal> components,
            List<FieldError> errors) {
        if (numerator == null) {
            errors.add(new FieldError("numerator", "numerator (b) is required for a RATIO indicator"));
        } else if (numerator.signum() < 0) {
            errors.add(new FieldError("numerator", "numerator must not be negative (b >= 0)"));
        }
        if (denominator == null) {
            errors.add(new FieldError("denominator", "denominator (a) is required for a RATIO indicator"));
        } else if (denominator.signum() <= 0) {
            errors.add(new FieldError("denominator", "denominator must be greater than 0 (a > 0)"));
        }
        if (numerator != null
                && denominator != null
                && denominator.signum() > 0
                && numerator.compareTo(denominator) > 0) {
            errors.add(new FieldError("numerator", "numerator must not exceed the denominator (b <= a)"));
        }
        if (value != null) {
            errors.add(new FieldError(
                    "value", "value must not be sent for a RATIO indicator; it is computed as 100 * b / a"));
        }
        rejectComponents(components, IndicatorKind.RATIO, errors);
    }

    private static void validateValue(
            Unit unit,
            BigDecimal numerator,
            BigDecimal denominator,
            BigDecimal value,
            Map<String, BigDecimal> components,
            List<FieldError> errors) {
        rejectRatioParts(numerator, denominator, IndicatorKind.VALUE, errors);
        if (value == null) {
            errors.add(new FieldError("value", "value is required for a VALUE indicator"));
        } else {
            validateUnit(unit, value, errors);
        }
        rejectComponents(components, IndicatorKind.VALUE, errors);
    }

    private static void validateUnit(Unit unit, BigDecimal value, List<FieldError> errors) {
        switch (unit) {
            case PERCENT -> {
                if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                    errors.add(new FieldError("value", "value must be between 0 and 100 for unit PERCENT"));
                }
            }
            case COUNT -> {
                if (value.signum() < 0) {
                    errors.add(new FieldError("value", "value must not be negative for unit COUNT"));
                }
                if (value.stripTrailingZeros().scale() > 0) {
                    errors.add(new FieldError("value", "value must be a whole number for unit COUNT"));
                }
            }
            case DAYS, VND -> {
                if (value.signum() < 0) {
                    errors.add(new FieldError("value", "value must not be negative for unit " + unit));
                }
            }
            case BOOLEAN -> {
                if (value.compareTo(BigDecimal.ZERO) != 0 && value.compareTo(BigDecimal.ONE) != 0) {
                    errors.add(new FieldError("value", "value must be 0 or 1 for unit BOOLEAN"));
                }
            }
            case POINTS -> {}
        }
    }

    private static void validateComposite(
            BigDecimal numerator,
            BigDecimal denominator,
            BigDecimal value,
            Map<String, BigDecimal> components,
            List<Component> tree,
            List<FieldError> errors) {
        rejectRatioParts(numerator, denominator, IndicatorKind.COMPOSITE, errors);
        if (value != null) {
            errors.add(new FieldError(
                    "value", "value must not be sent for a COMPOSITE indicator; it is the total of its components"));
        }
        if (tree.isEmpty()) {
            errors.add(new FieldError(
                    "components", "the indicator defines no components, so no component values can be entered"));
            return;
        }
        if (components.isEmpty()) {
            errors.add(new FieldError(
                    "components", "components are required for a COMPOSITE indicator: enter at least one value"));
            return;
        }
        Map<String, Component> known = CompositeCalculator.index(tree);
        Map<String, BigDecimal> sorted = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> entry : components.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                errors.add(new FieldError("components", "component code must not be empty"));
            } else {
                sorted.put(entry.getKey(), entry.getValue());
            }
        }
        sorted.forEach((code, points) -> validateComponent(code, points, known.get(code), errors));
    }

    private static void validateComponent(
            String code, BigDecimal points, Component component, List<FieldError> errors) {
        String field = "components[" + code + "]";
        if (component == null) {
            errors.add(new FieldError(field, "unknown component code " + code));
            return;
        }
        if (points == null) {
            errors.add(new FieldError(field, "value of component " + code + " is required"));
            return;
        }
        if (points.signum() < 0) {
            errors.add(new FieldError(field, "component " + code + " must not be negative"));
        }
        BigDecimal max = component.maxPoints();
        if (max != null && points.compareTo(max) > 0) {
            errors.add(new FieldError(
                    field,
                    "component " + code + " must not exceed its maxPoints of "
                            + max.stripTrailingZeros().toPlainString()));
        }
    }

    private static void rejectRatioParts(
            BigDecimal numerator, BigDecimal denominator, IndicatorKind kind, List<FieldError> errors) {
        if (numerator != null) {
            errors.add(new FieldError("numerator", "numerator must not be sent for a " + kind + " indicator"));
        }
        if (denominator != null) {
            errors.add(new FieldError("denominator", "denominator must not be sent for a " + kind + " indicator"));
        }
    }

    private static void rejectComponents(
            Map<String, BigDecimal> components, IndicatorKind kind, List<FieldError> errors) {
        if (!components.isEmpty()) {
            errors.add(new FieldError("components", "components must not be sent for a " + kind + " indicator"));
        }
    }
}
