package vn.partracker.plans.domain.timeframe;

/**
 * The words and phrases that carry timing meaning, each with its folded spellings (see {@link FoldedText}). The
 * tokenizer turns the longest phrase that matches into one token, so "sau khi" is {@link #AFTER_EVENT} and not
 * {@link #AFTER} followed by {@link #WHEN}.
 */
enum Keyword {
    /** "ngày": day. */
    DAY("ngay"),
    /** "tuần": week. */
    WEEK("tuan"),
    /** "tháng": month. */
    MONTH("thang"),
    /** "quý", "quí": quarter. */
    QUARTER("quy", "qui"),
    /** "năm": year. */
    YEAR("nam"),
    /** "nửa": half ("nửa năm", "nửa đầu năm"). */
    HALF("nua"),
    /** "chín": nine ("chín tháng"); "sáu" folds to "sau" and is read from {@link #AFTER}. */
    NINE("chin"),
    /** "trước": before; the named day is not included. */
    BEFORE("truoc"),
    /** "sau": after; also "sáu" (six), which folds the same. */
    AFTER("sau"),
    /** "chậm nhất", "muộn nhất", "hạn chót", "hạn cuối", "không muộn hơn": at the latest, inclusive. */
    LATEST("cham nhat", "muon nhat", "han chot", "han cuoi", "khong muon hon"),
    /** "đến hết", "tới hết": up to the end of. */
    UNTIL_END("den het", "toi het"),
    /** "đến", "tới": until. */
    UNTIL("den", "toi"),
    /** "từ": from. */
    FROM("tu"),
    /** "kể từ", "tính từ", "bắt đầu từ", "bắt đầu": since, starting. */
    SINCE("ke tu", "tinh tu", "bat dau tu", "bat dau"),
    /** "tính đến": counted up to (a relative deadline before an event). */
    COUNTING_TO("tinh den"),
    /** "trong": in, within. */
    IN("trong"),
    /** "trong vòng", "trong thời hạn", "tối đa", "không quá": within (a number of days). */
    WITHIN("trong vong", "trong thoi han", "toi da", "khong qua"),
    /** "dự kiến": expected (a hedge). */
    EXPECTED("du kien"),
    /** "khoảng": about (a hedge). */
    ABOUT("khoang"),
    /** "hằng", "hàng", "mỗi": every. */
    EVERY("hang", "moi"),
    /** "định kỳ", "định kì": periodically. */
    PERIODIC("dinh ky", "dinh ki"),
    /** "đột xuất": ad hoc. */
    AD_HOC("dot xuat"),
    /** "thường xuyên", "liên tục": continuously. */
    CONTINUOUS("thuong xuyen", "lien tuc"),
    /** "khi": when. */
    WHEN("khi"),
    /** "sau khi": after (an event). */
    AFTER_EVENT("sau khi"),
    /** "lần đầu": the first time. */
    FIRST_TIME("lan dau"),
    /** "sau đó": thereafter (starts a new clause). */
    THEREAFTER("sau do"),
    /** "đầu": beginning, first. */
    START_OF("dau"),
    /** "cuối": end, last. */
    END_OF("cuoi"),
    /** "và": and. */
    AND("va"),
    /** "hoặc": or. */
    OR("hoac"),
    /** "là": is. */
    IS("la"),
    /** "vào": on, at. */
    ON("vao"),
    /** "của": of. */
    OF("cua"),
    /** "cả": the whole. */
    WHOLE("ca"),
    /** "giai đoạn": period, phase. */
    PHASE("giai doan"),
    /** "một lần": once. */
    ONCE("mot lan"),
    /** "làm việc": working (days). */
    WORKING("lam viec"),
    /** "tiếp theo", "kế tiếp": following. */
    FOLLOWING("tiep theo", "ke tiep");

    private final String[][] phrases;

    Keyword(String... spellings) {
        phrases = new String[spellings.length][];
        for (int i = 0; i < spellings.length; i++) {
            phrases[i] = spellings[i].split(" ");
        }
    }

    /** The folded spellings, each split into words. */
    String[][] phrases() {
        return phrases;
    }
}
