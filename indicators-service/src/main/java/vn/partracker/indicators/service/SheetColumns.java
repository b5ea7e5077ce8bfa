package vn.partracker.indicators.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.indicators.api.MeasurementRow;
import vn.partracker.support.number.NumberPolicy;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;
import vn.partracker.support.text.VietnameseText;

/**
 * The columns of the figures spreadsheet (the XLSX template and CSV files): Vietnamese headings as agencies fill
 * them in, each also accepted under its JSON field name. Headings are matched accent- and case-insensitively;
 * unknown columns (such as the indicator's name, shown for the reader) are ignored.
 */
final class SheetColumns {

    /** Headings of the template, in order; the first of each pair is written, both are read. */
    static final List<String[]> HEADINGS = List.of(
            new String[] {"Số kế hoạch", "plan"},
            new String[] {"Nhóm", "group"},
            new String[] {"STT", "ordinal"},
            new String[] {"Tên chỉ tiêu", "name"},
            new String[] {"Đơn vị tính", "unit"},
            new String[] {"Mã cơ quan", "agencyCode"},
            new String[] {"Kỳ báo cáo", "period"},
            new String[] {"Tử số (b)", "numerator"},
            new String[] {"Mẫu số (a)", "denominator"},
            new String[] {"Giá trị", "value"},
            new String[] {"Điểm thành phần", "components"},
            new String[] {"Ghi chú", "note"},
            new String[] {"Nguồn số liệu", "source"},
            new String[] {"Mã chỉ tiêu", "indicatorId"},
            new String[] {"Mã định danh cơ quan", "agencyId"});

    private SheetColumns() {}

    /**
     * @param headings the header cells as read
     * @return field name per column index; {@code null} for ignored columns
     */
    static List<String> fields(List<String> headings) {
        Map<String, String> byFolded = new LinkedHashMap<>();
        for (String[] pair : HEADINGS) {
            byFolded.put(VietnameseText.fold(pair[0]), pair[1]);
            byFolded.put(VietnameseText.fold(pair[1]), pair[1]);
        }
        List<String> fields = new ArrayList<>();
        for (String heading : headings) {
            fields.add(heading == null ? null : byFolded.get(VietnameseText.fold(heading)));
        }
        return fields;
    }

    /**
     * Builds a row from cell texts.
     *
     * @param fields field per column
     * @param cells text per column
     * @param errors receives a problem per unreadable cell
     * @return the row, or {@code null} when the line is empty
     */
    static MeasurementRow row(List<String> fields, List<String> cells, List<FieldError> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.size() && i < cells.size(); i++) {
            String cell = cells.get(i) == null ? null : cells.get(i).strip();
            if (fields.get(i) != null && cell != null && !cell.isEmpty()) {
                values.put(fields.get(i), cell);
            }
        }
        values.remove("name");
        values.remove("unit");
        if (values.isEmpty()) {
            return null;
        }
        return new MeasurementRow(
                uuid(values, "indicatorId", errors),
                null,
                values.get("plan"),
                values.get("group"),
                values.get("ordinal"),
                uuid(values, "agencyId", errors),
                values.get("agencyCode"),
                values.get("period"),
                number(values, "numerator", errors),
                number(values, "denominator", errors),
                number(values, "value", errors),
                components(values.get("components"), errors),
                values.get("note"),
                values.get("source"));
    }

    /**
     * Parses {@code "ASSESSED=54.95; SIPAS=8.5"}.
     *
     * @return the points per code, {@code null} for an empty cell
     */
    static Map<String, BigDecimal> components(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        for (String part : text.split("[;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("=", 2);
            if (pair.length != 2 || pair[1].isBlank()) {
                errors.add(new FieldError("components", "write component points as CODE=points; CODE=points"));
                return null;
            }
            String field = "components." + pair[0].strip();
            try {
                points.put(pair[0].strip(), decimal(field, pair[1]));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
                return null;
            }
        }
        return points;
    }

    /**
     * Reads a decimal written with a point or a Vietnamese decimal comma (86,14), spaces as thousands separators
     * allowed, within the suite's {@link NumberPolicy} (so {@code 1e400} or 40 digits are a row error in
     * microseconds, never an arithmetic or database failure later).
     *
     * @throws ValidationException naming {@code field} when the text is not such a number
     */
    static BigDecimal decimal(String field, String text) {
        return NumberPolicy.parse(field, text.strip().replace(" ", "").replace("\u00a0", ""));
    }

    private static BigDecimal number(Map<String, String> values, String field, List<FieldError> errors) {
        String text = values.get(field);
        if (text == null) {
            return null;
        }
        try {
            return decimal(field, text);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static UUID uuid(Map<String, String> values, String field, List<FieldError> errors) {
        String text = values.get(field);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + text + "' is not a UUID"));
            return null;
        }
    }
}
