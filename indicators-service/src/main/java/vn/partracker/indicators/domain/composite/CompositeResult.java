package vn.partracker.indicators.domain.composite;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The points of a composite figure: the total, the value of every node that has one, and what is still missing.
 *
 * <p>A figure may be submitted before all components are known (the leader survey results often come later), so a
 * partial total is a normal result; {@link #complete()} tells the two apart.
 *
 * @param total the sum of the root components' values; zero when nothing was entered
 * @param subtotals the value of every node that has one, in tree order (a node before its children): entered
 *     directly, or the sum of its children's values. Nodes without any value, and nodes below a directly entered
 *     one, are absent
 * @param missingLeaves codes of the leaves that have no value and no directly entered ancestor, in tree order
 * @param overridden codes that were entered but ignored because an ancestor was entered directly, in tree order
 */
public record CompositeResult(
        BigDecimal total, Map<String, BigDecimal> subtotals, List<String> missingLeaves, List<String> overridden) {

    /** Requires every part and keeps unmodifiable copies that preserve the tree order. */
    public CompositeResult {
        Objects.requireNonNull(total, "total");
        subtotals = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(subtotals, "subtotals")));
        missingLeaves = List.copyOf(missingLeaves);
        overridden = List.copyOf(overridden);
    }

    /** @return {@code true} when no leaf is missing, so the total is final rather than partial */
    public boolean complete() {
        return missingLeaves.isEmpty();
    }
}
