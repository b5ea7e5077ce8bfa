package vn.partracker.support.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for search, so "so noi vu" finds "Sở Nội vụ".
 *
 * <p>Unicode decomposition removes the tone and vowel marks; đ/Đ is a separate letter, not a base letter with a
 * combining mark, so it is mapped to d by hand. Whitespace runs collapse to one space.
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private VietnameseText() {}

    /** Lower-case, accent-free, đ→d, single-spaced form of {@code text}; {@code null} stays {@code null}. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String mapped = stripped.replace('đ', 'd').replace('Đ', 'd');
        return WHITESPACE
                .matcher(mapped.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .trim();
    }

    /** Whether {@code haystack} contains {@code needle} after both are folded. */
    public static boolean containsFolded(String haystack, String needle) {
        if (haystack == null || needle == null) {
            return false;
        }
        return fold(haystack).contains(fold(needle));
    }
}
