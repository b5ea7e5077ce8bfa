package vn.partracker.plans.domain.timeframe;

import java.text.Normalizer;

/**
 * A timeframe text in two aligned forms: {@code display} (NFC, single spaces) for quoting parts of it back, and
 * {@code folded} (lower case, no accents, "đ" as "d") for matching. Both have the same length and character {@code i}
 * of one corresponds to character {@code i} of the other, so a match found in {@code folded} can be cut out of
 * {@code display} with the same indices.
 *
 * <p>Folding per character (rather than normalising the whole string and stripping marks) is what keeps the two
 * aligned: every NFC character maps to exactly one folded character.
 */
record FoldedText(String display, String folded) {

    private static final String TRAILING_PUNCTUATION = ".;,:";

    /**
     * Normalises {@code text}: NFC, every run of whitespace (including no-break spaces and line breaks) as one space,
     * invisible format characters and Markdown emphasis ({@code *}) dropped, dashes as "-", leading list bullets and
     * trailing sentence punctuation removed.
     */
    static FoldedText of(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder display = new StringBuilder(nfc.length());
        StringBuilder folded = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.FORMAT || c == '*') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!display.isEmpty() && display.charAt(display.length() - 1) != ' ') {
                    display.append(' ');
                    folded.append(' ');
                }
                continue;
            }
            display.append(c);
            folded.append(fold(c));
        }
        int begin = 0;
        int end = display.length();
        while (begin < end && isBullet(display.charAt(begin))) {
            begin++;
        }
        while (end > begin
                && (display.charAt(end - 1) == ' ' || TRAILING_PUNCTUATION.indexOf(display.charAt(end - 1)) >= 0)) {
            end--;
        }
        return new FoldedText(display.substring(begin, end), folded.substring(begin, end));
    }

    private static boolean isBullet(char c) {
        return c == ' ' || c == '-' || c == '+' || c == '•';
    }

    /**
     * Folds one character. "ƿ" and "Ƕ" are not Vietnamese: they stand for "ĩ" and "ỳ" in text extracted with a
     * broken font mapping, as in the Kon Tum 59/QĐ-UBND seed ("lƿnh vực", "định kǶ").
     */
    private static char fold(char c) {
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        switch (c) {
            case 'đ', 'Đ', 'ð', 'Ð':
                return 'd';
            case 'ƿ', 'Ƿ':
                return 'i';
            case 'Ƕ', 'ƕ':
                return 'y';
            case '–', '—', '−', '‐', '‑', '‒':
                return '-';
            default:
                char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                        .charAt(0);
                return Character.toLowerCase(base);
        }
    }
}
