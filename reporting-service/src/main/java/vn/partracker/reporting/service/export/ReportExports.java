package vn.partracker.reporting.service.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.partracker.reporting.api.CompletenessReport;
import vn.partracker.reporting.api.IndicatorReportRow;
import vn.partracker.reporting.api.PeriodicReport;
import vn.partracker.reporting.api.TaskReport;

/**
 * The periodic report as the tables a Vietnamese office files: CSV (UTF-8 with a byte-order mark so spreadsheet
 * programs read the diacritics) and XLSX with one sheet per part, all headings in Vietnamese.
 *
 * <p>Rendering only, no HTTP: the resource chooses the representation from the Accept header and wraps the bytes in
 * its response.
 *
 * <p>Formula injection: agency, indicator and regime names come from other services and from clients. In CSV every
 * text cell that a spreadsheet would read as a formula (one starting with {@code =}, {@code +}, {@code -}, {@code @},
 * tab or carriage return) gets a leading apostrophe, which spreadsheet programs show as a text marker. Numbers this
 * class writes itself (counts, sums, rates: {@link Number} values) stay as they are, so a negative sum such as
 * {@code -5.5} remains a number a spreadsheet can add up; only text is neutralised. In XLSX every text value is
 * written as a typed string cell (never a formula, whatever it starts with) and numbers as numeric cells; text longer
 * than a cell can hold is cut at {@link #MAX_CELL_TEXT} characters.
 */
public final class ReportExports {

    /** XLSX media type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> INDICATOR_HEADINGS = List.of(
            "Chỉ tiêu",
            "Đơn vị tính",
            "Số đơn vị phải báo cáo",
            "Số đã gửi",
            "Số đã phê duyệt",
            "Số bị trả lại",
            "Số đạt",
            "Số không đạt",
            "Tổng tử số (b)",
            "Tổng mẫu số (a)",
            "Giá trị",
            "Giá trị đã phê duyệt",
            "Thấp nhất",
            "Trung bình",
            "Cao nhất");

    static final List<String> TASK_HEADINGS = List.of(
            "Đơn vị",
            "Tổng số nhiệm vụ",
            "Chưa triển khai",
            "Đang thực hiện",
            "Hoàn thành",
            "Hủy bỏ",
            "Quá hạn",
            "Đến hạn trong 30 ngày");

    static final List<String> COMPLETENESS_HEADINGS = List.of(
            "Số đơn vị phải báo cáo",
            "Số đã báo cáo",
            "Đúng hạn",
            "Trễ hạn",
            "Chưa báo cáo",
            "Tỷ lệ đầy đủ (%)",
            "Tỷ lệ đúng hạn (%)");

    static final List<String> AGENCY_STATUS_HEADINGS =
            List.of("Tình trạng", "Mã đơn vị", "Tên đơn vị", "Cấp", "Hạn gửi báo cáo", "Thời điểm gửi");

    /** The longest text an XLSX cell holds (POI refuses longer ones). */
    static final int MAX_CELL_TEXT = 32_767;

    private ReportExports() {}

