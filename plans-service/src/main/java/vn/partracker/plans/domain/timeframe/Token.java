package vn.partracker.plans.domain.timeframe;

/**
 * One token of a timeframe text, produced by {@link TimeframeTokenizer} and read by {@link TimeframeGrammar}.
 *
 * <p>Offsets index both the display and the folded form of the {@link FoldedText}, which are aligned, so the part of
 * the text a token (or a run of tokens) stands for can be quoted back as written.
 *
 * @param type what the token is
 * @param keyword for a WORD that is a timing keyword, which one; null otherwise
 * @param text the folded text of the token (words of a keyword phrase joined by one space)
 * @param start first character, inclusive
 * @param end last character, exclusive
 * @param first NUMBER: the value (-1 when too long); DATE: the day; MONTH_YEAR: the month; ROMAN: the value
 * @param second NUMBER: the number of digits; DATE and MONTH_YEAR: the month resp. year
 * @param third DATE: the year, 0 when the date names none
 */
record Token(Type type, Keyword keyword, String text, int start, int end, int first, int second, int third) {

    /** The kinds of token. */
    enum Type {
        /** A run of digits not joined to others: a day, month, year or count. */
        NUMBER,
        /** Day and month, with or without a year: "15/12/2024", "15.12", "15 / 12 / 2024". */
        DATE,
        /** Month and year: "7/2024", "09-2025". */
        MONTH_YEAR,
        /** A Roman figure, "l" read as "I": "IV", "l", "Ill". */
        ROMAN,
        /** A word or, when {@code keyword} is set, a keyword phrase. */
        WORD,
        /** One punctuation character. */
        PUNCT,
        /** A document number such as "01/2020/TT-VPCP": never a date. */
        REFERENCE
    }

    boolean is(Keyword k) {
        return keyword == k;
    }

    boolean isPunct(char c) {
        return type == Type.PUNCT && text.charAt(0) == c;
    }

    boolean isNumber() {
        return type == Type.NUMBER;
    }
}
