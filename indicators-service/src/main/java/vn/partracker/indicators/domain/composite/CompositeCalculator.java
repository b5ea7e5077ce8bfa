package vn.partracker.indicators.domain.composite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.partracker.indicators.domain.FieldError;

/**
 * Adds up the points of a composite indicator such as PAR INDEX and checks that its component tree is well formed.
 *
 * <p>The value of a node is the value entered for it directly, otherwise the sum of its children's values. Entering
 * a group directly overrides its children: the source documents often publish only the group score (impact 31.19 /
 * 38.5), and the detailed scores arriving later must not be added twice. Arithmetic is exact {@link BigDecimal}
 * addition, so 54.95 + 31.19 is 86.14 and not 86.13999….
 */
public final class CompositeCalculator {

    private CompositeCalculator() {}

    /**
     * Computes a tree with a single root, e.g. PAR INDEX (100) over assessed (61.5) and impact (38.5).
     *
     * @param root the root component
     * @param entered component code to entered points; a {@code null} value counts as not entered
     * @return the total and subtotals
     * @throws IllegalArgumentException when the tree is malformed or a code is not in it
     */
    public static CompositeResult compute(Component root, Map<String, BigDecimal> entered) {
        return compute(List.of(Objects.requireNonNull(root, "root")), entered);
    }

