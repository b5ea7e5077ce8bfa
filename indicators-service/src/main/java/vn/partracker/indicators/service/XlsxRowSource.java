package vn.partracker.indicators.service;

import io.quarkus.logging.Log;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import vn.partracker.indicators.api.MeasurementRow;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;

/**
 * Reads figures from the first sheet of an XLSX workbook such as the one {@code GET /api/indicators/template.xlsx}
 * produces: the first row holds the headings of {@link SheetColumns}; row numbers are the sheet's row numbers.
 *
 * <p>The body is first spooled to a temporary file (deleted when the source is closed, also when the workbook turns
 * out unreadable), and the package is opened from that file ({@link OPCPackage#open(File, PackageAccess)}, a
 * {@code ZipFile} underneath): opened from a stream, POI would inflate every part of the zip into memory, tens of
 * megabytes for a 100,000-row sheet. The sheet is read as a stream ({@link XSSFReader} with a StAX pull parser over
 * the sheet's XML), one row at a time, so the workbook never becomes a workbook object in memory either; POI's
 * zip-bomb guards apply (minimum inflate ratio, largest entry and text size). Numeric cells are read as the shortest decimal text of the
 * stored number, so 86.14 stays 86.14; {@code NaN} and infinite cells (a cell written {@code 1e400}) stay words, so
 * the number policy makes them row errors naming the column.
 */
public final class XlsxRowSource implements RowSource {

    /** Largest uncompressed part of a workbook (the sheet XML of 100,000 rows is far below). */
    static final long MAX_ENTRY_SIZE = 512L * 1024 * 1024;

    /** Smallest compression ratio accepted: below it the part is treated as a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.005;

    private static final XMLInputFactory XML = xmlFactory();

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxTextSize(MAX_ENTRY_SIZE);
    }

    private final Path file;
    private OPCPackage workbook;
    private final ReadOnlySharedStringsTable strings;
    private final XMLStreamReader sheet;
    private final List<String> fields;
    private int lastNumber;
    private boolean closed;

    /**
     * Spools the body to a temporary file and opens the workbook from there; {@link #close()} deletes the file.
     *
     * @throws ValidationException when the body is not an XLSX workbook, has no sheet or no heading row (the
     *     temporary file is already deleted then)
     */
    public XlsxRowSource(InputStream body) {
        file = spool(body);
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            close();
            throw new ValidationException("$", "the body is not an XLSX workbook");
        }
        try {
            XSSFReader reader = new XSSFReader(workbook);
            strings = new ReadOnlySharedStringsTable(workbook, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ValidationException("$", "the workbook has no sheet");
            }
            sheet = XML.createXMLStreamReader(sheets.next());
            Parsed header = nextRow();
            if (header == null) {
                throw new ValidationException("$", "the first sheet has no heading row");
            }
            fields = SheetColumns.fields(header.cells());
        } catch (ValidationException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new ValidationException("$", "the body is not a readable XLSX workbook");
        }
    }

    @Override
    public RowSource.Row next() {
        try {
            Parsed row;
            while ((row = nextRow()) != null) {
                List<FieldError> errors = new ArrayList<>();
                MeasurementRow data = SheetColumns.row(fields, row.cells(), errors);
                if (data != null || !errors.isEmpty()) {
                    return new RowSource.Row(row.number(), errors.isEmpty() ? data : null, errors);
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            close();
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException("$", "the sheet is not readable XML");
        }
        close();
        return null;
    }

    /** A row of the sheet: its 1-based number and the text of each cell by column. */
    private record Parsed(int number, List<String> cells) {}

    private Parsed nextRow() throws XMLStreamException {
        while (sheet.hasNext()) {
            if (sheet.next() == XMLStreamConstants.START_ELEMENT && "row".equals(sheet.getLocalName())) {
                return row();
            }
        }
        return null;
    }

    private Parsed row() throws XMLStreamException {
        int declared = positive(sheet.getAttributeValue(null, "r"));
        int number = declared > 0 ? declared : lastNumber + 1;
        lastNumber = number;
        List<String> cells = new ArrayList<>();
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(sheet.getLocalName())) {
                String ref = sheet.getAttributeValue(null, "r");
                int column = ref == null ? cells.size() : column(ref);
                if (column < 0 || column > SheetColumns.HEADINGS.size() + 200) {
                    throw new ValidationException("$", "cell " + ref + " is outside the columns of the form");
                }
                String text = cell(sheet.getAttributeValue(null, "t"));
                while (cells.size() < column) {
                    cells.add(null);
                }
                if (cells.size() == column) {
                    cells.add(text);
                } else {
                    cells.set(column, text);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(sheet.getLocalName())) {
                break;
            }
        }
        return new Parsed(number, cells);
    }

    /** Reads a {@code <c>} element up to its end and returns its text. */
    private String cell(String type) throws XMLStreamException {
        StringBuilder value = new StringBuilder();
        StringBuilder inline = new StringBuilder();
        String inside = null;
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                inside = sheet.getLocalName();
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if ("v".equals(inside)) {
                    value.append(sheet.getText());
                } else if ("t".equals(inside)) {
                    inline.append(sheet.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if ("c".equals(sheet.getLocalName())) {
                    break;
                }
                inside = null;
            }
        }
        String v = value.toString().strip();
        if ("inlineStr".equals(type)) {
            return inline.toString();
        }
        if ("s".equals(type)) {
            int index = positive(v);
            if (index < 0 || index >= strings.getCount()) {
                return null;
            }
            return strings.getItemAt(index).getString();
        }
        if ("b".equals(type)) {
            return "1".equals(v) ? "TRUE" : "FALSE";
        }
        if ("str".equals(type) || "e".equals(type) || v.isEmpty()) {
            return v.isEmpty() ? null : v;
        }
        try {
            return numeric(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /**
     * The shortest decimal text of a stored number. {@code NaN} and the infinities stay words, so the number policy
     * reports them as a row error naming the column.
     */
    static String numeric(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /**
     * The 0-based column of a cell reference such as {@code B7} or {@code AA12} (what POI's {@code CellReference}
     * answers, without its general parsing, which cost a tenth of a 100,000-row import).
     *
     * @return the column, or -1 when the reference does not start with one to three letters
     */
    static int column(String ref) {
        int start = ref.startsWith("$") ? 1 : 0;
        int column = 0;
        int letters = 0;
        while (start + letters < ref.length() && letters <= 3) {
            char c = Character.toUpperCase(ref.charAt(start + letters));
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            letters++;
        }
        return letters == 0 || letters > 3 ? -1 : column - 1;
    }

    private static int positive(String text) {
        if (text == null || text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(text);
    }

    /** Copies the body to a new temporary file; nothing is left behind when that fails. */
    private static Path spool(InputStream body) {
        Path spooled;
        try {
            spooled = Files.createTempFile("partracker-import-", ".xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary file for the workbook", e);
        }
        try {
            Files.copy(body, spooled, StandardCopyOption.REPLACE_EXISTING);
            return spooled;
        } catch (IOException e) {
            deleteQuietly(spooled);
            throw new ValidationException("$", "the body could not be read to its end");
        } catch (RuntimeException e) {
            deleteQuietly(spooled);
            throw e;
        }
    }

    /** Closes the workbook (nothing is written back) and deletes the spooled file; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (workbook != null) {
                workbook.revert();
            }
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            Log.warnf("could not delete the temporary workbook %s", path);
        }
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
