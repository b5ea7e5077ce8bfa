package vn.partracker.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A deliberately small subset of JSONPath for demo manifests: {@code $}, {@code .field} and {@code [index]}, e.g.
 * {@code $.items[0].code} or {@code $[20]}. Enough to wait for a projection to appear; no filters or wildcards.
 */
public final class JsonPath {

    private final String expression;
    private final List<Object> segments;

    private JsonPath(String expression, List<Object> segments) {
        this.expression = expression;
        this.segments = segments;
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException when the expression is not in the supported subset
     */
    public static JsonPath parse(String expression) {
        String text = expression.trim();
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("JSON path must start with '$': " + expression);
        }
        List<Object> segments = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("Empty field name in JSON path: " + expression);
                }
                segments.add(text.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int end = text.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed '[' in JSON path: " + expression);
                }
                try {
                    segments.add(Integer.parseInt(text.substring(i + 1, end).trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "Only numeric indexes are supported in JSON path: " + expression);
                }
                i = end + 1;
            } else {
                throw new IllegalArgumentException("Unexpected '" + c + "' in JSON path: " + expression);
            }
        }
        return new JsonPath(text, List.copyOf(segments));
    }

    /** Returns the node at this path, or empty when any step is missing (a negative index counts from the end). */
    public Optional<JsonNode> select(JsonNode root) {
        JsonNode node = root;
        for (Object segment : segments) {
            if (node == null) {
                return Optional.empty();
            }
            if (segment instanceof Integer index) {
                if (!node.isArray()) {
                    return Optional.empty();
                }
                int position = index < 0 ? node.size() + index : index;
                node = node.get(position);
            } else {
                node = node.isObject() ? node.get((String) segment) : null;
            }
        }
        return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    @Override
    public String toString() {
        return expression;
    }
}