    /**
     * Computes a tree given as its top-level components, as in the {@code components} of an indicator definition;
     * the total is the sum of their values.
     *
     * <p>Bounds of the entered points (not negative, within {@code maxPoints}) are not checked here; they are field
     * errors reported by {@link vn.partracker.indicators.domain.value.MeasurementRules} before computing.
     *
     * @param roots the top-level components
     * @param entered component code to entered points; a {@code null} value counts as not entered
     * @return the total and subtotals
     * @throws IllegalArgumentException when the tree is malformed or a code is not in it
     */
    public static CompositeResult compute(List<Component> roots, Map<String, BigDecimal> entered) {
        Objects.requireNonNull(roots, "roots");
        Objects.requireNonNull(entered, "entered");
        List<FieldError> treeErrors = validateTree(roots);
        if (!treeErrors.isEmpty()) {
            throw new IllegalArgumentException("malformed component tree: "
                    + treeErrors.stream()
                            .map(error -> error.field() + ": " + error.message())
                            .collect(Collectors.joining("; ")));
        }
        Map<String, Component> known = index(roots);
        TreeSet<String> unknown = new TreeSet<>();
        for (String code : entered.keySet()) {
            if (code == null || !known.containsKey(code)) {
                unknown.add(String.valueOf(code));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown component code(s): " + String.join(", ", unknown));
        }
        Walk walk = new Walk(entered);
        BigDecimal total = BigDecimal.ZERO;
        for (Component root : roots) {
            BigDecimal value = walk.valueOf(root);
            if (value != null) {
                total = total.add(value);
            }
        }
        return new CompositeResult(total, walk.subtotals, walk.missingLeaves, walk.overridden);
    }

    /**
     * Checks an indicator's component tree: every node has a code that no other node uses and a {@code maxPoints}
     * above 0, and the children's {@code maxPoints} add up to no more than their parent's (PAR INDEX: 61.5 + 38.5 =
     * 100; impact: 10 + 22 + 6.5 = 38.5). Children summing to less are allowed, since a plan may track only some
     * sub-scores of a group; children without {@code maxPoints} are left out of the sum (and reported themselves).
     * An empty tree is valid here; whether an indicator needs components is decided by its kind.
     *
     * @param roots the top-level components
     * @return the problems found, with fields such as {@code components[1].children[0].maxPoints}; empty when valid
     */
    public static List<FieldError> validateTree(List<Component> roots) {
        Objects.requireNonNull(roots, "roots");
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> firstUse = new HashMap<>();
        for (int i = 0; i < roots.size(); i++) {
            validateNode(roots.get(i), "components[" + i + "]", firstUse, errors);
        }
        return List.copyOf(errors);
    }

    /**
     * Lists every node of a tree by code, for lookups of entered values. On a duplicate code the first node in tree
     * order is kept; {@link #validateTree(List)} reports the duplicate.
     *
     * @param roots the top-level components
     * @return code to component, in tree order, unmodifiable
     */
    public static Map<String, Component> index(List<Component> roots) {
        Objects.requireNonNull(roots, "roots");
        Map<String, Component> byCode = new LinkedHashMap<>();
        for (Component root : roots) {
            addToIndex(root, byCode);
        }
        return Collections.unmodifiableMap(byCode);
    }

    private static void addToIndex(Component node, Map<String, Component> byCode) {
        if (node == null) {
            return;
        }
        if (node.code() != null) {
            byCode.putIfAbsent(node.code(), node);
        }
        for (Component child : node.children()) {
            addToIndex(child, byCode);
        }
    }

    private static void validateNode(
            Component node, String path, Map<String, String> firstUse, List<FieldError> errors) {
        if (node == null) {
            errors.add(new FieldError(path, "component must not be null"));
            return;
        }
        if (node.code() == null || node.code().isBlank()) {
            errors.add(new FieldError(path + ".code", "component code is required"));
        } else {
            String earlier = firstUse.putIfAbsent(node.code(), path + ".code");
            if (earlier != null) {
                errors.add(new FieldError(
                        path + ".code",
                        "component code " + node.code() + " is used twice; codes must be unique (first at " + earlier
                                + ")"));
            }
        }
        if (node.maxPoints() == null) {
            errors.add(new FieldError(path + ".maxPoints", "maxPoints is required"));
        } else if (node.maxPoints().signum() <= 0) {
            errors.add(new FieldError(path + ".maxPoints", "maxPoints must be greater than 0"));
        }
        BigDecimal childrenSum = BigDecimal.ZERO;
        for (int i = 0; i < node.children().size(); i++) {
            Component child = node.children().get(i);
            validateNode(child, path + ".children[" + i + "]", firstUse, errors);
            if (child.maxPoints() != null) {
                childrenSum = childrenSum.add(child.maxPoints());
            }
        }
        boolean parentMaxValid = node.maxPoints() != null && node.maxPoints().signum() > 0;
        if (parentMaxValid && childrenSum.compareTo(node.maxPoints()) > 0) {
            errors.add(new FieldError(
                    path + ".children",
                    "the children's maxPoints add up to " + plain(childrenSum) + ", more than the maxPoints "
                            + plain(node.maxPoints()) + " of " + node.code()));
        }
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** State of one computation, kept together so the recursion needs no long parameter lists. */
    private static final class Walk {
        private final Map<String, BigDecimal> entered;
        private final Map<String, BigDecimal> subtotals = new LinkedHashMap<>();
        private final List<String> missingLeaves = new ArrayList<>();
        private final List<String> overridden = new ArrayList<>();

        Walk(Map<String, BigDecimal> entered) {
            this.entered = entered;
        }

        BigDecimal valueOf(Component node) {
            BigDecimal direct = entered.get(node.code());
            if (direct != null) {
                subtotals.put(node.code(), direct);
                node.children().forEach(this::collectOverridden);
                return direct;
            }
            if (node.isLeaf()) {
                missingLeaves.add(node.code());
                return null;
            }
            subtotals.put(node.code(), BigDecimal.ZERO);
            BigDecimal sum = null;
            for (Component child : node.children()) {
                BigDecimal value = valueOf(child);
                if (value != null) {
                    sum = sum == null ? value : sum.add(value);
                }
            }
            if (sum == null) {
                subtotals.remove(node.code());
            } else {
                subtotals.put(node.code(), sum);
            }
            return sum;
        }

        private void collectOverridden(Component node) {
            if (entered.get(node.code()) != null) {
                overridden.add(node.code());
            }
            node.children().forEach(this::collectOverridden);
        }
    }
}
