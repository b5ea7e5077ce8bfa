package vn.partracker.plans.domain.timeframe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a {@link FoldedText} into the {@link Token}s that {@link TimeframeGrammar} reads.
 *
 * <p>The tokenizer settles everything that can be decided without looking at the surrounding words, so that the
 * grammar only deals with meaning:
 *
 * <ul>
 *   <li>Numbers joined by "/", "." or "-" become dates: {@code 15/10/2025}, {@code 15.10.2025} and
 *       {@code 15-10-2025} are a {@link Token.Type#DATE} with a year, {@code 15/12} one without, {@code 7/2024} and
 *       {@code 09-2025} a {@link Token.Type#MONTH_YEAR}. Spaces around "/" are extraction noise ("15 / 10 / 2025");
 *       around "." and "-" they are not, because there a dot ends a sentence and a dash joins a range ("2022 - 2025",
 *       "3-4/2025"). A year split in two by extraction ("15/10/20 25", "9/20 25") is joined, which is unambiguous
 *       because a 2-digit year is never written in these plans.
 *   <li>Document numbers ("01/2020/TT-VPCP", "59/QĐ-UBND") become one {@link Token.Type#REFERENCE}, so that they are
 *       never read as dates.
 *   <li>Words made only of Roman figures become a {@link Token.Type#ROMAN}, with the OCR confusion of "l" for "I"
 *       ("Quý l", "Quý Ill"). "v" and "x" count too, so that "Quý V" is an invalid quarter rather than a word.
 *   <li>Words and phrases that carry timing meaning become a {@link Token.Type#WORD} with a {@link Keyword}: one
 *       token for "chậm nhất", "đến hết", "sau khi", "định kỳ" and so on, matched on the folded text, so "hàng" and
 *       "hằng", "quý" and "quí", "định kỳ" and "định kì" are the same keyword.
 * </ul>
 */
final class TimeframeTokenizer {

    private static final String DATE_SEPARATORS = "/.-";
    private static final Map<String, List<Map.Entry<Keyword, String[]>>> PHRASES_BY_FIRST_WORD = phrasesByFirstWord();

    private TimeframeTokenizer() {}

    /** The tokens of {@code text}, in order, with offsets into its display form. */
    static List<Token> tokenize(FoldedText text) {
        return mergeKeywords(scan(text.folded()));
    }

    private static List<Token> scan(String s) {
        List<Token> tokens = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
            } else if (isDigit(c)) {
                i = number(s, i, tokens);
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < n && Character.isLetterOrDigit(s.charAt(j)) && !isDigit(s.charAt(j))) {
                    j++;
                }
                String word = s.substring(i, j);
                int roman = roman(word);
                tokens.add(
                        roman > 0
                                ? new Token(Token.Type.ROMAN, null, word, i, j, roman, 0, 0)
                                : new Token(Token.Type.WORD, null, word, i, j, 0, 0, 0));
                i = j;
            } else {
                tokens.add(new Token(Token.Type.PUNCT, null, String.valueOf(c), i, i + 1, 0, 0, 0));
                i++;
            }
        }
        return tokens;
    }

    /**
     * Reads a number starting at {@code start} together with the figures joined to it by date separators, adds the
     * resulting token and returns where scanning continues.
     */
    private static int number(String s, int start, List<Token> tokens) {
        List<String> parts = new ArrayList<>();
        int end = digitsEnd(s, start);
        parts.add(s.substring(start, end));
        char separator = 0;
        while (true) {
            int k = end;
            char sep = k < s.length() ? s.charAt(k) : 0;
            if (sep == ' ' && peekSlashAfterSpaces(s, k)) {
                k = skipSpaces(s, k);
                sep = '/';
            }
            if (DATE_SEPARATORS.indexOf(sep) < 0 || sep == 0 || (separator != 0 && sep != separator)) {
                break;
            }
            int m = k + 1;
            if (sep == '/') {
                if (m < s.length() && Character.isLetter(s.charAt(m)) && k == end) {
                    int refEnd = m;
                    while (refEnd < s.length() && s.charAt(refEnd) != ' ') {
                        refEnd++;
                    }
                    tokens.add(
                            new Token(Token.Type.REFERENCE, null, s.substring(start, refEnd), start, refEnd, 0, 0, 0));
                    return refEnd;
                }
                m = skipSpaces(s, m);
            }
            if (m >= s.length() || !isDigit(s.charAt(m))) {
                break;
            }
            separator = sep;
            end = digitsEnd(s, m);
            parts.add(s.substring(m, end));
        }
        int last = parts.size() - 1;
        if (parts.size() >= 2
                && parts.get(last).length() == 2
                && (parts.get(last).equals("20") || parts.get(last).equals("19"))) {
            int splitEnd = splitYearEnd(s, end);
            if (splitEnd > 0) {
                parts.set(last, parts.get(last) + s.substring(splitEnd - 2, splitEnd));
                end = splitEnd;
            }
        }
        boolean leadShort = parts.get(0).length() <= 2;
        if (parts.size() == 3
                && leadShort
                && parts.get(1).length() <= 2
                && parts.get(2).length() == 4) {
            tokens.add(new Token(
                    Token.Type.DATE,
                    null,
                    s.substring(start, end),
                    start,
                    end,
                    value(parts.get(0)),
                    value(parts.get(1)),
                    value(parts.get(2))));
            return end;
        }
        if (parts.size() == 2 && leadShort && parts.get(1).length() == 4) {
            tokens.add(new Token(
                    Token.Type.MONTH_YEAR,
                    null,
                    s.substring(start, end),
                    start,
                    end,
                    value(parts.get(0)),
                    value(parts.get(1)),
                    0));
            return end;
        }
        if (parts.size() == 2 && leadShort && parts.get(1).length() <= 2 && separator != '-') {
            tokens.add(new Token(
                    Token.Type.DATE,
                    null,
                    s.substring(start, end),
                    start,
                    end,
                    value(parts.get(0)),
                    value(parts.get(1)),
                    0));
            return end;
        }
        if (parts.size() >= 3) {
            tokens.add(new Token(Token.Type.REFERENCE, null, s.substring(start, end), start, end, 0, 0, 0));
            return end;
        }
        int numberEnd = digitsEnd(s, start);
        String digits = s.substring(start, numberEnd);
        tokens.add(new Token(Token.Type.NUMBER, null, digits, start, numberEnd, value(digits), digits.length(), 0));
        return numberEnd;
    }

    /** Where a year split as "20 25" ends, or -1: exactly one space, two digits, then no further figure. */
    private static int splitYearEnd(String s, int end) {
        if (end + 3 > s.length()
                || s.charAt(end) != ' '
                || !isDigit(s.charAt(end + 1))
                || !isDigit(s.charAt(end + 2))) {
            return -1;
        }
        int after = end + 3;
        if (after < s.length()
                && (isDigit(s.charAt(after))
                        || DATE_SEPARATORS.indexOf(s.charAt(after)) >= 0
                                && after + 1 < s.length()
                                && isDigit(s.charAt(after + 1)))) {
            return -1;
        }
        return after;
    }

    private static boolean peekSlashAfterSpaces(String s, int k) {
        int m = skipSpaces(s, k);
        return m < s.length() && s.charAt(m) == '/' && m + 1 < s.length() && isDigit(s.charAt(skipSpaces(s, m + 1)));
    }

    private static int skipSpaces(String s, int k) {
        while (k < s.length() && s.charAt(k) == ' ') {
            k++;
        }
        return k;
    }

    private static int digitsEnd(String s, int k) {
        while (k < s.length() && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of a run of digits; -1 when it is too long to be a day, month, year or day count. */
    private static int value(String digits) {
        return digits.length() > 6 ? -1 : Integer.parseInt(digits);
    }

    /**
     * The value of a word written in Roman figures, reading "l" as "I" (OCR), or 0 when it is not one. Only the
     * figures I to XII are recognised; longer words are ordinary words.
     */
    static int roman(String word) {
        String w = word.replace('l', 'i');
        return switch (w) {
            case "i" -> 1;
            case "ii" -> 2;
            case "iii" -> 3;
            case "iv" -> 4;
            case "v" -> 5;
            case "vi" -> 6;
            case "vii" -> 7;
            case "viii" -> 8;
            case "ix" -> 9;
            case "x" -> 10;
            case "xi" -> 11;
            case "xii" -> 12;
            default -> 0;
        };
    }

    /** Replaces each run of words that spells a keyword phrase by one keyword token, longest phrase first. */
    private static List<Token> mergeKeywords(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            Keyword best = null;
            int bestLength = 0;
            Token head = tokens.get(i);
            List<Map.Entry<Keyword, String[]>> candidates =
                    head.type() == Token.Type.WORD ? PHRASES_BY_FIRST_WORD.get(head.text()) : null;
            if (candidates != null) {
                for (Map.Entry<Keyword, String[]> candidate : candidates) {
                    String[] phrase = candidate.getValue();
                    if (phrase.length > bestLength && matches(tokens, i, phrase)) {
                        best = candidate.getKey();
                        bestLength = phrase.length;
                    }
                }
            }
            if (best == null) {
                out.add(tokens.get(i));
                i++;
            } else {
                Token first = tokens.get(i);
                Token last = tokens.get(i + bestLength - 1);
                StringBuilder text = new StringBuilder(first.text());
                for (int k = i + 1; k < i + bestLength; k++) {
                    text.append(' ').append(tokens.get(k).text());
                }
                out.add(new Token(Token.Type.WORD, best, text.toString(), first.start(), last.end(), 0, 0, 0));
                i += bestLength;
            }
        }
        return out;
    }

    private static Map<String, List<Map.Entry<Keyword, String[]>>> phrasesByFirstWord() {
        Map<String, List<Map.Entry<Keyword, String[]>>> index = new HashMap<>();
        for (Keyword keyword : Keyword.values()) {
            for (String[] phrase : keyword.phrases()) {
                index.computeIfAbsent(phrase[0], w -> new ArrayList<>()).add(Map.entry(keyword, phrase));
            }
        }
        return index;
    }

    private static boolean matches(List<Token> tokens, int from, String[] phrase) {
        if (from + phrase.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            Token t = tokens.get(from + k);
            if (t.type() != Token.Type.WORD || !t.text().equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }
}
