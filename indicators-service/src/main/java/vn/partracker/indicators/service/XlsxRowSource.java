package vn.partracker.indicators.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.partracker.indicators.api.MeasurementRow;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;

/**
 * Reads figures from the first sheet of an XLSX workbook such as the one {@code GET /api/indicators/template.xlsx}
 * produces: the first row holds the headings of {@link SheetColumns}; row numbers are the sheet's row numbers.
 * Numeric cells are read as the shortest decimal text of the stored number, so 86.14 stays 86.14.
 */
public final class XlsxRowSource implements RowSource {

    private final Workbook workbook;
    private final Sheet sheet;
    private final List<String> fields;
    private final DataFormatter formatter = new DataFormatter();
    private int next;

    /**
     * @throws ValidationException when the body is not an XLSX workbook or has no headings
     */
    public XlsxRowSource(InputStream body) {
        try {
            workbook = new XSSFWorkbook(body);
        } catch (IOException | RuntimeException e) {
            throw new ValidationException("$", "the body is not an XLSX workbook");
        }
        sheet = workbook.getSheetAt(0);
        org.apache.poi.ss.usermodel.Row header = sheet.getRow(sheet.getFirstRowNum());
        if (header == null) {
            throw new ValidationException("$", "the first sheet has no heading row");
        }
        fields = SheetColumns.fields(cells(header));
        next = header.getRowNum() + 1;
    }

    @Override
    public RowSource.Row next() {
        while (next <= sheet.getLastRowNum()) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(next++);
            if (row == null) {
                continue;
            }
            List<FieldError> errors = new ArrayList<>();
            MeasurementRow data = SheetColumns.row(fields, cells(row), errors);
            if (data != null || !errors.isEmpty()) {
                return new RowSource.Row(row.getRowNum() + 1, errors.isEmpty() ? data : null, errors);
            }
        }
        try {
            workbook.close();
        } catch (IOException e) {
            throw new IllegalStateException("could not close the workbook", e);
        }
        return null;
    }

    private List<String> cells(org.apache.poi.ss.usermodel.Row row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
            Cell cell = row.getCell(i);
            if (cell == null) {
                texts.add(null);
            } else if (cell.getCellType() == CellType.NUMERIC) {
                texts.add(new java.math.BigDecimal(String.valueOf(cell.getNumericCellValue()))
                        .stripTrailingZeros()
                        .toPlainString());
            } else {
                texts.add(formatter.formatCellValue(cell));
            }
        }
        return texts;
    }
}
