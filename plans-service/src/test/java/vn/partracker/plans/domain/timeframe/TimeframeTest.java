package vn.partracker.plans.domain.timeframe;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.partracker.plans.domain.timeframe.TimeframeKind.BY_DATE;
import static vn.partracker.plans.domain.timeframe.TimeframeKind.MONTH;
import static vn.partracker.plans.domain.timeframe.TimeframeKind.ONGOING;
import static vn.partracker.plans.domain.timeframe.TimeframeKind.ON_DATE;
import static vn.partracker.plans.domain.timeframe.TimeframeKind.ON_EVENT;
import static vn.partracker.plans.domain.timeframe.TimeframeKind.QUARTER;
import static vn.partracker.plans.domain.timeframe.TimeframeKind.RANGE;
import static vn.partracker.plans.domain.timeframe.TimeframeKind.RECURRING;
import static vn.partracker.plans.domain.timeframe.TimeframeKind.RELATIVE;
import static vn.partracker.plans.domain.timeframe.TimeframeKind.UNSTRUCTURED;
import static vn.partracker.plans.domain.timeframe.TimeframeKind.YEAR;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.partracker.events.period.Frequency;

/**
 * Tests {@link Timeframe#parse} against every timeframe wording of the five seed documents, and against the spelling,
 * Unicode and layout variations that pasted text brings.
 *
 * <p>Where the seed wordings come from (the seed documents are described in the project's seeds/README.md):
 *
 * <ul>
 *   <li>{@code 000_2fbdb0d0205204af.txt}, Kon Tum 59/QĐ-UBND, plan year 2024: the "Thời gian thực hiện" column of
 *       Phụ lục II (all 29 tasks, 17 distinct wordings), the "Thực hiện trong năm 2024" column of Phụ lục I, and the
 *       deadlines and periods in the prose of sections I–III.
 *   <li>{@code 001_5709e56b5db05d79.txt}, Quảng Trị draft plan, 2024: deadlines and monthly duties in the prose
 *       ("trước ngày 31/8/2024", "Hàng tháng, báo cáo …"); its tables have no timeframe column.
 *   <li>{@code 002_492cf8d801ef5d61.txt}, Hà Tĩnh 461/QĐ-UBND, 2022: the "Thời gian thực hiện" column of both
 *       appendix tables, including the OCR spelling "Quý l, II năm 2022" (lower-case L for I).
 *   <li>{@code 003_1965d1ac06265165.txt}, Kon Tum 2164/KH-UBND, 2024: the "Thời gian thực hiện" column of Phụ lục 1
 *       and the reporting deadline and periods in the prose, with the line breaks of the extraction.
 *   <li>{@code 004_a96943cab1b4c5e4.txt}, Kon Tum 2020 PAR plan, 2020: periods in the prose only (the plan has no
 *       task table).
 * </ul>
 *
 * <p>The table is mirrored in {@code src/test/resources/timeframes/seed-wordings.tsv} for other test suites;
 * {@link #seedWordingFileMirrorsTheTable()} keeps the two equal.
 */
class TimeframeTest {

    private static final String KON_TUM_59 = "000_2fbdb0d0205204af.txt";
    private static final String QUANG_TRI = "001_5709e56b5db05d79.txt";
    private static final String HA_TINH_461 = "002_492cf8d801ef5d61.txt";
    private static final String KON_TUM_2164 = "003_1965d1ac06265165.txt";
    private static final String KON_TUM_2020 = "004_a96943cab1b4c5e4.txt";
    private static final String VARIANT = "variant";

    private static final String SEED_FILE = "/timeframes/seed-wordings.tsv";

