package vn.partracker.plans.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.partracker.plans.api.AgencyImportRow;
import vn.partracker.plans.api.GroupImportRow;
import vn.partracker.plans.api.ImportProblem;
import vn.partracker.support.csv.CsvReader;
import vn.partracker.support.json.JsonInputLimits;

/**
 * Turns an agency import document (JSON or CSV) into rows, collecting what cannot be read as problems of their row
 * instead of failing at the first, so the sender sees every problem of the file at once. Checking the rows' content
 * is the planner's job.
 */
@ApplicationScoped
public class AgencyImportReader {

    /** The columns a CSV directory may name in its header, in any order. */
    static final List<String> CSV_COLUMNS = List.of(
            "code",
            "name",
            "shortName",
            "kind",
            "level",
            "parentCode",
            "sectors",
            "validFrom",
            "validTo",
            "predecessorCodes",
            "parentChangedOn");

    private static final String EXPECTED_SHAPE = "an array of agencies or {\"agencies\": [...], \"groups\": [...]}";

    private final ObjectMapper mapper;

    public AgencyImportReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What was read: the rows (null where a row could not be read) and the problems met. */
    record Document(List<AgencyImportRow> rows, List<GroupImportRow> groups, List<ImportProblem> problems) {}

    /**
     * Reads a JSON document: an array of agency rows, or {@code {"agencies": [...], "groups": [...]}} so a directory
     * and its groups arrive in one all-or-nothing import.
     */
    Document readJson(JsonNode document) {
        List<ImportProblem> problems = new ArrayList<>();
        JsonNode rowsNode = mapper.createArrayNode();
        JsonNode groupsNode = null;
        if (document != null && document.isArray()) {
            rowsNode = document;
        } else if (document != null && document.isObject()) {
            Set<String> known = Set.of("agencies", "groups");
            document.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    problems.add(new ImportProblem("$", name, "unknown field; expected agencies and groups"));
                }
            });
            if (document.path("agencies").isArray()) {
                rowsNode = document.get("agencies");
            }
            groupsNode = document.get("groups");
            if (groupsNode != null && !groupsNode.isArray()) {
                problems.add(new ImportProblem("$", "groups", "must be an array"));
                groupsNode = null;
            }
        } else {
            problems.add(new ImportProblem("$", "", EXPECTED_SHAPE));
        }
        List<AgencyImportRow> rows = new ArrayList<>();
        for (int i = 0; i < rowsNode.size(); i++) {
            rows.add(convert(rowsNode.get(i), AgencyImportRow.class, "rows[" + (i + 1) + "]", problems));
        }
        List<GroupImportRow> groupRows = new ArrayList<>();
        if (groupsNode != null) {
            for (int i = 0; i < groupsNode.size(); i++) {
                groupRows.add(convert(groupsNode.get(i), GroupImportRow.class, "groups[" + (i + 1) + "]", problems));
            }
        }
        return new Document(rows, groupRows, problems);
    }

    /**
     * Reads a CSV directory whose first record names the columns ({@link #CSV_COLUMNS}); lists inside a cell are
     * separated by ';'. A malformed file (an unclosed quote, an over-long record) is rejected by the shared reader
     * with the line where the record began.
     */
    Document readCsv(String text) {
        List<ImportProblem> problems = new ArrayList<>();
        List<AgencyImportRow> rows = new ArrayList<>();
        try (CsvReader reader = CsvReader.of(new StringReader(text == null ? "" : text))) {
            List<String> first = reader.next();
            if (first == null) {
                problems.add(new ImportProblem("$", "", "empty CSV; the first line names the columns"));
                return new Document(rows, List.of(), problems);
            }
            List<String> header = first.stream().map(String::strip).toList();
            for (String column : header) {
                if (!CSV_COLUMNS.contains(column)) {
                    problems.add(new ImportProblem("header", column, "unknown column; allowed: " + CSV_COLUMNS));
                }
            }
            int index = 0;
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                index++;
                rows.add(row(header, record, "rows[" + index + "]", problems));
            }
        }
        return new Document(rows, List.of(), problems);
    }

    private static AgencyImportRow row(
            List<String> header, List<String> record, String path, List<ImportProblem> problems) {
        Map<String, String> cells = new HashMap<>();
        for (int c = 0; c < header.size() && c < record.size(); c++) {
            String value = record.get(c).strip();
            cells.put(header.get(c), value.isEmpty() ? null : value);
        }
        if (record.size() > header.size()) {
            problems.add(new ImportProblem(path, "", "more cells than columns (" + record.size() + ")"));
        }
        return new AgencyImportRow(
                cells.get("code"),
                cells.get("name"),
                cells.get("shortName"),
                cells.get("kind"),
                cells.get("level"),
                cells.get("parentCode"),
                list(cells.get("sectors")),
                date(cells.get("validFrom"), path, "validFrom", problems),
                date(cells.get("validTo"), path, "validTo", problems),
                list(cells.get("predecessorCodes")),
                date(cells.get("parentChangedOn"), path, "parentChangedOn", problems));
    }

    private <T> T convert(JsonNode node, Class<T> type, String path, List<ImportProblem> problems) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            problems.add(new ImportProblem(path, field, e.getOriginalMessage()));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(new ImportProblem(path, "", e.getOriginalMessage()));
            return null;
        }
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** A cell as quoted in a problem: at most 100 characters, so a huge cell does not make a huge answer. */
    private static String abbreviate(String cell) {
        return cell.length() <= 100 ? cell : cell.substring(0, 100) + "…";
    }

    /** A date cell: ISO-8601 within the one accepted date range ({@link JsonInputLimits#EARLIEST}…{@code LATEST}). */
    private static LocalDate date(String cell, String path, String field, List<ImportProblem> problems) {
        if (cell == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(cell);
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(path, field, "'" + abbreviate(cell) + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
        if (!JsonInputLimits.accepts(date)) {
            problems.add(new ImportProblem(path, field, JsonInputLimits.DATE_RANGE_MESSAGE + ", got '" + cell + "'"));
            return null;
        }
        return date;
    }
}
