package vn.partracker.plans.domain.timeframe;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rules behind {@link Timeframe#parse}: a hand-written recursive-descent parser over the tokens of
 * {@link TimeframeTokenizer}. This comment is the specification of what is understood; every method below is named
 * after the rule it implements.
 *
 * <p>Notation: EBNF over tokens. Quoted words are keywords or words as folded (no accents, lower case, so "hằng"
 * and "hàng" are one word); NUM is a number, YEAR4 a four-digit year (or one split as "20 25"), ROMAN a Roman figure
 * ("IV", "l", "Ill"), DATE a day/month[/year] token ("15/12", "15.12.2024", "15 / 12 / 2024"), MONTH_YEAR a
 * month/year token ("7/2024", "09-2025"), ANY any token. A rule that does not match consumes nothing, and rules are
 * tried in the order written.
 *
 * <pre>
 * timeframe   = clause { clauseBreak clause } ;
 * clauseBreak = ";" | ". " | [ "," ] "sau đó" ;
 * clause      = [ "lần đầu" | "sau đó" ] { PUNCT } { leadIn | hedge }
 *               ( body [ trailing ] | deferral | search ) { ANY } ;
 * trailing    = { ANY } ( "và" | "," ) recurring ;       (* "trước ngày 20/11/2025 và hàng tháng": a second reading *)
 * deferral    = "theo" ( "kế hoạch" | "quy định" | "chương trình" | "lộ trình" ) { ANY } ;     (* UNSTRUCTURED *)
 * leadIn      = ( "thời gian" | "thời hạn" ) [ "thực hiện" | "hoàn thành" ] [ ":" ]
 *             | [ "phấn đấu" ] ( "hoàn thành" | "thực hiện" | "triển khai" | "kết thúc" | "duy trì"
 *                              | "tiến hành" ) [ ":" ]
 *             | "trong suốt" | "trong thời gian" | "trong" | "vào" | "suốt" ;
 * hedge       = "dự kiến" | "khoảng" ;
 * body        = relative | event | ongoing | half | recurring | dated ;
 * search      = { ANY } ( dueDayFirst | deadline | ( every | "định kỳ" ) recurring | ongoing | pointRange
 *                       | startOnly ) ;
 *               (* the first match further into the clause; a recurrence found there must name its period *)
 *
 * relative    = [ within ] [ "là" ] [ "trước" | "sau" ] dayCount [ "," ] relAnchor [ "ngày" ] EVENT
 *             | [ "ngày" ] ( "sau khi" | since [ "khi" | "ngày" ] ) EVENT
 *               [ "(" | "," | "-" ] within [ "là" ] [ "trong" ] [ "vòng" ] dayCount [ ")" ] ;   (* to the clause end *)
 * dayCount    = NUM "ngày" [ "làm việc" ] ;
 * within      = "chậm nhất" | "muộn nhất" | "trong vòng" | "trong thời hạn" | "tối đa" | "không quá" | "trong" ;
 * relAnchor   = since | "tính đến" | "sau khi" | "sau" | "trước" [ "khi" ] ;  (* "tính đến", "trước": days before *)
 * since       = "kể từ" | "tính từ" | "bắt đầu từ" | "bắt đầu" ;
 * EVENT       = ANY { ANY } ;
 *
 * event       = [ "ngay" ] ( "sau khi" | "khi" | "trước khi" | since "khi" | "trong trường hợp" | "trường hợp"
 *                          | "nếu" | "tùy theo" )
 *             | [ "đột xuất" [ "," ] ] ( "khi" | "theo" ) [ "có" ] ( "yêu cầu" | "chỉ đạo" )
 *             | ( "kể từ" | "tính từ" ) [ "ngày" ] WORD EVENT          (* "Kể từ ngày ký ban hành" *)
 *             | [ "có" ] "phát sinh" | "đột xuất" ;
 *
 * ongoing     = steady { [ "," | ";" ] [ "và" ] ( "thường xuyên" | "liên tục" ) } [ yearScope ] [ openEnd ] ;
 * steady      = "thường xuyên" | "liên tục" | every "ngày" ;
 *
 * half        = ( ( "6" | "sáu" | "9" | "chín" ) "tháng" [ "đầu" | "cuối" ] | "nửa" ( "đầu" | "cuối" ) )
 *               "năm" [ YEAR4 ] ;
 *
 * recurring   = [ "báo cáo" | "tổ chức" | "tổng hợp" | "công khai" ] [ "định kỳ" [ "," ] ] [ cadenceList ]
 *               [ "một lần" ] [ dueDay { listSep cadence } ] [ yearScope ] [ openEnd ] ;
 *               (* needs "định kỳ", or "hằng"/"mỗi" before the first cadence, or a dueDay that names its period,
 *                  or a list starting with "6 tháng"/"9 tháng"/"nửa năm" that ends the clause or is followed by
 *                  "(", ",", "." or "và/hoặc đột xuất" *)
 * cadenceList = [ every ] cadence [ perTime ] { ( "," | "/" | "-" | "và" | "hoặc" ) [ every ] cadence [ perTime ] } ;
 * perTime     = "/" "lần" | "một lần" ;
 * every       = "hằng" | "hàng" | "mỗi" ;
 * cadence     = "tuần" | ( "6" | "sáu" ) "tháng" | ( "9" | "chín" ) "tháng" | "nửa năm"
 *             | "tháng" | "quý" | "năm" ;                       (* not followed by a month, quarter or year number *)
 * dueDay      = [ "," | "(" | "-" ] ( periodOfYear
 *                               | [ dueAnchor ] [ time ] "ngày" [ "mùng" ] ( NUM [ "tháng" NUM ] | DATE | weekday )
 *                                 [ periodRef ] [ ")" ]
 *                               | dueAnchor DATE [ periodRef ] [ ")" ] ) ;    (* not followed by "năm" YEAR4 *)
 * weekday     = "thứ" ( NUM | "hai" | "ba" | "tư" | "năm" | "sáu" | "bảy" ) | "chủ nhật" ;   (* with "hằng tuần" *)
 *               (* without a dueAnchor, or before any cadence, the periodRef is required *)
 * periodOfYear = ( "tháng" NUM | "quý" ( ROMAN | NUM ) ) every "năm" ;      (* due at the end of that period *)
 * dueDayFirst = dueDay ;                                         (* "trước ngày 10 hằng tháng" inside prose *)
 * dueAnchor   = "trước" | "chậm nhất" { "là" | "vào" | "trong" } | "vào" | "đến" | "đến hết" ;
 * periodRef   = [ "của" ] ( every cadence
 *                         | "tháng" ( "cuối" | "đầu" ) ( "quý" | "năm" ) [ "sau" | "tiếp theo" ]
 *                         | "tháng" ( "sau" | "tiếp theo" ) ) ;
 * yearScope   = [ "," ] [ "trong" | "của" | "cả" | "suốt" | "từ" ] "năm" YEAR4 [ ( "đến" | "-" ) [ "năm" ] YEAR4 ] ;
 * openEnd     = [ "," ] [ "và" ] ( "các" | "những" ) "năm" ( "tiếp theo" | "kế tiếp" | "sau" | "tiếp" )
 *             | "trở đi" | "trở về sau" | "về sau" ;
 *
 * dated       = [ ( "đầu" | "cuối" ) [ "của" ] ] ( pointRange | deadline | until | onDate | months | quarters
 *                                           | yearRange | startOnly | year ) [ every "năm" | openEnd ] ;
 *               (* a month, quarter or range then "hằng năm" recurs yearly, due on its last day; then openEnd
 *                  leaves the end open and keeps the due date *)
 * pointRange  = [ "từ" | since ] point ( "đến hết" | "đến" | "tới" | "-" ) point ;  (* first takes last's year *)
 * deadline    = "trước" point | "chậm nhất" { "là" | "vào" | "trong" | "đến" } point ;
 * until       = [ "giai đoạn" ] ( "đến hết" | "đến" | "tới" ) point ;
 * onDate      = date ;                        (* ON_DATE with "ngày" or "vào"; a bare date is an inclusive BY_DATE *)
 * months      = [ "từ" ] "tháng" monthItem { monthSep [ "tháng" ] monthItem }
 *             | MONTH_YEAR { monthSep [ "tháng" ] monthItem } | NUM "-" MONTH_YEAR ;   (* "7/2024", "3–4/2025" *)
 * monthItem   = MONTH_YEAR | NUM [ yearSuffix ] ;
 * quarters    = [ "từ" ] "quý" quarterItem { monthSep [ "quý" ] quarterItem } ;
 *               (* items enumerated with "," or "và" must be consecutive: "tháng 4 và tháng 8" is no span *)
 * quarterItem = MONTH_YEAR | ( ROMAN | NUM ) [ yearSuffix | "-" YEAR4 ] ;
 * monthSep    = "," | "-" | "và" | "đến hết" | "đến" | "tới" ;
 * yearSuffix  = [ "," ] ( "năm" | "/" ) YEAR4 ;
 * yearRange   = [ "giai đoạn" [ WORD | ROMAN ] | "từ" [ "năm" ] | "năm" ] [ "(" ] YEAR4
 *               { ( "-" | "đến" | "tới" | "," | "và" ) [ "năm" ] YEAR4 } [ ")" ] ;   (* at least two years *)
 * startOnly   = ( "kể từ" | "bắt đầu từ" | "từ" | "sau" ) point ;      (* "từ" with one month or quarter only *)
 * year        = [ "cả" ] "năm" [ YEAR4 ] | YEAR4 ;            (* then the clause end, "(", ",", "." or openEnd *)
 * point       = date | "tháng" monthItem | "quý" quarterItem | [ "năm" ] YEAR4 | MONTH_YEAR ;
 * date        = [ time ] [ "ngày" [ "mùng" ] ] ( DATE | NUM "tháng" NUM [ [ "," ] "năm" YEAR4 ] ) ;
 * time        = NUM ( ":" | "h" | "giờ" ) [ NUM [ "phút" ] ] ;                     (* "17 giờ", "8h00", "15:00" *)
 * </pre>
 *
 * <p>Meaning. Clauses are read one by one; the result is the first recurring clause, else the first other dated or
 * continuous clause, else the first event or relative clause, else UNSTRUCTURED. A recurring clause and a dated one
 * together ("Lần đầu trước ngày 30/6/2025; sau đó hằng năm") give RECURRING with the dated clause's due date as its
 * first deadline; a recurrence joined to a dated or continuous clause by "và" or "," ("trước ngày 20/11/2025 và
 * hằng tháng", "Thường xuyên, hằng năm") counts as a clause of its own. When the first dated reading was found in
 * prose (not at its clause's start) and another clause dates the work differently ("(tháng 4/2025); … (tháng
 * 5/2025)"), the text is UNSTRUCTURED rather than a pick between milestones. A missing year
 * is the plan year, except that the first date or month of a range takes the year of the last (and the year before
 * when the months wrap round: "Tháng 10 đến tháng 3 năm 2025"). "Trước" excludes the day or period it names (due
 * the day before); every other anchor includes it. A date or period that does not exist ("31/02", "Quý V",
 * "Tháng 13") makes the whole text UNSTRUCTURED rather than a guess. "Đột xuất" anywhere adds ad-hoc occurrences
 * to a recurrence; "dự kiến" or "khoảng" anywhere marks the timeframe tentative.
 */
final class TimeframeGrammar {

    private static final String SENTENCE_PUNCTUATION = "(,;.";

    private final String display;
    private final List<Token> tokens;
    private final int planYear;
    private final List<int[]> spans = new ArrayList<>();
    private final List<Reading> readings = new ArrayList<>();
    private int pos;
    private int limit;
    /** The year a point without one takes: the plan year, or the year of the end of a range being read. */
    private int defaultYear;
    /** Whether the last {@link #point()} named its year. */
    private boolean pointYearNamed;

    private TimeframeGrammar(FoldedText text, List<Token> tokens, int planYear) {
        this.display = text.display();
        this.tokens = tokens;
        this.planYear = planYear;
        this.defaultYear = planYear;
    }

    /** See {@link Timeframe#parse}. */
    static Timeframe parse(String text, int planYear) {
        String original = text == null ? "" : text.strip();
        FoldedText folded = FoldedText.of(original);
        if (folded.folded().isEmpty()) {
            return Timeframe.unstructured(original, "");
        }
        try {
            return new TimeframeGrammar(folded, TimeframeTokenizer.tokenize(folded), planYear).timeframe(original);
        } catch (DateTimeException | ArithmeticException invalidDate) {
            return Timeframe.unstructured(original, folded.display());
        }
    }

    /** What one clause says, before the clauses are combined into a {@link Timeframe}. */
    private static final class Reading {
        final TimeframeKind kind;
        LocalDate start;
        LocalDate end;
        LocalDate due;
        final Set<Cadence> cadences = EnumSet.noneOf(Cadence.class);
        DueDayRule dueDay;
        Integer days;
        boolean workingDays;
        String event;
        /** Found further into a clause (in prose) rather than at its start. */
        boolean searched;

        Reading(TimeframeKind kind, LocalDate start, LocalDate end, LocalDate due) {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.due = due;
        }

        boolean dated() {
            return kind != TimeframeKind.ON_EVENT && kind != TimeframeKind.RELATIVE;
        }

        boolean sameDates(Reading other) {
            return kind == other.kind
                    && Objects.equals(start, other.start)
                    && Objects.equals(end, other.end)
                    && Objects.equals(due, other.due);
        }
    }

    private Timeframe timeframe(String original) {
        for (int[] clause : clauses()) {
            pos = clause[0];
            limit = clause[1];
            clause();
        }
        Reading recurring = null;
        Reading dated = null;
        Reading other = null;
        boolean contradicted = false;
        for (Reading r : readings) {
            if (r.kind == TimeframeKind.RECURRING) {
                recurring = recurring == null ? r : recurring;
            } else if (r.dated()) {
                if (dated == null) {
                    dated = r;
                } else if (dated.searched && !dated.sameDates(r)) {
                    contradicted = true;
                }
            } else if (other == null) {
                other = r;
            }
        }
        Reading result = recurring != null ? recurring : dated != null ? dated : other;
        if (result == null || contradicted && recurring == null) {
            return Timeframe.unstructured(original, display);
        }
        boolean adHoc = false;
        boolean tentative = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is(Keyword.AD_HOC) && result.kind == TimeframeKind.RECURRING) {
                adHoc = true;
                spans.add(new int[] {i, i + 1});
            } else if (t.is(Keyword.EXPECTED) || t.is(Keyword.ABOUT)) {
                tentative = true;
                spans.add(new int[] {i, i + 1});
            }
        }
        Recurrence recurrence = null;
        LocalDate due = result.due;
        if (result.kind == TimeframeKind.RECURRING) {
            recurrence = new Recurrence(null, adHoc, result.cadences, result.dueDay);
            if (dated != null) {
                due = dated.due;
            }
        }
        return new Timeframe(
                result.kind,
                result.start,
                result.end,
                due,
                recurrence,
                original,
                result.days,
                result.workingDays,
                result.event,
                recognised(),
                leftover(),
                tentative);
    }

    /** Token ranges of the clauses: split at ";", at a "." followed by a space, and before "sau đó". */
    private List<int[]> clauses() {
        List<int[]> clauses = new ArrayList<>();
        int begin = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean sentenceEnd = t.isPunct('.')
                    && (i + 1 == tokens.size() || tokens.get(i + 1).start() > t.end());
            if (t.isPunct(';') || sentenceEnd) {
                clauses.add(new int[] {begin, i});
                begin = i + 1;
            } else if (t.is(Keyword.THEREAFTER) && i > begin) {
                boolean comma = tokens.get(i - 1).isPunct(',');
                clauses.add(new int[] {begin, comma ? i - 1 : i});
                begin = i;
            }
        }
        clauses.add(new int[] {begin, tokens.size()});
        return clauses;
    }

    private void clause() {
        int begin = pos;
        if (accept(Keyword.FIRST_TIME) || accept(Keyword.THEREAFTER)) {
            spans.add(new int[] {begin, pos});
        }
        if (pos >= limit) {
            return;
        }
        while (pos < limit && tok().type() == Token.Type.PUNCT) {
            pos++;
        }
        int bodyStart = pos;
        while (leadIn() || accept(Keyword.EXPECTED) || accept(Keyword.ABOUT)) {
            // lead-ins and hedges are read in any order
        }
        int start = pos;
        Reading reading = body();
        if (reading != null) {
            spans.add(new int[] {bodyStart, pos});
            readings.add(reading);
            if (reading.kind != TimeframeKind.RECURRING) {
                trailingRecurrence();
            }
            return;
        }
        pos = start;
        if (words("theo ke hoach") || words("theo quy dinh") || words("theo chuong trinh") || words("theo lo trinh")) {
            return;
        }
        reading = search();
        if (reading != null) {
            reading.searched = true;
            readings.add(reading);
        }
    }

    /**
     * A recurrence joined to a dated or continuous clause by "và" or ",": "trước ngày 20/11/2025 và hằng tháng",
     * "Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính".
     */
    private void trailingRecurrence() {
        for (int k = pos; k + 1 < limit; k++) {
            Token t = tokens.get(k);
            if (t.is(Keyword.AND) || t.isPunct(',')) {
                pos = k + 1;
                Reading r = recurring(true);
                if (r != null) {
                    spans.add(new int[] {k + 1, pos});
                    readings.add(r);
                    return;
                }
            }
        }
    }

    private boolean leadIn() {
        int m = pos;
        if (words("thoi gian") || words("thoi han")) {
            if (!words("thuc hien")) {
                words("hoan thanh");
            }
            acceptPunct(':');
            return true;
        }
        words("phan dau");
        if (words("hoan thanh")
                || words("thuc hien")
                || words("trien khai")
                || words("ket thuc")
                || words("duy tri")
                || words("tien hanh")) {
            acceptPunct(':');
            return true;
        }
        pos = m;
        if (words("trong suot")
                || words("trong thoi gian")
                || accept(Keyword.IN)
                || accept(Keyword.ON)
                || words("suot")) {
            return true;
        }
        return false;
    }

    private Reading body() {
        Reading r = relative();
        if (r == null) {
            r = event();
        }
        if (r == null) {
            r = ongoing();
        }
        if (r == null) {
            r = half();
        }
        if (r == null) {
            r = recurring(false);
        }
        if (r == null) {
            r = dated();
        }
        return r;
    }

    /**
     * The first timing phrase further into a clause whose start says nothing: a due day or deadline ("Kết quả gửi về
     * Văn phòng trước ngày 31/8/2024 …"), a named recurrence, "thường xuyên", a period after "trong" or "(" ("Ban
     * hành trong quý I năm 2026"), or a span or start after "từ" ("Bắt đầu triển khai từ năm 2026").
     */
    private Reading search() {
        int from = pos;
        for (int k = from + 1; k < limit; k++) {
            Token t = tokens.get(k);
            Reading r = null;
            if (t.is(Keyword.BEFORE)
                    || t.is(Keyword.LATEST)
                    || t.is(Keyword.ON)
                    || t.is(Keyword.DAY)
                    || t.is(Keyword.EVERY)
                    || t.is(Keyword.PERIODIC)) {
                pos = k;
                r = recurring(true);
            }
            if (r == null && (t.is(Keyword.BEFORE) || t.is(Keyword.LATEST))) {
                pos = k;
                r = deadline();
            }
            if (r == null && t.is(Keyword.CONTINUOUS)) {
                pos = k;
                r = ongoing();
            }
            if (r == null && (t.is(Keyword.IN) || t.isPunct('('))) {
                pos = k + 1;
                r = dated();
            }
            if (r == null && (t.is(Keyword.FROM) || t.is(Keyword.SINCE))) {
                pos = k;
                r = pointRange();
                if (r == null) {
                    r = startOnly();
                }
            }
            if (r != null) {
                spans.add(new int[] {k, pos});
                return r;
            }
        }
        pos = limit;
        return null;
    }

    // ---- relative and event ----

    private Reading relative() {
        int m = pos;
        if (!accept(Keyword.LATEST) && !accept(Keyword.WITHIN)) {
            accept(Keyword.IN);
        }
        accept(Keyword.IS);
        boolean before = accept(Keyword.BEFORE);
        if (!before) {
            accept(Keyword.AFTER);
        }
        int[] days = dayCount();
        if (days != null) {
            acceptPunct(',');
            boolean anchored = true;
            if (accept(Keyword.COUNTING_TO)) {
                before = true;
            } else if (accept(Keyword.BEFORE)) {
                before = true;
                accept(Keyword.WHEN);
            } else if (!accept(Keyword.SINCE) && !accept(Keyword.AFTER_EVENT) && !accept(Keyword.AFTER)) {
                anchored = false;
            }
            if (anchored) {
                accept(Keyword.DAY);
                if (pos < limit) {
                    return relative(before ? -days[0] : days[0], days[1] == 1, displayOf(pos, limit));
                }
            }
        }
        pos = m;
        accept(Keyword.DAY);
        boolean anchored = accept(Keyword.AFTER_EVENT);
        if (!anchored && accept(Keyword.SINCE)) {
            anchored = true;
            if (!accept(Keyword.WHEN)) {
                accept(Keyword.DAY);
            }
        }
        if (anchored) {
            int eventStart = pos;
            for (int j = eventStart + 1; j < limit; j++) {
                pos = j;
                int[] tail = withinTail();
                if (tail != null) {
                    return relative(tail[0], tail[1] == 1, displayOf(eventStart, j));
                }
            }
        }
        pos = m;
        return null;
    }

    private Reading relative(int days, boolean working, String event) {
        Reading r = new Reading(TimeframeKind.RELATIVE, null, null, null);
        r.days = days;
        r.workingDays = working;
        r.event = event;
        pos = limit;
        return r;
    }

    /** "(chậm nhất trong 05 ngày làm việc)" up to the clause end: {days, working}, or null. */
    private int[] withinTail() {
        Token t = tok();
        if (t.isPunct('(') || t.isPunct(',') || t.isPunct('-')) {
            pos++;
        }
        if (!accept(Keyword.LATEST) && !accept(Keyword.WITHIN) && !accept(Keyword.IN)) {
            return null;
        }
        accept(Keyword.IS);
        accept(Keyword.IN);
        words("vong");
        int[] days = dayCount();
        acceptPunct(')');
        return days != null && pos == limit ? days : null;
    }

    private int[] dayCount() {
        Token t = tok();
        if (t == null || !t.isNumber() || t.second() > 3 || !isKeyword(pos + 1, Keyword.DAY)) {
            return null;
        }
        pos += 2;
        return new int[] {t.first(), accept(Keyword.WORKING) ? 1 : 0};
    }

    private Reading event() {
        int m = pos;
        accept(Keyword.DAY);
        if (accept(Keyword.AFTER_EVENT)
                || accept(Keyword.WHEN)
                || seq(Keyword.BEFORE, Keyword.WHEN)
                || seq(Keyword.SINCE, Keyword.WHEN)
                || words("trong truong hop")
                || words("truong hop")
                || words("neu")
                || words("tuy theo")) {
            return onEvent();
        }
        pos = m;
        if (accept(Keyword.AD_HOC)) {
            acceptPunct(',');
        }
        if (accept(Keyword.WHEN) || words("theo")) {
            words("co");
            if (words("yeu cau") || words("chi dao")) {
                return onEvent();
            }
        }
        pos = m;
        if (words("ke tu") || words("tinh tu")) {
            accept(Keyword.DAY);
            Token t = tok();
            if (t != null && t.type() == Token.Type.WORD && t.keyword() == null) {
                return onEvent();
            }
        }
        pos = m;
        words("co");
        if (words("phat sinh")) {
            return onEvent();
        }
        pos = m;
        return accept(Keyword.AD_HOC) ? onEvent() : null;
    }

    private Reading onEvent() {
        pos = limit;
        return new Reading(TimeframeKind.ON_EVENT, null, null, null);
    }

    // ---- continuous and periodic ----

    private Reading ongoing() {
        if (!accept(Keyword.CONTINUOUS) && !seq(Keyword.EVERY, Keyword.DAY)) {
            return null;
        }
        while (true) {
            int m1 = pos;
            if (!acceptPunct(',')) {
                acceptPunct(';');
            }
            accept(Keyword.AND);
            if (!accept(Keyword.CONTINUOUS)) {
                pos = m1;
                break;
            }
        }
        int[] scope = yearScope();
        int first = scope != null ? scope[0] : planYear;
        int last = scope != null ? scope[1] : first;
        LocalDate end = openEnd() ? null : LocalDate.of(last, 12, 31);
        return new Reading(TimeframeKind.ONGOING, LocalDate.of(first, 1, 1), end, null);
    }

    private Reading half() {
        int m = pos;
        Token t = tok();
        if (t == null) {
            return null;
        }
        int months;
        boolean last = false;
        if ((isNumber(t, 6) || t.is(Keyword.AFTER)) && isKeyword(pos + 1, Keyword.MONTH)) {
            months = 6;
            pos += 2;
        } else if ((isNumber(t, 9) || t.is(Keyword.NINE)) && isKeyword(pos + 1, Keyword.MONTH)) {
            months = 9;
            pos += 2;
        } else if (t.is(Keyword.HALF) && (isKeyword(pos + 1, Keyword.START_OF) || isKeyword(pos + 1, Keyword.END_OF))) {
            months = 6;
            pos++;
        } else {
            return null;
        }
        if (accept(Keyword.END_OF)) {
            last = true;
        } else {
            accept(Keyword.START_OF);
        }
        if (!accept(Keyword.YEAR)) {
            pos = m;
            return null;
        }
        Integer named = year();
        int year = named != null ? named : planYear;
        LocalDate start = LocalDate.of(year, last ? 13 - months : 1, 1);
        LocalDate end = YearMonth.of(year, last ? 12 : months).atEndOfMonth();
        return new Reading(TimeframeKind.RANGE, start, end, end);
    }

    /**
     * The recurring rule. {@code named} (used when searching inside prose) asks for a recurrence that names its
     * period, so that a bare "định kỳ" in a sentence is not taken for the timeframe.
     */
    private Reading recurring(boolean named) {
        int m = pos;
        if (!words("bao cao") && !words("to chuc") && !words("tong hop")) {
            words("cong khai");
        }
        boolean periodic = accept(Keyword.PERIODIC);
        if (periodic) {
            acceptPunct(',');
        }
        boolean marked = isKeyword(pos, Keyword.EVERY) && cadenceAt(pos + 1) || timesPer();
        Set<Cadence> cadences = EnumSet.noneOf(Cadence.class);
        Cadence first = cadenceList(cadences, false);
        accept(Keyword.ONCE);
        boolean listEnd = bareEnd();
        Object[] due = dueDay(!cadences.isEmpty());
        boolean bare = !periodic
                && !marked
                && (first == Cadence.SEMI_ANNUAL || first == Cadence.NINE_MONTHS)
                && (listEnd || due != null);
        boolean dueNamesPeriod = due != null && due[1] != null;
        if (!periodic && !marked && !bare && !dueNamesPeriod) {
            pos = m;
            return null;
        }
        if (due != null) {
            cadenceList(cadences, true);
        }
        Reading r = new Reading(TimeframeKind.RECURRING, null, null, null);
        r.cadences.addAll(cadences);
        int end = pos;
        if (due == null) {
            due = laterDueDay(!cadences.isEmpty());
        }
        if (due != null) {
            r.dueDay = (DueDayRule) due[0];
            if (due[1] != null) {
                r.cadences.add((Cadence) due[1]);
            } else if (r.dueDay.month() != 0 && r.cadences.isEmpty()) {
                r.cadences.add(Cadence.ANNUAL);
            }
        }
        pos = Math.max(end, pos);
        if (named && r.cadences.isEmpty()) {
            pos = m;
            return null;
        }
        int[] scope = yearScope();
        int firstYear = scope != null ? scope[0] : planYear;
        int lastYear = scope != null ? scope[1] : firstYear;
        r.start = LocalDate.of(firstYear, 1, 1);
        r.end = openEnd() ? null : LocalDate.of(lastYear, 12, 31);
        return r;
    }

    /**
     * "02 lần/tháng", "2 lần mỗi năm": a count per period is as periodic as "hằng"; the count itself is not kept
     * (no cadence is finer than a week).
     */
    private boolean timesPer() {
        int m = pos;
        Token t = tok();
        if (t != null && t.isNumber() && isWord(pos + 1, "lan")) {
            pos += 2;
            if ((acceptPunct('/') || accept(Keyword.EVERY) || accept(Keyword.IN) || words("mot")) && cadenceAt(pos)) {
                return true;
            }
        }
        pos = m;
        return false;
    }

    /**
     * A due day further into a periodic clause, after other words: "định kỳ hàng năm báo cáo kết quả … chậm nhất
     * ngày 17 tháng 12". Its span is recognised on its own, so the words in between stay left over; the position is
     * left after it only when nothing else follows.
     */
    private Object[] laterDueDay(boolean afterCadence) {
        int m = pos;
        for (int k = pos + 1; k < limit; k++) {
            Token t = tokens.get(k);
            if (t.is(Keyword.BEFORE) || t.is(Keyword.LATEST)) {
                pos = k;
                Object[] due = dueDay(true);
                if (due != null && (afterCadence || due[1] != null || ((DueDayRule) due[0]).month() != 0)) {
                    spans.add(new int[] {k, pos});
                    pos = m;
                    return due;
                }
            }
        }
        pos = m;
        return null;
    }

    /**
     * Reads a cadence list into {@code out}; returns the first cadence, or null (nothing consumed) when none.
     * {@code continued} reads only further items, each after a separator, as after a due day ("Định kỳ hàng năm
     * (trước ngày 15/12), 06 tháng/lần").
     */
    private Cadence cadenceList(Set<Cadence> out, boolean continued) {
        int m = pos;
        Cadence first = null;
        if (!continued) {
            accept(Keyword.EVERY);
            first = cadence();
            if (first == null) {
                pos = m;
                return null;
            }
            out.add(first);
            perTime();
        }
        while (true) {
            int m1 = pos;
            if (!acceptPunct(',')
                    && !acceptPunct('/')
                    && !acceptPunct('-')
                    && !accept(Keyword.AND)
                    && !accept(Keyword.OR)) {
                break;
            }
            accept(Keyword.EVERY);
            Cadence next = cadence();
            if (next == null) {
                pos = m1;
                break;
            }
            out.add(next);
            perTime();
        }
        return first;
    }

    /** "/lần", "một lần" after a cadence ("06 tháng/lần"). */
    private void perTime() {
        int m = pos;
        if (!(acceptPunct('/') && words("lan"))) {
            pos = m;
            accept(Keyword.ONCE);
        }
    }

    private boolean cadenceAt(int i) {
        int m = pos;
        pos = i;
        boolean found = cadence() != null;
        pos = m;
        return found;
    }

    private Cadence cadence() {
        Token t = tok();
        if (t == null) {
            return null;
        }
        boolean monthNext = isKeyword(pos + 1, Keyword.MONTH);
        if ((isNumber(t, 6) || t.is(Keyword.AFTER)) && monthNext && !periodNumberAt(pos + 2)) {
            pos += 2;
            return Cadence.SEMI_ANNUAL;
        }
        if ((isNumber(t, 9) || t.is(Keyword.NINE)) && monthNext && !periodNumberAt(pos + 2)) {
            pos += 2;
            return Cadence.NINE_MONTHS;
        }
        if (t.is(Keyword.HALF) && isKeyword(pos + 1, Keyword.YEAR)) {
            pos += 2;
            return Cadence.SEMI_ANNUAL;
        }
        Cadence single = null;
        if (t.is(Keyword.WEEK)) {
            single = Cadence.WEEKLY;
        } else if (t.is(Keyword.MONTH) && !periodNumberAt(pos + 1)) {
            single = Cadence.MONTHLY;
        } else if (t.is(Keyword.QUARTER) && !periodNumberAt(pos + 1)) {
            single = Cadence.QUARTERLY;
        } else if (t.is(Keyword.YEAR) && !yearAt(pos + 1)) {
            single = Cadence.ANNUAL;
        }
        if (single != null) {
            pos++;
        }
        return single;
    }

    private boolean bareEnd() {
        Token t = tok();
        return t == null
                || t.type() == Token.Type.PUNCT && SENTENCE_PUNCTUATION.contains(t.text())
                || (t.is(Keyword.AND) || t.is(Keyword.OR)) && isKeyword(pos + 1, Keyword.AD_HOC);
    }

    /**
     * The due-day rule: {DueDayRule, Cadence named by its period reference or null}, or null (nothing consumed).
     * Without an anchor word, or when no cadence precedes it, the rule must name its period.
     */
    private Object[] dueDay(boolean afterCadence) {
        int m = pos;
        if (!acceptPunct(',') && !acceptPunct('(')) {
            acceptPunct('-');
        }
        Object[] periodOfYear = periodOfYear();
        if (periodOfYear != null) {
            return periodOfYear;
        }
        boolean exclusive = false;
        boolean anchored = true;
        if (accept(Keyword.BEFORE)) {
            exclusive = true;
        } else if (accept(Keyword.LATEST)) {
            while (accept(Keyword.IS) || accept(Keyword.ON) || accept(Keyword.IN)) {
                // "chậm nhất là vào ngày …"
            }
        } else if (!accept(Keyword.ON) && !accept(Keyword.UNTIL) && !accept(Keyword.UNTIL_END)) {
            anchored = false;
        }
        boolean timed = timeOfDay();
        Token afterAnchor = tok();
        boolean dateFollows = afterAnchor != null && afterAnchor.type() == Token.Type.DATE;
        if (!accept(Keyword.DAY) && !(anchored && dateFollows)) {
            pos = m;
            return null;
        }
        dayPrefix();
        DayOfWeek weekday = weekday();
        if (weekday != null) {
            boolean weekly = seq(Keyword.EVERY, Keyword.WEEK);
            if (!weekly && !(anchored && afterCadence)) {
                pos = m;
                return null;
            }
            acceptPunct(')');
            return new Object[] {DueDayRule.weekday(weekday, exclusive && !timed), weekly ? Cadence.WEEKLY : null};
        }
        Token t = tok();
        int day;
        int month = 0;
        if (t != null && t.isNumber() && t.second() <= 2) {
            day = t.first();
            pos++;
            Token next = at(pos + 1);
            if (isKeyword(pos, Keyword.MONTH) && next != null && next.isNumber() && next.second() <= 2) {
                month = next.first();
                pos += 2;
            }
        } else if (t != null && t.type() == Token.Type.DATE && t.third() == 0) {
            day = t.first();
            month = t.second();
            pos++;
        } else {
            pos = m;
            return null;
        }
        int refStart = pos;
        acceptPunct(',');
        if (accept(Keyword.YEAR) && year() != null) {
            pos = m;
            return null;
        }
        pos = refStart;
        DueDayRule.MonthOfPeriod monthOfPeriod = DueDayRule.MonthOfPeriod.LAST;
        Cadence cadence = null;
        accept(Keyword.OF);
        if (accept(Keyword.EVERY)) {
            cadence = cadence();
        } else if (accept(Keyword.MONTH)) {
            if (accept(Keyword.END_OF) || accept(Keyword.START_OF)) {
                boolean firstMonth = tokens.get(pos - 1).is(Keyword.START_OF);
                monthOfPeriod = firstMonth ? DueDayRule.MonthOfPeriod.FIRST : DueDayRule.MonthOfPeriod.LAST;
                if (accept(Keyword.QUARTER)) {
                    cadence = Cadence.QUARTERLY;
                } else if (accept(Keyword.YEAR)) {
                    cadence = Cadence.ANNUAL;
                }
                if (cadence != null && (accept(Keyword.AFTER) || accept(Keyword.FOLLOWING))) {
                    monthOfPeriod = firstMonth ? DueDayRule.MonthOfPeriod.FOLLOWING : monthOfPeriod;
                }
            } else if (accept(Keyword.AFTER) || accept(Keyword.FOLLOWING)) {
                monthOfPeriod = DueDayRule.MonthOfPeriod.FOLLOWING;
                cadence = Cadence.MONTHLY;
            }
        }
        if (cadence == null) {
            pos = refStart;
            monthOfPeriod = DueDayRule.MonthOfPeriod.LAST;
            if (!anchored || !afterCadence) {
                pos = m;
                return null;
            }
        }
        if (day < 1 || day > 31 || month < 0 || month > 12) {
            throw new DateTimeException("Not a day of a period: " + day + "/" + month);
        }
        acceptPunct(')');
        return new Object[] {new DueDayRule(day, month, monthOfPeriod, exclusive), cadence};
    }

    /** "mùng", "mồng" before a day of the month ("ngày mùng 5"). */
    private void dayPrefix() {
        if (!words("mung")) {
            words("mong");
        }
    }

    /** A time of day before the day it is due on: "15:00", "15h00", "15 giờ"; consumed when present. */
    private boolean timeOfDay() {
        int m = pos;
        Token t = tok();
        if (t != null && t.isNumber() && t.second() <= 2) {
            pos++;
            if (acceptPunct(':') || words("h") || words("gio")) {
                Token minutes = tok();
                if (minutes != null && minutes.isNumber()) {
                    pos++;
                    words("phut");
                }
                return true;
            }
        }
        pos = m;
        return false;
    }

    /** "thứ Sáu", "thứ 6", "Chủ nhật"; null (nothing consumed) when no weekday follows. */
    private DayOfWeek weekday() {
        if (words("chu nhat")) {
            return DayOfWeek.SUNDAY;
        }
        Token t = at(pos + 1);
        if (!isWord(pos, "thu") || t == null) {
            return null;
        }
        int index = t.isNumber()
                ? t.first()
                : List.of("", "", "hai", "ba", "tu", "nam", "sau", "bay").indexOf(t.text());
        if (index < 2 || index > 7) {
            return null;
        }
        pos += 2;
        return DayOfWeek.of(index - 1);
    }

    /** "Tháng 12 hằng năm", "Quý IV hằng năm": due at the end of that month or quarter of every year. */
    private Object[] periodOfYear() {
        int m = pos;
        int month = 0;
        Token t = at(pos + 1);
        if (accept(Keyword.MONTH) && t != null && t.isNumber() && t.second() <= 2) {
            month = t.first();
        } else if (accept(Keyword.QUARTER) && t != null && (t.type() == Token.Type.ROMAN || t.isNumber())) {
            month = t.first() * 3;
        }
        pos++;
        if (month < 1 || month > 12 || !seq(Keyword.EVERY, Keyword.YEAR)) {
            pos = m;
            return null;
        }
        return new Object[] {new DueDayRule(31, month, DueDayRule.MonthOfPeriod.LAST, false), Cadence.ANNUAL};
    }

    /** {first year, last year} of "trong năm 2025", "từ năm 2024", "năm 2024-2025", or null. */
    private int[] yearScope() {
        int m = pos;
        acceptPunct(',');
        if (!accept(Keyword.IN) && !accept(Keyword.OF) && !accept(Keyword.WHOLE) && !words("suot")) {
            accept(Keyword.FROM);
        }
        if (!accept(Keyword.YEAR)) {
            pos = m;
            return null;
        }
        Integer first = year();
        if (first == null) {
            pos = m;
            return null;
        }
        int last = first;
        int m1 = pos;
        if (accept(Keyword.UNTIL) || acceptPunct('-')) {
            accept(Keyword.YEAR);
            Integer to = year();
            if (to != null && to >= first) {
                last = to;
            } else {
                pos = m1;
            }
        }
        return new int[] {first, last};
    }

    /** Whether the work goes on after the period just read ("và các năm tiếp theo", "trở đi"); consumed. */
    private boolean openEnd() {
        int m = pos;
        acceptPunct(',');
        accept(Keyword.AND);
        boolean found = (words("cac") || words("nhung"))
                && accept(Keyword.YEAR)
                && (accept(Keyword.FOLLOWING) || accept(Keyword.AFTER) || words("tiep"));
        if (!found) {
            pos = m;
            found = words("tro di") || words("tro ve sau") || words("ve sau");
        }
        if (!found) {
            pos = m;
        }
        return found;
    }

    // ---- dates and periods ----

    private Reading dated() {
        int m = pos;
        if (accept(Keyword.START_OF) || accept(Keyword.END_OF)) {
            accept(Keyword.OF);
        }
        Reading r = pointRange();
        if (r == null) {
            r = deadline();
        }
        if (r == null) {
            r = until();
        }
        if (r == null) {
            r = onDate();
        }
        if (r == null) {
            r = months();
        }
        if (r == null) {
            r = quarters();
        }
        if (r == null) {
            r = yearRange();
        }
        if (r == null) {
            r = startOnly();
        }
        if (r == null) {
            r = yearReading();
        }
        if (r == null) {
            pos = m;
            return null;
        }
        boolean span =
                r.kind == TimeframeKind.MONTH || r.kind == TimeframeKind.QUARTER || r.kind == TimeframeKind.RANGE;
        if (span && r.end != null && seq(Keyword.EVERY, Keyword.YEAR)) {
            return yearlyWindow(r);
        }
        if (span && r.end != null && r.due != null && openEnd()) {
            r.end = null;
        }
        return r;
    }

    /**
     * "Từ tháng 3 đến tháng 11 hằng năm": a window that comes round every year, due on its last day each year. The
     * occurrences are bounded by the plan year like every other recurrence; the window's first month is not kept.
     */
    private Reading yearlyWindow(Reading window) {
        Reading r = new Reading(TimeframeKind.RECURRING, null, null, null);
        r.cadences.add(Cadence.ANNUAL);
        r.dueDay = new DueDayRule(
                window.end.getDayOfMonth(), window.end.getMonthValue(), DueDayRule.MonthOfPeriod.LAST, false);
        int[] scope = yearScope();
        r.start = LocalDate.of(scope != null ? scope[0] : planYear, 1, 1);
        r.end = openEnd() ? null : LocalDate.of(scope != null ? scope[1] : planYear, 12, 31);
        return r;
    }

    private Reading deadline() {
        int m = pos;
        if (accept(Keyword.BEFORE)) {
            LocalDate[] p = point();
            if (p != null) {
                return byDate(p[0].minusDays(1));
            }
        } else if (accept(Keyword.LATEST)) {
            while (accept(Keyword.IS) || accept(Keyword.ON) || accept(Keyword.IN) || accept(Keyword.UNTIL)) {
                // "chậm nhất là vào ngày …", "chậm nhất trong tháng …"
            }
            LocalDate[] p = point();
            if (p != null) {
                return byDate(p[1]);
            }
        }
        pos = m;
        return null;
    }

    private Reading until() {
        int m = pos;
        accept(Keyword.PHASE);
        if (accept(Keyword.UNTIL_END) || accept(Keyword.UNTIL)) {
            LocalDate[] p = point();
            if (p != null) {
                return byDate(p[1]);
            }
        }
        pos = m;
        return null;
    }

    private static Reading byDate(LocalDate due) {
        return new Reading(TimeframeKind.BY_DATE, null, due, due);
    }

    /**
     * "Ngày 15/12/2024", "Vào ngày 15 tháng 12" is that day; a bare date ("31/10/2025", as in a "Thời hạn" column)
     * is an inclusive deadline.
     */
    private Reading onDate() {
        int m = pos;
        int[] d = date();
        if (d == null) {
            return null;
        }
        boolean day = m > 0 && tokens.get(m - 1).is(Keyword.ON);
        for (int i = m; i < pos; i++) {
            day |= tokens.get(i).is(Keyword.DAY);
        }
        LocalDate date = LocalDate.of(d[2] != 0 ? d[2] : planYear, d[1], d[0]);
        return day ? new Reading(TimeframeKind.ON_DATE, date, date, date) : byDate(date);
    }

    private Reading months() {
        int m = pos;
        boolean from = accept(Keyword.FROM);
        if (!accept(Keyword.MONTH)) {
            Token t = tok();
            boolean bare = t != null
                    && (t.type() == Token.Type.MONTH_YEAR
                            || t.isNumber()
                                    && t.second() <= 2
                                    && at(pos + 1) != null
                                    && at(pos + 1).isPunct('-')
                                    && at(pos + 2) != null
                                    && at(pos + 2).type() == Token.Type.MONTH_YEAR);
            if (from || !bare) {
                pos = m;
                return null;
            }
        }
        List<int[]> items = list(this::monthItem, Keyword.MONTH);
        if (items == null || from && items.size() == 1) {
            pos = m;
            return null;
        }
        int[] years = years(items);
        LocalDate start = YearMonth.of(years[0], items.get(0)[0]).atDay(1);
        LocalDate end = YearMonth.of(years[1], items.get(items.size() - 1)[0]).atEndOfMonth();
        return span(items.size() == 1 ? TimeframeKind.MONTH : TimeframeKind.RANGE, start, end, m);
    }

    private Reading quarters() {
        int m = pos;
        boolean from = accept(Keyword.FROM);
        if (!accept(Keyword.QUARTER)) {
            pos = m;
            return null;
        }
        List<int[]> items = list(this::quarterItem, Keyword.QUARTER);
        if (items == null || from && items.size() == 1) {
            pos = m;
            return null;
        }
        int[] years = years(items);
        LocalDate start = quarterStart(years[0], items.get(0)[0]);
        LocalDate end = quarterEnd(years[1], items.get(items.size() - 1)[0]);
        return span(items.size() == 1 ? TimeframeKind.QUARTER : TimeframeKind.RANGE, start, end, m);
    }

    private Reading span(TimeframeKind kind, LocalDate start, LocalDate end, int mark) {
        if (start.isAfter(end)) {
            pos = mark;
            return null;
        }
        return new Reading(kind, start, end, end);
    }

    /**
     * Items of a month or quarter list, each {value, year or 0}; null when there is no first item, or when items
     * enumerated with "," or "và" are not consecutive ("tháng 4 và tháng 8" is two separate months, not a span).
     */
    private List<int[]> list(Supplier<int[]> item, Keyword head) {
        int[] first = item.get();
        if (first == null) {
            return null;
        }
        List<int[]> items = new ArrayList<>();
        items.add(first);
        boolean gap = false;
        while (true) {
            int m = pos;
            boolean enumeration = acceptPunct(',') || accept(Keyword.AND);
            if (!enumeration && !acceptPunct('-') && !accept(Keyword.UNTIL_END) && !accept(Keyword.UNTIL)) {
                break;
            }
            accept(head);
            int[] next = item.get();
            if (next == null) {
                pos = m;
                break;
            }
            int[] previous = items.get(items.size() - 1);
            gap |= enumeration && next[0] != previous[0] + 1;
            items.add(next);
        }
        return gap ? null : items;
    }

    /**
     * The first and last year of a list. A year written only at the end ("Tháng 3 đến tháng 7 năm 2022") applies to
     * the whole list; a span that wraps round ("Tháng 10 đến tháng 3 năm 2025") starts the year before.
     */
    private int[] years(List<int[]> items) {
        int[] first = items.get(0);
        int[] last = items.get(items.size() - 1);
        boolean wraps = first[0] > last[0];
        if (first[1] != 0 && last[1] != 0) {
            return new int[] {first[1], last[1]};
        }
        if (last[1] != 0) {
            return new int[] {wraps ? last[1] - 1 : last[1], last[1]};
        }
        int startYear = first[1] != 0 ? first[1] : planYear;
        return new int[] {startYear, wraps ? startYear + 1 : startYear};
    }

    private int[] monthItem() {
        Token t = tok();
        if (t == null) {
            return null;
        }
        if (t.type() == Token.Type.MONTH_YEAR) {
            pos++;
            return new int[] {t.first(), t.second()};
        }
        if (t.isNumber() && t.second() <= 2) {
            pos++;
            return new int[] {t.first(), yearSuffix(false)};
        }
        return null;
    }

    /** A quarter number with its year; a figure outside 1–4 is not a guess but an invalid text. */
    private int[] quarterItem() {
        Token t = tok();
        if (t == null) {
            return null;
        }
        int[] item;
        if (t.type() == Token.Type.MONTH_YEAR) {
            pos++;
            item = new int[] {t.first(), t.second()};
        } else if (t.type() == Token.Type.ROMAN || t.isNumber() && t.second() == 1) {
            pos++;
            item = new int[] {t.first(), yearSuffix(true)};
        } else {
            return null;
        }
        if (item[0] < 1 || item[0] > 4) {
            throw new DateTimeException("Not a quarter: " + t.text());
        }
        return item;
    }

    /** ", năm 2024" or "/2024" (and "-2024" after a quarter); 0 (nothing consumed) when absent. */
    private int yearSuffix(boolean dash) {
        int m = pos;
        acceptPunct(',');
        if (accept(Keyword.YEAR) || acceptPunct('/') || dash && acceptPunct('-')) {
            Integer year = year();
            if (year != null) {
                return year;
            }
        }
        pos = m;
        return 0;
    }

    private Reading yearRange() {
        int m = pos;
        if (accept(Keyword.PHASE)) {
            Token t = tok();
            if (t != null && (t.type() == Token.Type.WORD && t.keyword() == null || t.type() == Token.Type.ROMAN)) {
                pos++;
            }
        } else if (accept(Keyword.FROM)) {
            accept(Keyword.YEAR);
        } else {
            accept(Keyword.YEAR);
        }
        acceptPunct('(');
        Integer from = year();
        Integer to = null;
        while (from != null) {
            int m1 = pos;
            if (!acceptPunct('-') && !accept(Keyword.UNTIL) && !acceptPunct(',') && !accept(Keyword.AND)) {
                break;
            }
            accept(Keyword.YEAR);
            Integer next = year();
            if (next == null) {
                pos = m1;
                break;
            }
            to = next;
        }
        if (to == null || from > to) {
            pos = m;
            return null;
        }
        acceptPunct(')');
        LocalDate end = LocalDate.of(to, 12, 31);
        return new Reading(TimeframeKind.RANGE, LocalDate.of(from, 1, 1), end, end);
    }

    /**
     * "Từ tháng 6/2025 đến hết năm 2025", "Quý IV/2025 - tháng 3/2026": any two points joined by "đến" or "-". A
     * first point without a year takes the year of the second.
     */
    private Reading pointRange() {
        int m = pos;
        if (!accept(Keyword.FROM)) {
            accept(Keyword.SINCE);
        }
        int firstStart = pos;
        LocalDate[] first = point();
        boolean firstNamed = pointYearNamed;
        if (first == null || !(accept(Keyword.UNTIL_END) || accept(Keyword.UNTIL) || acceptPunct('-'))) {
            pos = m;
            return null;
        }
        LocalDate[] last = point();
        if (last == null) {
            pos = m;
            return null;
        }
        int end = pos;
        if (!firstNamed) {
            pos = firstStart;
            defaultYear = last[1].getYear();
            first = point();
            defaultYear = planYear;
            pos = end;
        }
        if (first[0].isAfter(last[1])) {
            pos = m;
            return null;
        }
        return new Reading(TimeframeKind.RANGE, first[0], last[1], last[1]);
    }

    /** "Kể từ ngày 01/8/2025", "Bắt đầu từ quý III/2025", "Sau tháng 6/2025": a RANGE with no end and no due date. */
    private Reading startOnly() {
        int m = pos;
        boolean after = false;
        if (!accept(Keyword.SINCE) && !accept(Keyword.FROM)) {
            if (!accept(Keyword.AFTER)) {
                return null;
            }
            after = true;
        }
        LocalDate[] p = point();
        if (p == null) {
            pos = m;
            return null;
        }
        return new Reading(TimeframeKind.RANGE, after ? p[1].plusDays(1) : p[0], null, null);
    }

    private Reading yearReading() {
        int m = pos;
        boolean whole = accept(Keyword.WHOLE);
        Integer named;
        if (accept(Keyword.YEAR)) {
            named = year();
        } else {
            named = whole ? null : year();
            if (named == null) {
                pos = m;
                return null;
            }
        }
        boolean open = openEnd();
        Token t = tok();
        boolean tail = t == null
                || t.type() == Token.Type.PUNCT && SENTENCE_PUNCTUATION.contains(t.text())
                || named != null && tokens.get(m).type() != Token.Type.NUMBER;
        if (!open && !tail) {
            pos = m;
            return null;
        }
        int year = named != null ? named : planYear;
        LocalDate due = LocalDate.of(year, 12, 31);
        return new Reading(TimeframeKind.YEAR, LocalDate.of(year, 1, 1), open ? null : due, due);
    }

    /** The first and last day of a date, month, quarter or year, or null (nothing consumed). */
    private LocalDate[] point() {
        int m = pos;
        int[] d = date();
        if (d != null) {
            pointYearNamed = d[2] != 0;
            LocalDate day = LocalDate.of(d[2] != 0 ? d[2] : defaultYear, d[1], d[0]);
            return new LocalDate[] {day, day};
        }
        Token t = tok();
        if (accept(Keyword.MONTH) || t != null && t.type() == Token.Type.MONTH_YEAR) {
            int[] item = monthItem();
            if (item != null) {
                pointYearNamed = item[1] != 0;
                YearMonth month = YearMonth.of(item[1] != 0 ? item[1] : defaultYear, item[0]);
                return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
            }
        } else if (accept(Keyword.QUARTER)) {
            int[] item = quarterItem();
            if (item != null) {
                pointYearNamed = item[1] != 0;
                int year = item[1] != 0 ? item[1] : defaultYear;
                return new LocalDate[] {quarterStart(year, item[0]), quarterEnd(year, item[0])};
            }
        } else {
            accept(Keyword.YEAR);
            Integer year = year();
            pointYearNamed = true;
            if (year != null) {
                return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
            }
        }
        pos = m;
        return null;
    }

    /** {day, month, year or 0} of "ngày 15/12/2024", "15/12", "ngày 30 tháng 6 năm 2024"; null when absent. */
    private int[] date() {
        int m = pos;
        timeOfDay();
        if (accept(Keyword.DAY)) {
            dayPrefix();
        }
        Token t = tok();
        if (t != null && t.type() == Token.Type.DATE) {
            pos++;
            return new int[] {t.first(), t.second(), t.third()};
        }
        Token month = at(pos + 2);
        if (t != null
                && t.isNumber()
                && t.second() <= 2
                && isKeyword(pos + 1, Keyword.MONTH)
                && month != null
                && month.isNumber()
                && month.second() <= 2) {
            pos += 3;
            int m1 = pos;
            acceptPunct(',');
            Integer year = accept(Keyword.YEAR) ? year() : null;
            if (year == null) {
                pos = m1;
            }
            return new int[] {t.first(), month.first(), year == null ? 0 : year};
        }
        pos = m;
        return null;
    }

    /** A four-digit year, or one split by extraction ("20 25"); null (nothing consumed) otherwise. */
    private Integer year() {
        Token t = tok();
        if (t == null || !t.isNumber()) {
            return null;
        }
        if (t.second() == 4) {
            pos++;
            return t.first();
        }
        Token next = at(pos + 1);
        if (t.second() == 2
                && (t.first() == 19 || t.first() == 20)
                && next != null
                && next.isNumber()
                && next.second() == 2
                && next.start() == t.end() + 1) {
            pos += 2;
            return t.first() * 100 + next.first();
        }
        return null;
    }

    private static LocalDate quarterStart(int year, int quarter) {
        return LocalDate.of(year, quarter * 3 - 2, 1);
    }

    private static LocalDate quarterEnd(int year, int quarter) {
        return YearMonth.of(year, quarter * 3).atEndOfMonth();
    }

    // ---- token helpers ----

    private Token tok() {
        return at(pos);
    }

    private Token at(int i) {
        return i < limit ? tokens.get(i) : null;
    }

    private boolean isWord(int i, String word) {
        Token t = at(i);
        return t != null && t.type() == Token.Type.WORD && t.text().equals(word);
    }

    private boolean isKeyword(int i, Keyword keyword) {
        Token t = at(i);
        return t != null && t.is(keyword);
    }

    private static boolean isNumber(Token t, int value) {
        return t.isNumber() && t.first() == value && t.second() <= 2;
    }

    private boolean periodNumberAt(int i) {
        Token t = at(i);
        return t != null
                && (t.isNumber()
                        || t.type() == Token.Type.ROMAN
                        || t.type() == Token.Type.MONTH_YEAR
                        || t.type() == Token.Type.DATE);
    }

    private boolean yearAt(int i) {
        int m = pos;
        pos = i;
        boolean found = year() != null;
        pos = m;
        return found;
    }

    private boolean accept(Keyword keyword) {
        if (isKeyword(pos, keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptPunct(char c) {
        Token t = tok();
        if (t != null && t.isPunct(c)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Keywords in sequence, all or nothing. */
    private boolean seq(Keyword... keywords) {
        int m = pos;
        for (Keyword keyword : keywords) {
            if (!accept(keyword)) {
                pos = m;
                return false;
            }
        }
        return true;
    }

    /** Words (folded, space separated) in sequence, whether or not they are keywords; all or nothing. */
    private boolean words(String phrase) {
        int m = pos;
        String rest = phrase;
        while (!rest.isEmpty()) {
            Token t = tok();
            if (t == null
                    || t.type() != Token.Type.WORD
                    || !rest.startsWith(t.text())
                    || rest.length() > t.text().length() && rest.charAt(t.text().length()) != ' ') {
                pos = m;
                return false;
            }
            rest = rest.substring(t.text().length()).stripLeading();
            pos++;
        }
        return true;
    }

    private String displayOf(int from, int to) {
        return display.substring(tokens.get(from).start(), tokens.get(to - 1).end())
                .strip();
    }

    // ---- explanation ----

    private boolean[] covered() {
        boolean[] covered = new boolean[display.length()];
        for (int[] span : spans) {
            if (span[1] > span[0]) {
                for (int c = tokens.get(span[0]).start();
                        c < tokens.get(span[1] - 1).end();
                        c++) {
                    covered[c] = true;
                }
            }
        }
        return covered;
    }

    private List<String> recognised() {
        boolean[] covered = covered();
        List<String> parts = new ArrayList<>();
        int c = 0;
        while (c < covered.length) {
            if (!covered[c]) {
                c++;
                continue;
            }
            int end = c;
            while (end < covered.length
                    && (covered[end] || display.charAt(end) == ' ' && end + 1 < covered.length && covered[end + 1])) {
                end++;
            }
            parts.add(display.substring(c, end).strip());
            c = end;
        }
        return parts;
    }

    private String leftover() {
        boolean[] covered = covered();
        List<String> pieces = new ArrayList<>();
        int c = 0;
        while (c < covered.length) {
            if (covered[c]) {
                c++;
                continue;
            }
            int end = c;
            while (end < covered.length && !covered[end]) {
                end++;
            }
            String piece = trimPunctuation(display.substring(c, end));
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            c = end;
        }
        return String.join(" … ", pieces);
    }

    private static String trimPunctuation(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && " ,;:.-".indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        while (e > b && " ,;:.-".indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(b, e);
    }
}