    static Stream<Case> seedWordings() {
        return Stream.of(
                // 000 Kon Tum 59/QĐ-UBND, Phụ lục II "Thời gian thực hiện"
                dated(KON_TUM_59, "Trước ngày 16/02/2024", 2024, BY_DATE, "", "2024-02-15", "2024-02-15"),
                dated(KON_TUM_59, "Tháng 02/2024", 2024, MONTH, "2024-02-01", "2024-02-29", "2024-02-29"),
                dated(KON_TUM_59, "Tháng 5/2024", 2024, MONTH, "2024-05-01", "2024-05-31", "2024-05-31"),
                dated(KON_TUM_59, "Thường xuyên", 2024, ONGOING, "2024-01-01", "2024-12-31", ""),
                relative(
                        KON_TUM_59,
                        "Chậm nhất trước 05 ngày tính đến ngày văn bản quy phạm pháp luật có quy định về TTHC có hiệu"
                                + " lực thi hành",
                        2024,
                        "-5 days",
                        "văn bản quy phạm pháp luật có quy định về TTHC có hiệu lực thi hành"),
                relative(
                        KON_TUM_59,
                        "Chậm nhất 10 ngày kể từ ngày ban hành Quyết định công bố TTHC hoặc Quyết định công bố danh mục"
                                + " TTHC của Chủ tịch UBND tỉnh",
                        2024,
                        "10 days",
                        "ban hành Quyết định công bố TTHC hoặc Quyết định công bố danh mục TTHC"
                                + " của Chủ tịch UBND tỉnh"),
                dated(KON_TUM_59, "Trước ngày 30/6/2024", 2024, BY_DATE, "", "2024-06-29", "2024-06-29"),
                dated(KON_TUM_59, "Tháng 9/2024", 2024, MONTH, "2024-09-01", "2024-09-30", "2024-09-30"),
                dated(KON_TUM_59, "Trước ngày 10/02/2024", 2024, BY_DATE, "", "2024-02-09", "2024-02-09"),
                undated(KON_TUM_59, "Theo Kế hoạch", 2024, UNSTRUCTURED),
                undated(KON_TUM_59, "Khi có phát sinh", 2024, ON_EVENT),
                undated(
                        KON_TUM_59,
                        "Theo Kế hoạch của UBND tỉnh và kiểm tra đột xuất theo yêu cầu",
                        2024,
                        UNSTRUCTURED),
                undated(
                        KON_TUM_59,
                        "Sau khi Đoàn kiểm tra kết thúc kiểm tra tại cơ quan, đơn vị, địa phương",
                        2024,
                        ON_EVENT),
                dated(KON_TUM_59, "Từ tháng 3 đến tháng 8/2024", 2024, RANGE, "2024-03-01", "2024-08-31", "2024-08-31"),
                recurring(
                        KON_TUM_59,
                        "Hàng quý, năm và đột xuất khi có yêu cầu (thời gian gửi báo cáo theo Thông tư 01/2020/TT-VPCP"
                                + " của Văn phòng Chính phủ",
                        2024,
                        "2024-01-01",
                        "2024-12-31",
                        "QUARTERLY+ANNUAL+AD_HOC"),
                dated(KON_TUM_59, "Tháng 12 năm 2024", 2024, MONTH, "2024-12-01", "2024-12-31", "2024-12-31"),
                dated(KON_TUM_59, "Năm 2024", 2024, YEAR, "2024-01-01", "2024-12-31", "2024-12-31"),
                // 000, Phụ lục I column header
                dated(KON_TUM_59, "Thực hiện trong năm 2024", 2024, YEAR, "2024-01-01", "2024-12-31", "2024-12-31"),
                // 000, prose
                dated(
                        KON_TUM_59,
                        "hoàn thành trong tháng 9 năm 2024",
                        2024,
                        MONTH,
                        "2024-09-01",
                        "2024-09-30",
                        "2024-09-30"),
                recurring(KON_TUM_59, "Định kỳ hàng tháng", 2024, "2024-01-01", "2024-12-31", "MONTHLY"),
                recurring(KON_TUM_59, "định kỳ hằng tháng", 2024, "2024-01-01", "2024-12-31", "MONTHLY"),
                recurring(
                        KON_TUM_59,
                        "Định kỳ báo cáo tình hình, kết quả thực hiện Kế hoạch này trong báo cáo kết quả thực hiện công"
                                + " tác kiểm soát TTHC và thực hiện TTHC trên môi trường điện tử theo hệ thống báo cáo"
                                + " của Văn phòng Chính phủ hoặc đột xuất khi có yêu cầu.",
                        2024,
                        "2024-01-01",
                        "2024-12-31",
                        "UNSPECIFIED+AD_HOC"),
                relative(
                        KON_TUM_59,
                        "ngay sau khi Bộ ngành Trung ương công bố TTHC (chậm nhất trong 05 ngày làm việc)",
                        2024,
                        "5 working days",
                        "Bộ ngành Trung ương công bố TTHC"),
                undated(KON_TUM_59, "đột xuất khi có yêu cầu", 2024, ON_EVENT),
                dated(KON_TUM_59, "trong năm 2024", 2024, YEAR, "2024-01-01", "2024-12-31", "2024-12-31"),
                dated(KON_TUM_59, "giai đoạn 2022 - 2025", 2024, RANGE, "2022-01-01", "2025-12-31", "2025-12-31"),
                // 001 Quảng Trị, prose
                dated(QUANG_TRI, "trước ngày 31/8/2024", 2024, BY_DATE, "", "2024-08-30", "2024-08-30"),
                dated(QUANG_TRI, "trước ngày 31/5/2024", 2024, BY_DATE, "", "2024-05-30", "2024-05-30"),
                dated(QUANG_TRI, "trước ngày 15/9/2024", 2024, BY_DATE, "", "2024-09-14", "2024-09-14"),
                dated(
                        QUANG_TRI,
                        "Kết quả rà soát gửi về Văn phòng UBND tỉnh **trước ngày 31/8/2024** để tổng hợp, trình UBND"
                                + " tỉnh phê duyệt theo quy định.",
                        2024,
                        BY_DATE,
                        "",
                        "2024-08-30",
                        "2024-08-30"),
                undated(QUANG_TRI, "ngay sau khi được Thủ tướng Chính phủ phê duyệt", 2024, ON_EVENT),
                recurring(QUANG_TRI, "Định kỳ hàng tháng", 2024, "2024-01-01", "2024-12-31", "MONTHLY"),
                recurring(QUANG_TRI, "định kỳ hàng tháng", 2024, "2024-01-01", "2024-12-31", "MONTHLY"),
                recurring(
                        QUANG_TRI,
                        "Hàng tháng, báo cáo UBND tỉnh về tình hình, kết quả thực hiện Kế hoạch này trong báo cáo tình"
                                + " hình, kết quả thực hiện nhiệm vụ cải cách thủ tục hành chính.",
                        2024,
                        "2024-01-01",
                        "2024-12-31",
                        "MONTHLY"),
                // 002 Hà Tĩnh 461/QĐ-UBND, "Thời gian thực hiện"
                dated(HA_TINH_461, "Tháng 03 năm 2022", 2022, MONTH, "2022-03-01", "2022-03-31", "2022-03-31"),
                dated(HA_TINH_461, "Thường xuyên trong năm 2022", 2022, ONGOING, "2022-01-01", "2022-12-31", ""),
                dated(
                        HA_TINH_461,
                        "Tháng 3 đến tháng 7 năm 2022",
                        2022,
                        RANGE,
                        "2022-03-01",
                        "2022-07-31",
                        "2022-07-31"),
                dated(HA_TINH_461, "Tháng 8 năm 2022", 2022, MONTH, "2022-08-01", "2022-08-31", "2022-08-31"),
                dated(HA_TINH_461, "Quý IV năm 2022", 2022, QUARTER, "2022-10-01", "2022-12-31", "2022-12-31"),
                undated(HA_TINH_461, "Theo kế hoạch cụ thể", 2022, UNSTRUCTURED),
                dated(HA_TINH_461, "Quý l, II năm 2022", 2022, RANGE, "2022-01-01", "2022-06-30", "2022-06-30"),
                dated(HA_TINH_461, "Quý I, II năm 2022", 2022, RANGE, "2022-01-01", "2022-06-30", "2022-06-30"),
                // 002, "Dự kiến sản phẩm" column
                undated(HA_TINH_461, "Thực hiện theo kế hoạch hoặc đột xuất của Tổ công tác.", 2022, UNSTRUCTURED),
                // 003 Kon Tum 2164/KH-UBND, Phụ lục 1 "Thời gian thực hiện"
                dated(KON_TUM_2164, "Năm 2024", 2024, YEAR, "2024-01-01", "2024-12-31", "2024-12-31"),
                dated(KON_TUM_2164, "Thường xuyên trong năm 2024", 2024, ONGOING, "2024-01-01", "2024-12-31", ""),
                dated(KON_TUM_2164, "Năm 2024 và các năm tiếp theo", 2024, YEAR, "2024-01-01", "", "2024-12-31"),
                dated(KON_TUM_2164, "Hoàn thành trong năm 2024", 2024, YEAR, "2024-01-01", "2024-12-31", "2024-12-31"),
                dated(KON_TUM_2164, "Trong năm 2024 và các năm tiếp theo", 2024, YEAR, "2024-01-01", "", "2024-12-31"),
                undated(KON_TUM_2164, "Khi CSDLQG của các bộ, ngành Trung ương hoàn thiện", 2024, ON_EVENT),
                // 003, prose and the monitoring column
                dated(KON_TUM_2164, "trước ngày 30 tháng 6\nnăm 2024", 2024, BY_DATE, "", "2024-06-29", "2024-06-29"),
                recurring(
                        KON_TUM_2164,
                        "Hằng\ntháng công khai danh sách các cơ quan, địa phương có hồ sơ trễ hạn trên hệ thống\nthông"
                                + " tin giải quyết TTHC của tỉnh",
                        2024,
                        "2024-01-01",
                        "2024-12-31",
                        "MONTHLY"),
                dated(KON_TUM_2164, "thường xuyên, đột xuất", 2024, ONGOING, "2024-01-01", "2024-12-31", ""),
                dated(KON_TUM_2164, "đến năm 2025", 2024, BY_DATE, "", "2025-12-31", "2025-12-31"),
                dated(KON_TUM_2164, "giai đoạn 2021-2030", 2024, RANGE, "2021-01-01", "2030-12-31", "2030-12-31"),
                dated(KON_TUM_2164, "giai đoạn hai (2021-2025)", 2024, RANGE, "2021-01-01", "2025-12-31", "2025-12-31"),
                dated(KON_TUM_2164, "giai đoạn đến năm 2025", 2024, BY_DATE, "", "2025-12-31", "2025-12-31"),
                // 004 Kon Tum 2020 PAR plan, prose
                recurring(KON_TUM_2020, "định kỳ hằng năm", 2020, "2020-01-01", "2020-12-31", "ANNUAL"),
                recurring(KON_TUM_2020, "hằng năm", 2020, "2020-01-01", "2020-12-31", "ANNUAL"),
                recurring(
                        KON_TUM_2020,
                        "định kỳ và đột xuất theo yêu cầu của Bộ Nội vụ",
                        2020,
                        "2020-01-01",
                        "2020-12-31",
                        "UNSPECIFIED+AD_HOC"),
                recurring(
                        KON_TUM_2020,
                        "định kỳ và đột xuất theo quy định",
                        2020,
                        "2020-01-01",
                        "2020-12-31",
                        "UNSPECIFIED+AD_HOC"),
                dated(KON_TUM_2020, "thường xuyên", 2020, ONGOING, "2020-01-01", "2020-12-31", ""),
                dated(KON_TUM_2020, "thường xuyên kiểm tra đột xuất", 2020, ONGOING, "2020-01-01", "2020-12-31", ""),
                dated(KON_TUM_2020, "trong năm", 2020, YEAR, "2020-01-01", "2020-12-31", "2020-12-31"),
                dated(KON_TUM_2020, "năm 2020", 2020, YEAR, "2020-01-01", "2020-12-31", "2020-12-31"),
                dated(KON_TUM_2020, "trong năm 2020", 2020, YEAR, "2020-01-01", "2020-12-31", "2020-12-31"),
                dated(KON_TUM_2020, "đến hết năm 2018", 2020, BY_DATE, "", "2018-12-31", "2018-12-31"),
                dated(KON_TUM_2020, "giai đoạn 2016 - 2020", 2020, RANGE, "2016-01-01", "2020-12-31", "2020-12-31"));
    }

