package vn.partracker.reporting.domain.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The differences between two JSON documents as a list of leaf paths, for "changed since finalization". Arrays of
 * objects are matched by their id field (indicatorId, agencyId, assignmentId) rather than by position, so a new
 * child row shows as one addition instead of shifting every row after it. Numbers compare by value (96.0 = 96).
 */
public final class JsonDiff {

    private static final List<String> ID_FIELDS = List.of("indicatorId", "agencyId", "assignmentId");

    private JsonDiff() {}

    /**
     * One difference.
     *
     * @param before the value in the first document, {@code null} when absent
     * @param after the value in the second document, {@code null} when absent
     */
    public record Difference(String path, JsonNode before, JsonNode after) {}

    /**
     * The differing leaves of {@code before} and {@code after}, ignoring the named fields at any depth.
     *
     * @param limit the most differences returned
     */
    public static List<Difference> diff(JsonNode before, JsonNode after, Set<String> ignored, int limit) {
        List<Difference> out = new ArrayList<>();
        walk("", before, after, ignored, out, limit);
        return out;
    }

    private static void walk(
            String path, JsonNode a, JsonNode b, Set<String> ignored, List<Difference> out, int limit) {
        if (out.size() >= limit) {
            return;
        }
        if (isMissing(a) && isMissing(b)) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!ignored.contains(name)) {
                    walk(join(path, name), a.get(name), b.get(name), ignored, out, limit);
                }
            }
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray()) {
            String id = idField(a, b);
            if (id == null) {
                for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                    walk(path + "[" + i + "]", a.get(i), b.get(i), ignored, out, limit);
                }
            } else {
                Map<String, JsonNode> left = byId(a, id);
                Map<String, JsonNode> right = byId(b, id);
                Set<String> keys = new LinkedHashSet<>(left.keySet());
                keys.addAll(right.keySet());
                for (String key : keys) {
                    walk(path + "[" + id + "=" + key + "]", left.get(key), right.get(key), ignored, out, limit);
                }
            }
            return;
        }
        if (!same(a, b)) {
            out.add(new Difference(path, a, b));
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (isMissing(a) || isMissing(b)) {
            return isMissing(a) && isMissing(b);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static boolean isMissing(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    private static String idField(JsonNode a, JsonNode b) {
        for (String candidate : ID_FIELDS) {
            if (allHave(a, candidate) && allHave(b, candidate) && (a.size() > 0 || b.size() > 0)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean allHave(JsonNode array, String field) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            if (!e.isObject() || isMissing(e.get(field))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byId(JsonNode array, String field) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        array.elements().forEachRemaining(e -> result.put(e.get(field).asText(), e));
        return result;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
