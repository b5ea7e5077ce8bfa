package vn.partracker.plans.domain.timeframe;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.partracker.events.period.Frequency;

/**
 * The rules behind {@link Timeframe#parse}: an ordered list of patterns over the folded text (see
 * {@link FoldedText}), the first that matches wins.
 *
 * <p>The order matters where wordings overlap: relative deadlines ("Chậm nhất 10 ngày kể từ …") before events
 * ("Khi …", "Sau khi …"), continuous and periodic wordings before dates, explicit days before months, quarters and
 * years. Most rules are anchored at the start of the text after an optional lead-in such as "Hoàn thành trong" or
 * "Thực hiện", so that a legal reference later in a sentence ("… ngày 05 tháng 01 năm 2024") is not mistaken for
 * the timeframe; "trước ngày …" and "chậm nhất ngày …" are found anywhere, because plans put them in the middle of
 * prose ("Kết quả rà soát gửi về Văn phòng UBND tỉnh trước ngày 31/8/2024 để tổng hợp").
 */
final class TimeframeParser {

    private static final Pattern LEAD_IN = Pattern.compile("^(?:(?:thoi gian|thoi han)(?:\\s+(?:thuc hien|hoan thanh))?"
            + "\\s*:?\\s*)?(?:(?:phan dau\\s+)?(?:hoan thanh|thuc hien|trien khai|du kien|ket thuc|duy tri|tien hanh)"
            + "(?![a-z])\\s*:?\\s*)?(?:(?:trong suot|trong thoi gian|trong(?!\\s+(?:vong|thoi han))|vao|suot)"
            + "(?![a-z])\\s*)?");

    private static final String DAYS = "(\\d{1,3})\\s*ngay(\\s+lam viec)?(?![a-z])";
    private static final String WITHIN = "(?:cham nhat|muon nhat|toi da|khong qua|trong vong|trong thoi han|trong)";

    private static final Pattern RELATIVE_DAYS_FIRST = Pattern.compile("^(?:" + WITHIN + "\\s+)?(?:la\\s+)?"
            + "(?:(truoc|sau)\\s+)?" + DAYS + "\\s*,?\\s+(ke tu|tinh tu|tinh den|sau khi|sau|truoc khi|truoc)\\s+"
            + "(?:ngay\\s+)?(.+)$");
    private static final Pattern RELATIVE_EVENT_FIRST = Pattern.compile("^(?:ngay\\s+)?(?:sau khi|ke tu khi|ke tu ngay"
            + "|ke tu|tinh tu ngay|tinh tu)\\s+(.+?)\\s*[(,;-]?\\s*" + WITHIN + "\\s+(?:la\\s+)?(?:trong\\s+)?"
            + "(?:vong\\s+)?" + DAYS + "\\s*\\)?$");

    private static final Pattern ON_EVENT = Pattern.compile("^(?:(?:ngay\\s+)?(?:sau khi|ngay khi|truoc khi|ke tu khi"
            + "|khi|trong truong hop|truong hop|neu|tuy theo)(?![a-z])|(?:dot xuat\\s*,?\\s*)?(?:khi|theo)\\s+"
            + "(?:co\\s+)?(?:yeu cau|chi dao)(?![a-z])|(?:co\\s+)?phat sinh(?![a-z])|dot xuat(?![a-z]))");

    private static final Pattern ONGOING = Pattern.compile("^(?:thuong xuyen|lien tuc|hang ngay)(?![a-z])"
            + "(?:\\s*[,;]?\\s*(?:va\\s+)?(?:thuong xuyen|lien tuc)(?![a-z]))*(?:\\s*[,;]?\\s*"
            + "(?:(?:trong|ca|suot|cua|tu)\\s+)?nam\\s+(\\d{4})(?![\\d/]))?");

    private static final Pattern HALF_YEAR = Pattern.compile("^(?:(6|sau|9|chin)\\s+thang\\s+(?:(dau|cuoi)\\s+)?nam"
            + "|nua\\s+(dau|cuoi)\\s+nam)(?:\\s+(\\d{4}))?(?![a-z\\d/])");