    static Stream<Case> variants() {
        return Stream.of(
                // shorter spellings of seed wordings, as the design document quotes them
                recurring(
                        VARIANT,
                        "Hàng quý, năm và đột xuất",
                        2024,
                        "2024-01-01",
                        "2024-12-31",
                        "QUARTERLY+ANNUAL+AD_HOC"),
                relative(
                        VARIANT,
                        "Chậm nhất 10 ngày kể từ ngày ban hành Quyết định công bố",
                        2024,
                        "10 days",
                        "ban hành Quyết định công bố"),
                dated(VARIANT, "Trong năm 2024", 2024, YEAR, "2024-01-01", "2024-12-31", "2024-12-31"),
                dated(VARIANT, "Quý I, II", 2024, RANGE, "2024-01-01", "2024-06-30", "2024-06-30"),
                // dates
                dated(VARIANT, "Trước 30/6/2024", 2024, BY_DATE, "", "2024-06-29", "2024-06-29"),
                dated(VARIANT, "Trước ngày 16/02/2024.", 2024, BY_DATE, "", "2024-02-15", "2024-02-15"),
                dated(VARIANT, "- Trước ngày 16/02/2024;", 2024, BY_DATE, "", "2024-02-15", "2024-02-15"),
                dated(VARIANT, "Trước ngày 01/01/2025", 2024, BY_DATE, "", "2024-12-31", "2024-12-31"),
                dated(VARIANT, "trước ngày 15/12", 2024, BY_DATE, "", "2024-12-14", "2024-12-14"),
                dated(VARIANT, "ngày 15/12", 2024, ON_DATE, "2024-12-15", "2024-12-15", "2024-12-15"),
                dated(VARIANT, "Ngày 15/12/2024", 2023, ON_DATE, "2024-12-15", "2024-12-15", "2024-12-15"),
                dated(
                        VARIANT,
                        "Vào ngày 15 tháng 12 năm 2024",
                        2024,
                        ON_DATE,
                        "2024-12-15",
                        "2024-12-15",
                        "2024-12-15"),
                dated(VARIANT, "Chậm nhất ngày 15/12/2024", 2024, BY_DATE, "", "2024-12-15", "2024-12-15"),
                dated(VARIANT, "Chậm nhất là ngày 15/12", 2024, BY_DATE, "", "2024-12-15", "2024-12-15"),
                dated(VARIANT, "Đến hết ngày 30/6/2024", 2024, BY_DATE, "", "2024-06-30", "2024-06-30"),
                dated(
                        VARIANT,
                        "Từ ngày 01/3/2024 đến ngày 30/6/2024",
                        2024,
                        RANGE,
                        "2024-03-01",
                        "2024-06-30",
                        "2024-06-30"),
                dated(VARIANT, "Từ 01/3 đến 30/6/2025", 2024, RANGE, "2025-03-01", "2025-06-30", "2025-06-30"),
                // months, quarters, halves
                dated(VARIANT, "Tháng 12/2024", 2024, MONTH, "2024-12-01", "2024-12-31", "2024-12-31"),
                dated(VARIANT, "Tháng 5", 2024, MONTH, "2024-05-01", "2024-05-31", "2024-05-31"),
                dated(VARIANT, "Tháng 3-7/2024", 2024, RANGE, "2024-03-01", "2024-07-31", "2024-07-31"),
                dated(VARIANT, "Tháng 3, 4 năm 2024", 2024, RANGE, "2024-03-01", "2024-04-30", "2024-04-30"),
                dated(VARIANT, "Tháng 10/2024 đến tháng 3/2025", 2024, RANGE, "2024-10-01", "2025-03-31", "2025-03-31"),
                dated(VARIANT, "Tháng 10 đến tháng 3 năm 2025", 2024, RANGE, "2024-10-01", "2025-03-31", "2025-03-31"),
                dated(VARIANT, "Trước tháng 6/2024", 2024, BY_DATE, "", "2024-05-31", "2024-05-31"),
                dated(VARIANT, "Chậm nhất trong tháng 6/2024", 2024, BY_DATE, "", "2024-06-30", "2024-06-30"),
                dated(VARIANT, "Quý I/2024", 2024, QUARTER, "2024-01-01", "2024-03-31", "2024-03-31"),
                dated(VARIANT, "Quý 4/2024", 2024, QUARTER, "2024-10-01", "2024-12-31", "2024-12-31"),
                dated(VARIANT, "Quý 2 năm 2024", 2024, QUARTER, "2024-04-01", "2024-06-30", "2024-06-30"),
                dated(VARIANT, "Quí III", 2024, QUARTER, "2024-07-01", "2024-09-30", "2024-09-30"),
                dated(VARIANT, "Trong quý II", 2024, QUARTER, "2024-04-01", "2024-06-30", "2024-06-30"),
                dated(VARIANT, "Quý II đến quý IV năm 2024", 2024, RANGE, "2024-04-01", "2024-12-31", "2024-12-31"),
                dated(VARIANT, "Quý I và quý II/2024", 2024, RANGE, "2024-01-01", "2024-06-30", "2024-06-30"),
                dated(VARIANT, "Đến hết quý III/2024", 2024, BY_DATE, "", "2024-09-30", "2024-09-30"),
                dated(VARIANT, "6 tháng đầu năm 2024", 2024, RANGE, "2024-01-01", "2024-06-30", "2024-06-30"),
                dated(VARIANT, "6 tháng cuối năm", 2024, RANGE, "2024-07-01", "2024-12-31", "2024-12-31"),
                dated(VARIANT, "9 tháng đầu năm 2024", 2024, RANGE, "2024-01-01", "2024-09-30", "2024-09-30"),
                // years
                dated(VARIANT, "Cả năm 2024", 2024, YEAR, "2024-01-01", "2024-12-31", "2024-12-31"),
                dated(VARIANT, "2024", 2023, YEAR, "2024-01-01", "2024-12-31", "2024-12-31"),
                dated(VARIANT, "Năm 2025 trở đi", 2024, YEAR, "2025-01-01", "", "2025-12-31"),
                dated(VARIANT, "Năm 2024-2025", 2024, RANGE, "2024-01-01", "2025-12-31", "2025-12-31"),
                dated(VARIANT, "Trước năm 2025", 2024, BY_DATE, "", "2024-12-31", "2024-12-31"),
                // recurring
                recurring(VARIANT, "Hàng tháng", 2024, "2024-01-01", "2024-12-31", "MONTHLY"),
                recurring(VARIANT, "Hằng quý", 2024, "2024-01-01", "2024-12-31", "QUARTERLY"),
                recurring(VARIANT, "Mỗi quý một lần", 2024, "2024-01-01", "2024-12-31", "QUARTERLY"),
                recurring(VARIANT, "Định kì hằng quý", 2024, "2024-01-01", "2024-12-31", "QUARTERLY"),
                recurring(VARIANT, "Định kỳ hằng năm", 2024, "2024-01-01", "2024-12-31", "ANNUAL"),
                recurring(VARIANT, "Định kỳ 6 tháng", 2024, "2024-01-01", "2024-12-31", "SEMI_ANNUAL"),
                recurring(VARIANT, "6 tháng", 2024, "2024-01-01", "2024-12-31", "SEMI_ANNUAL"),
                recurring(VARIANT, "6 tháng, năm", 2024, "2024-01-01", "2024-12-31", "SEMI_ANNUAL+ANNUAL"),
                recurring(VARIANT, "Báo cáo 9 tháng", 2024, "2024-01-01", "2024-12-31", "NINE_MONTHS"),
                recurring(
                        VARIANT,
                        "Báo cáo hằng tháng, quý, 6 tháng, 9 tháng và năm",
                        2024,
                        "2024-01-01",
                        "2024-12-31",
                        "MONTHLY+QUARTERLY+SEMI_ANNUAL+NINE_MONTHS+ANNUAL"),
                recurring(VARIANT, "Hằng quý trong năm 2025", 2024, "2025-01-01", "2025-12-31", "QUARTERLY"),
                recurring(VARIANT, "Hằng năm và các năm tiếp theo", 2024, "2024-01-01", "", "ANNUAL"),
                recurring(VARIANT, "Định kỳ", 2024, "2024-01-01", "2024-12-31", "UNSPECIFIED"),
                // ongoing, events, relative
                dated(VARIANT, "Thường xuyên, liên tục", 2024, ONGOING, "2024-01-01", "2024-12-31", ""),
                dated(VARIANT, "Thực hiện thường xuyên", 2024, ONGOING, "2024-01-01", "2024-12-31", ""),
                dated(VARIANT, "Hằng ngày", 2024, ONGOING, "2024-01-01", "2024-12-31", ""),
                dated(VARIANT, "Thường xuyên từ năm 2024 trở đi", 2024, ONGOING, "2024-01-01", "", ""),
                undated(VARIANT, "Đột xuất khi có yêu cầu", 2024, ON_EVENT),
                undated(VARIANT, "Theo yêu cầu", 2024, ON_EVENT),
                undated(VARIANT, "Khi có yêu cầu", 2024, ON_EVENT),
                undated(VARIANT, "Trước khi trình ban hành văn bản", 2024, ON_EVENT),
                undated(VARIANT, "Phát sinh", 2024, ON_EVENT),
                relative(VARIANT, "Trong vòng 15 ngày kể từ ngày nhận được hồ sơ", 2024, "15 days", "nhận được hồ sơ"),
                relative(
                        VARIANT,
                        "Không quá 03 ngày làm việc sau khi có kết luận kiểm tra",
                        2024,
                        "3 working days",
                        "có kết luận kiểm tra"),
                // lead-ins
                dated(
                        VARIANT,
                        "Thời gian thực hiện: Quý IV năm 2022",
                        2022,
                        QUARTER,
                        "2022-10-01",
                        "2022-12-31",
                        "2022-12-31"),
                dated(VARIANT, "Hoàn thành trước ngày 30/6/2024", 2024, BY_DATE, "", "2024-06-29", "2024-06-29"),
                // not understood, never guessed
                undated(VARIANT, "Theo Kế hoạch", 2024, UNSTRUCTURED),
                undated(VARIANT, "abc", 2024, UNSTRUCTURED),
                undated(VARIANT, "123", 2024, UNSTRUCTURED),
                undated(VARIANT, "Trước ngày 31/02/2024", 2024, UNSTRUCTURED),
                undated(VARIANT, "Ngày 29/02", 2023, UNSTRUCTURED),
                undated(VARIANT, "Tháng 13/2024", 2024, UNSTRUCTURED),
                undated(VARIANT, "Tháng 0/2024", 2024, UNSTRUCTURED),
                undated(VARIANT, "Quý V năm 2024", 2024, UNSTRUCTURED),
                undated(VARIANT, "Năm học 2024-2025", 2024, UNSTRUCTURED),
                undated(VARIANT, "Giai đoạn 2025-2021", 2024, UNSTRUCTURED),
                undated(VARIANT, "Trong 6 tháng kể từ ngày ký", 2024, UNSTRUCTURED),
                undated(VARIANT, "Hàng hóa nhập khẩu", 2024, UNSTRUCTURED),
                undated(VARIANT, "Hoàn thành", 2024, UNSTRUCTURED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedWordings")
    void parsesEverySeedWording(Case expected) {
        assertParses(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void parsesSpellingAndLayoutVariants(Case expected) {
        assertParses(expected);
    }

    @Test
    void matchesTheApiContractExample() {
        Timeframe expected = new Timeframe(
                QUARTER,
                LocalDate.of(2022, 10, 1),
                LocalDate.of(2022, 12, 31),
                LocalDate.of(2022, 12, 31),
                null,
                "Quý IV năm 2022",
                null,
                false,
                null);

        assertEquals(expected, Timeframe.parse("Quý IV năm 2022", 2022));
    }

    @Test
    void beforeADateIsDueTheDayBeforeAndOverdueOnTheDayItself() {
        Timeframe timeframe = Timeframe.parse("Trước ngày 16/02/2024", 2024);

        assertEquals(LocalDate.of(2024, 2, 15), timeframe.dueDate());
        assertEquals(List.of(), timeframe.dueDates(LocalDate.of(2024, 2, 16), LocalDate.of(2024, 12, 31)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedWordings")
    void parsesDecomposedUpperCaseAndRespacedTextTheSame(Case seed) {
        Timeframe reference = Timeframe.parse(seed.text(), seed.planYear());
        String nfd = Normalizer.normalize(seed.text(), Normalizer.Form.NFD);
        String upper = seed.text().toUpperCase(Locale.ROOT);
        String respaced = "  \t" + seed.text().replace(" ", " \u00a0\t ").replace("\n", " \r\n ") + " \n ";

        assertAll(
                () -> assertSameStructure(reference, Timeframe.parse(nfd, seed.planYear())),
                () -> assertSameStructure(reference, Timeframe.parse(upper, seed.planYear())),
                () -> assertSameStructure(reference, Timeframe.parse(respaced, seed.planYear())));
    }

    @Test
    void keepsTheOriginalTextTrimmedButOtherwiseUntouched() {
        String nfd = Normalizer.normalize("Quý IV năm 2022", Normalizer.Form.NFD);

        assertAll(
                () -> assertEquals(
                        "Tháng 5/2024",
                        Timeframe.parse("  Tháng 5/2024 \n", 2024).originalText()),
                () -> assertEquals(nfd, Timeframe.parse(nfd + " ", 2022).originalText()),
                () -> assertEquals(
                        "Khi có   phát sinh",
                        Timeframe.parse("Khi có   phát sinh", 2024).originalText()));
    }

    @Test
    void foldsEthZeroWidthAndExtractionArtefacts() {
        assertAll(
                () -> assertEquals(
                        ON_EVENT,
                        Timeframe.parse("Ðột xuất khi có yêu cầu", 2024).kind()),
                () -> assertEquals(
                        QUARTER, Timeframe.parse("Quý\u200b IV năm 2022", 2022).kind()),
                () -> assertEquals(
                        Recurrence.of(false, Frequency.MONTHLY),
                        Timeframe.parse("Định kǶ hằng tháng", 2024).recurrence()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "\u00a0", "-", "…", "(", "**"})
    void blankTextIsUnstructured(String text) {
        Timeframe timeframe = Timeframe.parse(text, 2024);

        assertAll(
                () -> assertEquals(UNSTRUCTURED, timeframe.kind()),
                () -> assertEquals(text == null ? "" : text.strip(), timeframe.originalText()),
                () -> assertNull(timeframe.dueDate()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "99/99/9999",
                "Trước ngày",
                "Trước ngày 0/0",
                "Chậm nhất 999 ngày kể từ",
                "Quý",
                "Tháng",
                "Năm 99999",
                "Từ tháng 12 đến tháng 1",
                "Quý IV đến quý I",
                "ngày 31/4",
                "Hàng",
                "Định kỳ,",
                "Khi",
                "🙂 Quý IV năm 2022"
            })
    void neverThrows(String text) {
        assertAll(
                () -> assertNotNull(Timeframe.parse(text, 2024)),
                () -> assertNotNull(Timeframe.parse(text, Integer.MAX_VALUE)),
                () -> assertNotNull(Timeframe.parse(text, Integer.MIN_VALUE)));
    }

    @Test
    void aPlanYearOutsideTheCalendarGivesUnstructuredRatherThanAnError() {
        assertEquals(
                UNSTRUCTURED, Timeframe.parse("Thường xuyên", Integer.MAX_VALUE).kind());
    }

    @Test
    void monthlyIsDueAtTheEndOfEveryMonthOfThePlanYear() {
        List<LocalDate> expected = dates(
                "2024-01-31",
                "2024-02-29",
                "2024-03-31",
                "2024-04-30",
                "2024-05-31",
                "2024-06-30",
                "2024-07-31",
                "2024-08-31",
                "2024-09-30",
                "2024-10-31",
                "2024-11-30",
                "2024-12-31");

        assertEquals(expected, dueDatesIn2024("Hàng tháng", 2024));
    }

    @Test
    void quarterlyAndAnnualMergeTheYearEnd() {
        assertEquals(
                dates("2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"),
                dueDatesIn2024(
                        "Hàng quý, năm và đột xuất khi có yêu cầu (thời gian gửi báo cáo theo Thông tư"
                                + " 01/2020/TT-VPCP của Văn phòng Chính phủ",
                        2024));
    }

    @Test
    void halfYearNineMonthsAndAnnualAreDueAtTheirPeriodEnds() {
        assertAll(
                () -> assertEquals(dates("2024-06-30", "2024-12-31"), dueDatesIn2024("Định kỳ 6 tháng", 2024)),
                () -> assertEquals(dates("2024-06-30", "2024-12-31"), dueDatesIn2024("6 tháng, năm", 2024)),
                () -> assertEquals(dates("2024-09-30"), dueDatesIn2024("Báo cáo 9 tháng", 2024)),
                () -> assertEquals(dates("2024-12-31"), dueDatesIn2024("Định kỳ hằng năm", 2024)));
    }

    @Test
    void recurringDueDatesStayInsideTheWindowAndThePlanYear() {
        Timeframe quarterly = Timeframe.parse("Hằng quý", 2024);

        assertAll(
                () -> assertEquals(
                        dates("2024-06-30", "2024-09-30"),
                        quarterly.dueDates(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 9, 30))),
                () -> assertEquals(
                        dates("2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"),
                        quarterly.dueDates(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31))),
                () -> assertEquals(List.of(), quarterly.dueDates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))),
                () -> assertEquals(
                        dates("2024-12-31", "2025-12-31", "2026-12-31"),
                        Timeframe.parse("Hằng năm và các năm tiếp theo", 2024)
                                .dueDates(LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 31))));
    }

    @Test
    void recurringWithoutANamedPeriodHasNoScheduledDueDates() {
        assertEquals(List.of(), dueDatesIn2024("Định kỳ và đột xuất", 2024));
    }

    @Test
    void singleDeadlinesAreDueOnceInsideTheWindow() {
        Timeframe quarter = Timeframe.parse("Quý IV năm 2022", 2022);
        Timeframe openYear = Timeframe.parse("Năm 2024 và các năm tiếp theo", 2024);
        LocalDate yearEnd = LocalDate.of(2024, 12, 31);

        assertAll(
                () -> assertEquals(
                        dates("2022-12-31"), quarter.dueDates(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))),
                () -> assertEquals(List.of(), quarter.dueDates(LocalDate.of(2024, 1, 1), yearEnd)),
                () -> assertEquals(dates("2024-12-31"), openYear.dueDates(LocalDate.of(2020, 1, 1), yearEnd)),
                () -> assertEquals(dates("2024-02-15"), dueDatesIn2024("Trước ngày 16/02/2024", 2024)),
                () -> assertEquals(dates("2024-12-15"), dueDatesIn2024("ngày 15/12", 2024)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Thường xuyên",
                "Khi có phát sinh",
                "Chậm nhất 10 ngày kể từ ngày ban hành Quyết định công bố",
                "Theo Kế hoạch"
            })
    void undatedKindsHaveNoDueDates(String text) {
        assertEquals(List.of(), dueDatesIn2024(text, 2024));
    }

    @Test
    void anEmptyWindowHasNoDueDates() {
        LocalDate later = LocalDate.of(2024, 12, 31);
        LocalDate earlier = LocalDate.of(2024, 1, 1);

        assertAll(
                () -> assertEquals(
                        List.of(), Timeframe.parse("Hàng tháng", 2024).dueDates(later, earlier)),
                () -> assertEquals(List.of(), Timeframe.parse("Năm 2024", 2024).dueDates(later, earlier)));
    }

    @Test
    void theWindowIncludesBothEnds() {
        LocalDate due = LocalDate.of(2024, 5, 31);

        assertEquals(List.of(due), Timeframe.parse("Tháng 5/2024", 2024).dueDates(due, due));
    }

    @Test
    void recurrenceAndDueDatesCannotBeModified() {
        Timeframe timeframe = Timeframe.parse("Hàng quý, năm và đột xuất", 2024);
        List<LocalDate> dueDates = timeframe.dueDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

        assertAll(
                () -> assertThrows(
                        UnsupportedOperationException.class,
                        () -> timeframe.recurrence().frequencies().add(Frequency.MONTHLY)),
                () -> assertThrows(UnsupportedOperationException.class, () -> dueDates.add(LocalDate.now())),
                () -> assertEquals(Recurrence.of(true, Frequency.ANNUAL, Frequency.QUARTERLY), timeframe.recurrence()));
    }

    @Test
    void seedWordingFileMirrorsTheTable() throws IOException {
        assertEquals(seedWordings().collect(Collectors.toList()), readSeedFile());
    }

    private static void assertParses(Case expected) {
        Timeframe actual = Timeframe.parse(expected.text(), expected.planYear());

        assertEquals(expected, Case.of(expected.seed(), expected.text(), expected.planYear(), actual));
        assertEquals(expected.text().strip(), actual.originalText());
    }

    private static void assertSameStructure(Timeframe expected, Timeframe actual) {
        assertEquals(withoutText(expected), withoutText(actual), () -> "for " + actual.originalText());
    }

    private static Timeframe withoutText(Timeframe t) {
        String relativeTo = t.relativeTo() == null ? null : t.relativeTo().toLowerCase(Locale.ROOT);
        return new Timeframe(
                t.kind(),
                t.start(),
                t.end(),
                t.dueDate(),
                t.recurrence(),
                "",
                t.relativeDays(),
                t.relativeWorkingDays(),
                relativeTo);
    }

    private static List<LocalDate> dueDatesIn2024(String text, int planYear) {
        return Timeframe.parse(text, planYear).dueDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
    }

    private static List<LocalDate> dates(String... isoDates) {
        return Stream.of(isoDates).map(LocalDate::parse).collect(Collectors.toList());
    }

    private static List<Case> readSeedFile() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = TimeframeTest.class.getResourceAsStream(SEED_FILE)) {
            assertNotNull(in, SEED_FILE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    cases.add(Case.fromTsv(line));
                }
            }
        }
        return cases;
    }

    private static Case dated(
            String seed, String text, int planYear, TimeframeKind kind, String start, String end, String due) {
        return new Case(seed, text, planYear, kind, start, end, due, "", "", "");
    }

    private static Case undated(String seed, String text, int planYear, TimeframeKind kind) {
        return new Case(seed, text, planYear, kind, "", "", "", "", "", "");
    }

    private static Case recurring(String seed, String text, int planYear, String start, String end, String recurrence) {
        return new Case(seed, text, planYear, RECURRING, start, end, "", recurrence, "", "");
    }

    private static Case relative(String seed, String text, int planYear, String relative, String relativeTo) {
        return new Case(seed, text, planYear, RELATIVE, "", "", "", "", relative, relativeTo);
    }

    /**
     * One expected parse, every value as text so that the table and the TSV file compare directly: dates in ISO
     * form, recurrence as {@code QUARTERLY+ANNUAL+AD_HOC} ({@code UNSPECIFIED} when no period is named), relative
     * offsets as {@code -5 days} or {@code 5 working days}; "" for null.
     */
    record Case(
            String seed,
            String text,
            int planYear,
            TimeframeKind kind,
            String start,
            String end,
            String due,
            String recurrence,
            String relative,
            String relativeTo) {

        static final String TSV_HEADER =
                "text\tplanYear\tkind\tstart\tend\tdue\trecurrence\trelative\trelativeTo\tseed";

        static Case of(String seed, String text, int planYear, Timeframe t) {
            return new Case(
                    seed,
                    text,
                    planYear,
                    t.kind(),
                    iso(t.start()),
                    iso(t.end()),
                    iso(t.dueDate()),
                    recurrence(t.recurrence()),
                    relative(t),
                    t.relativeTo() == null ? "" : t.relativeTo());
        }

        static Case fromTsv(String line) {
            String[] f = line.split("\t", -1);
            return new Case(
                    f[9],
                    f[0].replace("\\n", "\n"),
                    Integer.parseInt(f[1]),
                    TimeframeKind.valueOf(f[2]),
                    f[3],
                    f[4],
                    f[5],
                    f[6],
                    f[7],
                    f[8]);
        }

        String toTsv() {
            return String.join(
                    "\t",
                    text.replace("\n", "\\n"),
                    String.valueOf(planYear),
                    kind.name(),
                    start,
                    end,
                    due,
                    recurrence,
                    relative,
                    relativeTo,
                    seed);
        }

        private static String iso(LocalDate date) {
            return date == null ? "" : date.toString();
        }

        private static String recurrence(Recurrence recurrence) {
            if (recurrence == null) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            recurrence.frequencies().forEach(f -> parts.add(f.name()));
            if (parts.isEmpty()) {
                parts.add("UNSPECIFIED");
            }
            if (recurrence.adHoc()) {
                parts.add("AD_HOC");
            }
            return String.join("+", parts);
        }

        private static String relative(Timeframe t) {
            if (t.relativeDays() == null) {
                return "";
            }
            return t.relativeDays() + (t.relativeWorkingDays() ? " working days" : " days");
        }

        @Override
        public String toString() {
            return (seed.equals(VARIANT) ? "" : seed + ": ") + text.replace("\n", "⏎");
        }
    }
}