    /** The report as CSV sections separated by blank lines. */
    public static byte[] csv(PeriodicReport report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, List.of("Báo cáo", text(report.regimeName())));
        line(
                out,
                List.of(
                        "Kỳ báo cáo",
                        text(report.period()),
                        "Từ ngày",
                        str(report.windowFrom()),
                        "Đến ngày",
                        str(report.windowTo())));
        line(out, List.of("Đơn vị", text(report.agencyName())));
        out.append("\r\n");
        line(out, INDICATOR_HEADINGS);
        for (List<Object> row : indicatorRows(report)) {
            line(out, row.stream().map(ReportExports::csvCell).toList());
        }
        out.append("\r\n");
        line(out, TASK_HEADINGS);
        for (List<Object> row : taskRows(report.tasks())) {
            line(out, row.stream().map(ReportExports::csvCell).toList());
        }
        out.append("\r\n");
        line(out, COMPLETENESS_HEADINGS);
        line(
                out,
                completenessRow(report.completeness()).stream()
                        .map(ReportExports::csvCell)
                        .toList());
        out.append("\r\n");
        line(out, AGENCY_STATUS_HEADINGS);
        for (List<Object> row : agencyStatusRows(report.completeness())) {
            line(out, row.stream().map(ReportExports::csvCell).toList());
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The report as a workbook with the sheets "Chỉ tiêu", "Nhiệm vụ" and "Tình hình báo cáo". */
    public static byte[] xlsx(PeriodicReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet indicators = workbook.createSheet("Chỉ tiêu");
            int r = title(indicators, bold, report);
            r = table(indicators, bold, r, INDICATOR_HEADINGS, indicatorRows(report));
            Sheet tasks = workbook.createSheet("Nhiệm vụ");
            table(tasks, bold, title(tasks, bold, report), TASK_HEADINGS, taskRows(report.tasks()));
            Sheet completeness = workbook.createSheet("Tình hình báo cáo");
            int c = table(
                    completeness,
                    bold,
                    title(completeness, bold, report),
                    COMPLETENESS_HEADINGS,
                    List.of(completenessRow(report.completeness())));
            table(completeness, bold, c + 1, AGENCY_STATUS_HEADINGS, agencyStatusRows(report.completeness()));
            indicators.setColumnWidth(0, 80 * 256);
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int title(Sheet sheet, CellStyle bold, PeriodicReport report) {
        Row first = sheet.createRow(0);
        first.createCell(0).setCellValue(cellText(report.regimeName()));
        first.getCell(0).setCellStyle(bold);
        sheet.createRow(1)
                .createCell(0)
                .setCellValue(cellText("Kỳ báo cáo " + report.period() + " (từ ngày " + report.windowFrom()
                        + " đến ngày " + report.windowTo() + ")"));
        sheet.createRow(2).createCell(0).setCellValue(cellText("Đơn vị: " + report.agencyName()));
        return 4;
    }

    private static int table(Sheet sheet, CellStyle bold, int start, List<String> headings, List<List<Object>> rows) {
        Row header = sheet.createRow(start);
        for (int i = 0; i < headings.size(); i++) {
            header.createCell(i).setCellValue(headings.get(i));
            header.getCell(i).setCellStyle(bold);
        }
        int r = start + 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof BigDecimal d) {
                    row.createCell(i).setCellValue(d.doubleValue());
                } else if (v instanceof Integer n) {
                    row.createCell(i).setCellValue(n);
                } else if (v != null) {
                    row.createCell(i).setCellValue(cellText(v.toString()));
                }
            }
        }
        return r;
    }

    private static List<List<Object>> indicatorRows(PeriodicReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorReportRow i : report.indicators()) {
            rows.add(java.util.Arrays.asList(
                    i.name(),
                    unit(i.unit()),
                    i.expected(),
                    i.submitted(),
                    i.approved(),
                    i.returned(),
                    i.met(),
                    i.notMet(),
                    i.numeratorSum(),
                    i.denominatorSum(),
                    i.value(),
                    i.approvedValue(),
                    i.min(),
                    i.mean(),
                    i.max()));
        }
        return rows;
    }

    private static List<List<Object>> taskRows(TaskReport tasks) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(taskRow("Toàn bộ", tasks.total(), tasks.byStatus(), tasks.overdue(), tasks.dueNext30Days()));
        for (TaskReport.ChildTasks c : tasks.children()) {
            rows.add(taskRow(c.name(), c.total(), c.byStatus(), c.overdue(), c.dueNext30Days()));
        }
        return rows;
    }

    private static List<Object> taskRow(
            String name, int total, Map<String, Integer> byStatus, int overdue, int dueSoon) {
        return java.util.Arrays.asList(
                name,
                total,
                byStatus.getOrDefault("NOT_STARTED", 0),
                byStatus.getOrDefault("IN_PROGRESS", 0),
                byStatus.getOrDefault("DONE", 0),
                byStatus.getOrDefault("CANCELLED", 0),
                overdue,
                dueSoon);
    }

    private static List<Object> completenessRow(CompletenessReport c) {
        return java.util.Arrays.asList(
                c.expected(),
                c.submitted(),
                c.onTime(),
                c.late(),
                c.missing(),
                c.completenessRate(),
                c.timelinessRate());
    }

    private static List<List<Object>> agencyStatusRows(CompletenessReport c) {
        List<List<Object>> rows = new ArrayList<>();
        for (CompletenessReport.AgencyStatus a : c.lateAgencies()) {
            rows.add(java.util.Arrays.asList(
                    "Trễ hạn", a.code(), a.name(), a.level(), str(a.deadline()), str(a.submittedAt())));
        }
        for (CompletenessReport.AgencyStatus a : c.missingAgencies()) {
            rows.add(java.util.Arrays.asList("Chưa báo cáo", a.code(), a.name(), a.level(), str(a.deadline()), ""));
        }
        return rows;
    }

    private static String unit(String unit) {
        if (unit == null) {
            return "";
        }
        return switch (unit) {
            case "PERCENT" -> "%";
            case "COUNT" -> "Số lượng";
            case "POINTS" -> "Điểm";
            case "DAYS" -> "Ngày";
            case "VND" -> "Đồng";
            case "BOOLEAN" -> "Có/Không";
            default -> unit;
        };
    }

    private static String str(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    /** A CSV cell: numbers written as they are, everything else as neutralised text. */
    private static String csvCell(Object value) {
        return value instanceof Number ? str(value) : text(str(value));
    }

    /**
     * Text for a CSV cell that no spreadsheet evaluates: a leading apostrophe before {@code =}, {@code +}, {@code -},
     * {@code @}, tab or carriage return.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    /** Text for an XLSX string cell, cut to what a cell holds. */
    private static String cellText(String value) {
        return value.length() <= MAX_CELL_TEXT ? value : value.substring(0, MAX_CELL_TEXT);
    }

    private static void line(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        out.append("\r\n");
    }
}
