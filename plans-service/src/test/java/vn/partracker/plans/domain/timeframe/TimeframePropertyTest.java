package vn.partracker.plans.domain.timeframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests of {@link Timeframe#parse}: random days, months, quarters, years and ranges, written in every way
 * the grammar supports and with the noise pasted text brings (case, decomposed accents, extra spaces, OCR "l" for
 * "I"), parse back to the same dates (months or quarters enumerated with "," or "và" are consecutive: other
 * enumerations are not spans); and random soups of timing words, numbers and punctuation never make the parser
 * throw or produce an inconsistent timeframe.
 *
 * <p>Each form runs {@value #CASES_PER_SEED} cases for each of four fixed seeds, so at least 1000 cases per form and
 * the same cases on every run; a failure names the text that failed.
 */
class TimeframePropertyTest {

    private static final int CASES_PER_SEED = 250;
    private static final String[] ROMAN = {"", "I", "II", "III", "IV"};
    private static final String[] OCR_ROMAN = {"", "l", "Il", "Ill", "lV"};

    /** A generated wording and the structure it must parse to. */
    private record Sample(String text, TimeframeKind kind, LocalDate start, LocalDate end, LocalDate due) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void daysParseBackToTheSameDate(long seed) {
        check(seed, (random, planYear) -> {
            LocalDate d = date(random);
            String text = pick(
                    random,
                    "ngày " + dmy(random, d, "/"),
                    "Ngày " + dmy(random, d, "."),
                    "ngày " + dmy(random, d, "-"),
                    "ngày " + dmy(random, d, " / "),
                    "Ngày " + d.getDayOfMonth() + " tháng " + d.getMonthValue() + " năm " + d.getYear(),
                    "vào ngày " + dmy(random, d, "/"));
            return new Sample(text, TimeframeKind.ON_DATE, d, d, d);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void bareDatesAreInclusiveDeadlines(long seed) {
        check(seed, (random, planYear) -> {
            LocalDate d = date(random);
            String text =
                    pick(random, dmy(random, d, "/"), dmy(random, d, "."), dmy(random, d, "-"), dmy(random, d, " / "));
            return new Sample(text, TimeframeKind.BY_DATE, null, d, d);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void deadlinesParseBackToTheSameDueDate(long seed) {
        check(seed, (random, planYear) -> {
            LocalDate d = date(random);
            String written = pick(
                    random,
                    "ngày " + dmy(random, d, "/"),
                    dmy(random, d, "/"),
                    dmy(random, d, "."),
                    "ngày " + d.getDayOfMonth() + " tháng " + d.getMonthValue() + " năm " + d.getYear());
            int anchor = random.nextInt(3);
            String text = new String[] {"Trước ", "Chậm nhất ", "Đến hết "}[anchor] + written;
            LocalDate due = anchor == 0 ? d.minusDays(1) : d;
            return new Sample(text, TimeframeKind.BY_DATE, null, due, due);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void monthsParseBackToTheSameMonth(long seed) {
        check(seed, (random, planYear) -> {
            YearMonth m = YearMonth.of(year(random), 1 + random.nextInt(12));
            String month = random.nextBoolean() ? String.valueOf(m.getMonthValue()) : pad(m.getMonthValue());
            String text = pick(
                    random,
                    "Tháng " + month + "/" + m.getYear(),
                    "tháng " + month + " năm " + m.getYear(),
                    month + "/" + m.getYear(),
                    "Tháng " + month + "-" + m.getYear(),
                    "trong tháng " + month + ", năm " + m.getYear(),
                    "Dự kiến tháng " + month + "/" + m.getYear());
            return new Sample(text, TimeframeKind.MONTH, m.atDay(1), m.atEndOfMonth(), m.atEndOfMonth());
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void quartersParseBackToTheSameQuarter(long seed) {
        check(seed, (random, planYear) -> {
            int year = year(random);
            int q = 1 + random.nextInt(4);
            String figure = pick(random, ROMAN[q], OCR_ROMAN[q], String.valueOf(q));
            String text = pick(
                    random,
                    "Quý " + figure + " năm " + year,
                    "Quý " + figure + "/" + year,
                    "quí " + figure + " - " + year,
                    "Trong quý " + figure + " năm " + year,
                    "Khoảng quý " + figure + "/" + year);
            LocalDate end = YearMonth.of(year, q * 3).atEndOfMonth();
            return new Sample(text, TimeframeKind.QUARTER, LocalDate.of(year, q * 3 - 2, 1), end, end);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void yearsParseBackToTheSameYear(long seed) {
        check(seed, (random, planYear) -> {
            int year = year(random);
            String text = pick(
                    random,
                    "Năm " + year,
                    String.valueOf(year),
                    "trong năm " + year,
                    "Cả năm " + year,
                    "Hoàn thành trong năm " + year);
            LocalDate end = LocalDate.of(year, 12, 31);
            return new Sample(text, TimeframeKind.YEAR, LocalDate.of(year, 1, 1), end, end);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void monthRangesParseBackToTheSameSpan(long seed) {
        check(seed, (random, planYear) -> {
            int year = year(random);
            int b = 2 + random.nextInt(11);
            int form = random.nextInt(8);
            int a = form >= 6 ? b - 1 : 1 + random.nextInt(b - 1);
            String text = switch (form) {
                case 0 -> "Tháng " + a + " đến tháng " + b + " năm " + year;
                case 1 -> "Từ tháng " + a + " đến tháng " + b + "/" + year;
                case 2 -> a + "-" + b + "/" + year;
                case 3 -> a + " – " + b + "/" + year;
                case 4 -> "Tháng " + a + "-" + b + "/" + year;
                case 5 -> "Tháng " + a + "/" + year + " đến tháng " + b + "/" + year;
                case 6 -> "tháng " + a + ", " + b + " năm " + year;
                default -> "Tháng " + a + " và tháng " + b + "/" + year;
            };
            LocalDate end = YearMonth.of(year, b).atEndOfMonth();
            return new Sample(text, TimeframeKind.RANGE, LocalDate.of(year, a, 1), end, end);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void dayRangesParseBackToTheSameSpan(long seed) {
        check(seed, (random, planYear) -> {
            LocalDate start = date(random);
            LocalDate end = start.plusDays(random.nextInt(300));
            String text = pick(
                    random,
                    "Từ ngày " + dmy(random, start, "/") + " đến ngày " + dmy(random, end, "/"),
                    "Từ " + dmy(random, start, ".") + " đến hết " + dmy(random, end, "."),
                    dmy(random, start, "/") + " - " + dmy(random, end, "/"));
            return new Sample(text, TimeframeKind.RANGE, start, end, end);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void quarterAndYearRangesParseBackToTheSameSpan(long seed) {
        check(seed, (random, planYear) -> {
            int year = year(random);
            if (random.nextBoolean()) {
                int last = year + 1 + random.nextInt(10);
                String text = pick(
                        random,
                        "giai đoạn " + year + " - " + last,
                        "Giai đoạn " + year + "-" + last,
                        "Năm " + year + "-" + last,
                        "Từ năm " + year + " đến năm " + last);
                LocalDate end = LocalDate.of(last, 12, 31);
                return new Sample(text, TimeframeKind.RANGE, LocalDate.of(year, 1, 1), end, end);
            }
            int b = 2 + random.nextInt(3);
            int form = random.nextInt(5);
            int a = form >= 3 ? b - 1 : 1 + random.nextInt(b - 1);
            String text = switch (form) {
                case 0 -> "Quý " + ROMAN[a] + " đến quý " + ROMAN[b] + " năm " + year;
                case 1 -> "Từ quý " + a + " đến quý " + b + "/" + year;
                case 2 -> "Quý " + OCR_ROMAN[a] + " - " + ROMAN[b] + "/" + year;
                case 3 -> "Quý " + OCR_ROMAN[a] + ", " + ROMAN[b] + " năm " + year;
                default -> "Quý " + ROMAN[a] + " và quý " + ROMAN[b] + "/" + year;
            };
            LocalDate end = YearMonth.of(year, b * 3).atEndOfMonth();
            return new Sample(text, TimeframeKind.RANGE, LocalDate.of(year, a * 3 - 2, 1), end, end);
        });
    }

    private static final String[] VOCABULARY = {
        "tháng",
        "quý",
        "quí",
        "năm",
        "ngày",
        "tuần",
        "trước",
        "sau",
        "chậm nhất",
        "đến",
        "đến hết",
        "từ",
        "kể từ",
        "bắt đầu từ",
        "trong",
        "dự kiến",
        "khoảng",
        "hằng",
        "hàng",
        "mỗi",
        "định kỳ",
        "đột xuất",
        "thường xuyên",
        "khi",
        "sau khi",
        "lần đầu",
        "sau đó",
        "đầu",
        "cuối",
        "của",
        "nửa",
        "6",
        "9",
        "và",
        "hoặc",
        "các năm tiếp theo",
        "trở đi",
        "làm việc",
        "giai đoạn",
        "I",
        "IV",
        "l",
        "Ill",
        "V",
        "-",
        "–",
        "/",
        ",",
        ";",
        ".",
        "(",
        ")",
        ":",
        "20 25",
        "01/2020/TT-VPCP",
        "Theo kế hoạch",
        "🙂"
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void arbitraryWordSoupNeverThrowsAndStaysConsistent(long seed) {
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES_PER_SEED * 4; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(9); n >= 0; n--) {
                text.append(random.nextInt(3) == 0 ? number(random) : pick(random, VOCABULARY));
                text.append(random.nextInt(6) == 0 ? "" : " ");
            }
            int planYear = random.nextInt(10) == 0 ? pick(random, Integer.MIN_VALUE, Integer.MAX_VALUE, 0) : 2024;
            try {
                Timeframe t = Timeframe.parse(text.toString(), planYear);
                boolean consistent = t.kind() != null
                        && (t.kind() != TimeframeKind.UNSTRUCTURED
                                || t.recognised().isEmpty())
                        && (t.start() == null || t.end() == null || !t.start().isAfter(t.end()))
                        && t.dueDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)) != null;
                if (!consistent) {
                    failures.add("'" + text + "': " + t);
                }
            } catch (RuntimeException e) {
                failures.add("'" + text + "' threw " + e);
            }
        }
        assertEquals(List.of(), failures);
    }

    private static String number(Random random) {
        int kind = random.nextInt(4);
        if (kind == 0) {
            return (1 + random.nextInt(31)) + pick(random, "/", ".", "-", " / ") + (1 + random.nextInt(13));
        }
        if (kind == 1) {
            return (random.nextInt(40)) + "/" + (random.nextInt(13)) + "/" + (1990 + random.nextInt(80));
        }
        return String.valueOf(random.nextInt(kind == 2 ? 100 : 100_000));
    }

    private static void check(long seed, BiFunction<Random, Integer, Sample> generator) {
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES_PER_SEED; i++) {
            int planYear = year(random);
            Sample sample = generator.apply(random, planYear);
            String text = noise(random, sample.text());
            Timeframe t = Timeframe.parse(text, planYear);
            Sample actual = new Sample(sample.text(), t.kind(), t.start(), t.end(), t.dueDate());
            if (!sample.equals(actual)) {
                failures.add("'" + text + "' (plan year " + planYear + "): expected " + sample + " but was " + actual);
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Upper case, decomposed accents, doubled spaces or a line break, each at random. */
    private static String noise(Random random, String text) {
        String noisy = text;
        if (random.nextInt(5) == 0) {
            noisy = noisy.toUpperCase(Locale.ROOT);
        }
        if (random.nextInt(4) == 0) {
            noisy = Normalizer.normalize(noisy, Normalizer.Form.NFD);
        }
        if (random.nextInt(4) == 0) {
            noisy = noisy.replace(" ", random.nextBoolean() ? "  " : "\n");
        }
        return noisy;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String dmy(Random random, LocalDate d, String separator) {
        String day = random.nextBoolean() ? String.valueOf(d.getDayOfMonth()) : pad(d.getDayOfMonth());
        String month = random.nextBoolean() ? String.valueOf(d.getMonthValue()) : pad(d.getMonthValue());
        return day + separator + month + separator + d.getYear();
    }

    private static String pad(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    private static int year(Random random) {
        return 1990 + random.nextInt(71);
    }

    private static LocalDate date(Random random) {
        return LocalDate.ofEpochDay(LocalDate.of(1990, 1, 1).toEpochDay() + random.nextInt(71 * 365));
    }
}