    private static final String FREQUENCY =
            "(?:6\\s+thang|sau\\s+thang|nua\\s+nam|9\\s+thang|chin\\s+thang|thang|qu[yi]|nam)(?![a-z0-9])";
    private static final String FREQUENCY_SEPARATOR =
            "\\s*(?:,|;|/|-|(?<![a-z])(?:va|hoac)(?![a-z]))\\s*(?:(?:hang|moi)\\s+)?";
    private static final Pattern RECURRING = Pattern.compile("^(?:(?:bao cao|to chuc|tong hop|cong khai)\\s+)?"
            + "(?:(dinh k[yi])(?![a-z])\\s*,?\\s*)?(?:(hang|moi)\\s+(?=" + FREQUENCY + "))?"
            + "(" + FREQUENCY + "(?:" + FREQUENCY_SEPARATOR + FREQUENCY + ")*)?(?:\\s+mot\\s+lan(?![a-z]))?");
    private static final Pattern FREQUENCY_TOKEN =
            Pattern.compile("(?:(6|sau|nua|9|chin)\\s+)?(thang|qu[yi]|nam)(?![a-z0-9])");
    private static final Pattern BARE_PERIOD_END = Pattern.compile("^\\s*(?:$|[(,;.]|(?:va|hoac)\\s+dot xuat)");
    private static final Pattern YEAR_AFTER =
            Pattern.compile("^\\s*,?\\s*(?:(?:trong|cua|ca|suot)\\s+)?nam\\s+(\\d{4})(?![\\d/])");

    private static final String DATE = "(?:ngay\\s+)?(?:(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{4}))?(?![\\d/])"
            + "|(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s*,?\\s*nam\\s+(\\d{4}))?(?!\\d))";
    private static final int DATE_GROUPS = 6;
    private static final String LATEST =
            "(?<![a-z])(?:cham nhat|muon nhat|han chot|han cuoi|khong muon hon)\\s+(?:(?:la|vao|trong|den)\\s+)*";

    private static final Pattern DATE_RANGE =
            Pattern.compile("^(?:tu\\s+)?" + DATE + "\\s*(?:den|toi|-)\\s*(?:het\\s+)?" + DATE + "$");
    private static final Pattern BEFORE_DATE = Pattern.compile("(?<![a-z])truoc\\s+" + DATE);
    private static final Pattern LATEST_DATE = Pattern.compile(LATEST + DATE);
    private static final String UNTIL = "^(?:giai doan\\s+)?(?:den|toi)\\s+(?:het\\s+)?";
    private static final Pattern UNTIL_DATE = Pattern.compile(UNTIL + DATE);
    private static final Pattern BEFORE_PERIOD = Pattern.compile("(?<![a-z])truoc\\s+(?=(?:thang|qu[yi]|nam)\\s)");
    private static final Pattern LATEST_PERIOD = Pattern.compile(LATEST + "(?=(?:thang|qu[yi]|nam)\\s)");
    private static final Pattern UNTIL_PERIOD = Pattern.compile(UNTIL + "(?=(?:thang|qu[yi]|nam)\\s)");
    private static final Pattern ON_DATE = Pattern.compile("^" + DATE + "$");

    private static final String YEAR_SUFFIX = "(?:\\s*,?\\s*(?:nam|/)\\s*(\\d{4})(?![\\d/]))?";
    private static final Pattern MONTH_HEAD = Pattern.compile("^(?:tu\\s+)?thang\\s+");
    private static final Pattern MONTH_TOKEN = Pattern.compile("(\\d{1,2})(?!\\d)" + YEAR_SUFFIX);
    private static final Pattern MONTH_SEPARATOR =
            Pattern.compile("\\s*(?:,|-|(?<![a-z])(?:va|den het|den|toi)(?![a-z]))\\s*(?:thang\\s+)?");
    private static final Pattern QUARTER_HEAD = Pattern.compile("^(?:tu\\s+)?qu[yi]\\s+");
    private static final Pattern QUARTER_TOKEN = Pattern.compile(
            "(iv|iii|ii|i|lv|lll|ll|l|[1-4])(?![a-z0-9])(?:\\s*,?\\s*(?:nam|/|-)\\s*(\\d{4})(?![\\d/]))?");
    private static final Pattern QUARTER_SEPARATOR =
            Pattern.compile("\\s*(?:,|-|(?<![a-z])(?:va|den het|den|toi)(?![a-z]))\\s*(?:qu[yi]\\s+)?");
    private static final Pattern PERIOD =
            Pattern.compile("(?:thang\\s+(\\d{1,2})(?!\\d)|qu[yi]\\s+(iv|iii|ii|i|lv|lll|ll|l|[1-4])(?![a-z0-9]))"
                    + YEAR_SUFFIX + "|nam\\s+(\\d{4})(?![\\d/])");

    private static final Pattern YEAR_RANGE =
            Pattern.compile("^(?:(?:giai doan(?:\\s+[a-z]+)?|tu nam|tu|nam)\\s*\\(?\\s*)?"
                    + "(\\d{4})\\s*(?:-|den|toi)\\s*(?:nam\\s+)?(\\d{4})(?![\\d/])");
    private static final Pattern YEAR =
            Pattern.compile("^(?:(?:ca\\s+)?nam(?:\\s+(\\d{4})(?![\\d/]))?|(\\d{4})(?![\\d/]))(?![a-z0-9])");
    private static final Pattern OPEN_END = Pattern.compile("(?<![a-z])(?:(?:va\\s+)?(?:cac|nhung)\\s+nam\\s+"
            + "(?:tiep theo|sau|ke tiep|tiep)|tro di|tro ve sau|ve sau)(?![a-z])");
    private static final Pattern YEAR_TAIL = Pattern.compile("^\\s*(?:$|[(,;.])");

    private static final List<Function<Input, Timeframe>> RULES = List.of(
            TimeframeParser::relative,
            TimeframeParser::onEvent,
            TimeframeParser::ongoing,
            TimeframeParser::halfYear,
            TimeframeParser::recurring,
            TimeframeParser::dateRange,
            TimeframeParser::deadline,
            TimeframeParser::onDate,
            TimeframeParser::months,
            TimeframeParser::quarters,
            TimeframeParser::yearRange,
            TimeframeParser::year);

    private TimeframeParser() {}

    /** See {@link Timeframe#parse}. */
    static Timeframe parse(String text, int planYear) {
        String original = text == null ? "" : text.strip();
        FoldedText folded = FoldedText.of(original);
        if (folded.folded().isEmpty()) {
            return Timeframe.unstructured(original);
        }
        Matcher leadIn = LEAD_IN.matcher(folded.folded());
        int coreStart = leadIn.lookingAt() ? leadIn.end() : 0;
        Input input = new Input(original, folded.display(), folded.folded(), coreStart, planYear);
        try {
            for (Function<Input, Timeframe> rule : RULES) {
                Timeframe timeframe = rule.apply(input);
                if (timeframe != null) {
                    return timeframe;
                }
            }
        } catch (DateTimeException invalidDate) {
            return Timeframe.unstructured(original);
        }
        return Timeframe.unstructured(original);
    }

    private static Timeframe relative(Input in) {
        Matcher m = in.core(RELATIVE_DAYS_FIRST);
        if (m.lookingAt()) {
            String anchor = m.group(4);
            boolean before = "truoc".equals(m.group(1)) || anchor.equals("tinh den") || anchor.startsWith("truoc");
            int days = Integer.parseInt(m.group(2));
            return relative(in, before ? -days : days, m.group(3) != null, in.display(m, 5));
        }
        m = in.core(RELATIVE_EVENT_FIRST);
        if (m.lookingAt()) {
            return relative(in, Integer.parseInt(m.group(2)), m.group(3) != null, in.display(m, 1));
        }
        return null;
    }

    private static Timeframe relative(Input in, int days, boolean workingDays, String event) {
        return new Timeframe(TimeframeKind.RELATIVE, null, null, null, null, in.original(), days, workingDays, event);
    }

    private static Timeframe onEvent(Input in) {
        return in.core(ON_EVENT).lookingAt()
                ? Timeframe.of(TimeframeKind.ON_EVENT, null, null, null, in.original())
                : null;
    }

    private static Timeframe ongoing(Input in) {
        Matcher m = in.core(ONGOING);
        if (!m.lookingAt()) {
            return null;
        }
        int year = m.group(1) != null ? Integer.parseInt(m.group(1)) : in.planYear();
        LocalDate end = in.openEndedAfter(m.end()) ? null : LocalDate.of(year, 12, 31);
        return Timeframe.of(TimeframeKind.ONGOING, LocalDate.of(year, 1, 1), end, null, in.original());
    }

    private static Timeframe halfYear(Input in) {
        Matcher m = in.core(HALF_YEAR);
        if (!m.lookingAt()) {
            return null;
        }
        int months = m.group(1) == null || m.group(1).equals("6") || m.group(1).equals("sau") ? 6 : 9;
        boolean last = "cuoi".equals(m.group(2)) || "cuoi".equals(m.group(3));
        int year = m.group(4) != null ? Integer.parseInt(m.group(4)) : in.planYear();
        LocalDate start = LocalDate.of(year, last ? 13 - months : 1, 1);
        LocalDate end = YearMonth.of(year, last ? 12 : months).atEndOfMonth();
        return Timeframe.of(TimeframeKind.RANGE, start, end, end, in.original());
    }

    private static Timeframe recurring(Input in) {
        Matcher m = in.core(RECURRING);
        if (!m.lookingAt()) {
            return null;
        }
        boolean periodic = m.group(1) != null;
        boolean marked = m.group(2) != null;
        String list = m.group(3);
        boolean barePeriod =
                isBarePeriodList(list) && in.region(BARE_PERIOD_END, m.end()).lookingAt();
        if (!periodic && !marked && !barePeriod) {
            return null;
        }
        Set<Frequency> frequencies = EnumSet.noneOf(Frequency.class);
        if (list != null) {
            Matcher token = FREQUENCY_TOKEN.matcher(list);
            while (token.find()) {
                frequencies.add(frequency(token.group(1), token.group(2)));
            }
        }
        Matcher yearMatcher = in.region(YEAR_AFTER, m.end());
        int year = yearMatcher.lookingAt() ? Integer.parseInt(yearMatcher.group(1)) : in.planYear();
        LocalDate end = in.openEndedAfter(m.end()) ? null : LocalDate.of(year, 12, 31);
        Recurrence recurrence = new Recurrence(frequencies, in.folded().contains("dot xuat"));
        return new Timeframe(
                TimeframeKind.RECURRING,
                LocalDate.of(year, 1, 1),
                end,
                null,
                recurrence,
                in.original(),
                null,
                false,
                null);
    }

    /**
     * "6 tháng", "9 tháng" and "nửa năm" name a reporting period even without "hằng"/"định kỳ" ("Báo cáo 6 tháng,
     * năm"); a bare "tháng", "quý" or "năm" does not, it starts a date ("Tháng 5/2024", "Năm 2024").
     */
    private static boolean isBarePeriodList(String list) {
        return list != null
                && (list.startsWith("6")
                        || list.startsWith("9")
                        || list.startsWith("sau")
                        || list.startsWith("chin")
                        || list.startsWith("nua"));
    }

    private static Frequency frequency(String count, String unit) {
        if (unit.equals("nam")) {
            return "nua".equals(count) ? Frequency.SEMI_ANNUAL : Frequency.ANNUAL;
        }
        if (unit.startsWith("qu")) {
            return Frequency.QUARTERLY;
        }
        if (count == null) {
            return Frequency.MONTHLY;
        }
        return count.equals("9") || count.equals("chin") ? Frequency.NINE_MONTHS : Frequency.SEMI_ANNUAL;
    }

    private static Timeframe dateRange(Input in) {
        Matcher m = in.core(DATE_RANGE);
        if (!m.lookingAt()) {
            return null;
        }
        LocalDate end = date(m, 1 + DATE_GROUPS, in.planYear());
        LocalDate start = date(m, 1, yearOf(m, 1 + DATE_GROUPS, in.planYear()));
        if (start.isAfter(end)) {
            return null;
        }
        return Timeframe.of(TimeframeKind.RANGE, start, end, end, in.original());
    }

    private static Timeframe deadline(Input in) {
        Matcher m = in.core(BEFORE_DATE);
        if (m.find()) {
            return byDate(in, date(m, 1, in.planYear()).minusDays(1));
        }
        m = in.core(LATEST_DATE);
        if (m.find()) {
            return byDate(in, date(m, 1, in.planYear()));
        }
        m = in.core(UNTIL_DATE);
        if (m.lookingAt()) {
            return byDate(in, date(m, 1, in.planYear()));
        }
        m = in.core(BEFORE_PERIOD);
        if (m.find()) {
            LocalDate[] period = period(in, m.end());
            return period == null ? null : byDate(in, period[0].minusDays(1));
        }
        m = in.core(LATEST_PERIOD);
        Matcher until = in.core(UNTIL_PERIOD);
        int periodStart = m.find() ? m.end() : until.lookingAt() ? until.end() : -1;
        if (periodStart >= 0) {
            LocalDate[] period = period(in, periodStart);
            return period == null ? null : byDate(in, period[1]);
        }
        return null;
    }

    private static Timeframe byDate(Input in, LocalDate due) {
        return Timeframe.of(TimeframeKind.BY_DATE, null, due, due, in.original());
    }

    private static LocalDate[] period(Input in, int from) {
        Matcher m = in.region(PERIOD, from);
        if (!m.lookingAt()) {
            return null;
        }
        if (m.group(4) != null) {
            int year = Integer.parseInt(m.group(4));
            return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
        }
        int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : in.planYear();
        if (m.group(1) != null) {
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(1)));
            return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
        }
        int quarter = quarter(m.group(2));
        return new LocalDate[] {quarterStart(year, quarter), quarterEnd(year, quarter)};
    }

    private static Timeframe onDate(Input in) {
        Matcher m = in.core(ON_DATE);
        if (!m.lookingAt()) {
            return null;
        }
        LocalDate day = date(m, 1, in.planYear());
        return Timeframe.of(TimeframeKind.ON_DATE, day, day, day, in.original());
    }

    private static Timeframe months(Input in) {
        List<int[]> tokens = scan(in, MONTH_HEAD, MONTH_TOKEN, MONTH_SEPARATOR, Integer::parseInt);
        if (tokens == null) {
            return null;
        }
        int[] years = years(tokens, in.planYear());
        LocalDate start = YearMonth.of(years[0], tokens.get(0)[0]).atDay(1);
        LocalDate end = YearMonth.of(years[1], tokens.get(tokens.size() - 1)[0]).atEndOfMonth();
        TimeframeKind kind = tokens.size() == 1 ? TimeframeKind.MONTH : TimeframeKind.RANGE;
        return start.isAfter(end) ? null : Timeframe.of(kind, start, end, end, in.original());
    }

    private static Timeframe quarters(Input in) {
        List<int[]> tokens = scan(in, QUARTER_HEAD, QUARTER_TOKEN, QUARTER_SEPARATOR, TimeframeParser::quarter);
        if (tokens == null) {
            return null;
        }
        int[] years = years(tokens, in.planYear());
        LocalDate start = quarterStart(years[0], tokens.get(0)[0]);
        LocalDate end = quarterEnd(years[1], tokens.get(tokens.size() - 1)[0]);
        TimeframeKind kind = tokens.size() == 1 ? TimeframeKind.QUARTER : TimeframeKind.RANGE;
        return start.isAfter(end) ? null : Timeframe.of(kind, start, end, end, in.original());
    }

    /**
     * Reads "tháng 3, 4 đến tháng 7 năm 2022"-style lists: a head, then tokens (a number with an optional year)
     * joined by separators. Returns {value, year or 0} per token, or null when the head or first token is missing.
     */
    private static List<int[]> scan(
            Input in, Pattern head, Pattern token, Pattern separator, Function<String, Integer> value) {
        Matcher h = in.core(head);
        if (!h.lookingAt()) {
            return null;
        }
        List<int[]> tokens = new ArrayList<>();
        int position = h.end();
        while (true) {
            Matcher t = in.region(token, position);
            if (!t.lookingAt()) {
                break;
            }
            tokens.add(new int[] {value.apply(t.group(1)), t.group(2) == null ? 0 : Integer.parseInt(t.group(2))});
            Matcher s = in.region(separator, t.end());
            if (!s.lookingAt() || !in.region(token, s.end()).lookingAt()) {
                break;
            }
            position = s.end();
        }
        return tokens.isEmpty() ? null : tokens;
    }

    /**
     * The start and end year of a scanned list. A year written only at the end ("Tháng 3 đến tháng 7 năm 2022")
     * applies to the whole list; a span that wraps round ("Tháng 10 đến tháng 3 năm 2025") starts the year before.
     */
    private static int[] years(List<int[]> tokens, int planYear) {
        int[] first = tokens.get(0);
        int[] last = tokens.get(tokens.size() - 1);
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

    private static Timeframe yearRange(Input in) {
        Matcher m = in.core(YEAR_RANGE);
        if (!m.lookingAt()) {
            return null;
        }
        int from = Integer.parseInt(m.group(1));
        int to = Integer.parseInt(m.group(2));
        if (from > to) {
            return null;
        }
        LocalDate end = LocalDate.of(to, 12, 31);
        return Timeframe.of(TimeframeKind.RANGE, LocalDate.of(from, 1, 1), end, end, in.original());
    }

    private static Timeframe year(Input in) {
        Matcher m = in.core(YEAR);
        if (!m.lookingAt()) {
            return null;
        }
        String digits = m.group(1) != null ? m.group(1) : m.group(2);
        boolean openEnded = in.openEndedAfter(m.end());
        if (!openEnded && !in.region(YEAR_TAIL, m.end()).lookingAt()) {
            return null;
        }
        int year = digits != null ? Integer.parseInt(digits) : in.planYear();
        LocalDate due = LocalDate.of(year, 12, 31);
        return Timeframe.of(TimeframeKind.YEAR, LocalDate.of(year, 1, 1), openEnded ? null : due, due, in.original());
    }

    private static LocalDate date(Matcher m, int firstGroup, int defaultYear) {
        int offset = m.group(firstGroup) != null ? firstGroup : firstGroup + 3;
        int day = Integer.parseInt(m.group(offset));
        int month = Integer.parseInt(m.group(offset + 1));
        String year = m.group(offset + 2);
        return LocalDate.of(year != null ? Integer.parseInt(year) : defaultYear, month, day);
    }

    private static int yearOf(Matcher m, int firstGroup, int defaultYear) {
        int offset = m.group(firstGroup) != null ? firstGroup : firstGroup + 3;
        String year = m.group(offset + 2);
        return year != null ? Integer.parseInt(year) : defaultYear;
    }

    /** Quarter numbers in roman or arabic figures; "l" stands for "I" in OCR text ("Quý l, II năm 2022"). */
    private static int quarter(String token) {
        switch (token.replace('l', 'i')) {
            case "i", "1":
                return 1;
            case "ii", "2":
                return 2;
            case "iii", "3":
                return 3;
            case "iv", "4":
                return 4;
            default:
                throw new DateTimeException("Not a quarter: " + token);
        }
    }

    private static LocalDate quarterStart(int year, int quarter) {
        return LocalDate.of(year, quarter * 3 - 2, 1);
    }

    private static LocalDate quarterEnd(int year, int quarter) {
        return YearMonth.of(year, quarter * 3).atEndOfMonth();
    }

    /**
     * One text being parsed: the trimmed original, its aligned display and folded forms, where the core (after the
     * lead-in) starts, and the plan year that fills in missing years.
     */
    private record Input(String original, String display, String folded, int coreStart, int planYear) {

        Matcher core(Pattern pattern) {
            return region(pattern, coreStart);
        }

        Matcher region(Pattern pattern, int from) {
            return pattern.matcher(folded).region(from, folded.length());
        }

        String display(Matcher m, int group) {
            return display.substring(m.start(group), m.end(group)).strip();
        }

        boolean openEndedAfter(int from) {
            return region(OPEN_END, from).find();
        }
    }
}
