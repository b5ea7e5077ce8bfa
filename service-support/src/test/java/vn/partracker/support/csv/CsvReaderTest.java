package vn.partracker.support.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.partracker.support.problem.ValidationException;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() {
        List<List<String>> records = CsvReader.readAll(
                "code,name,note\r\nKT.SNV,\"Sở Nội vụ, tỉnh Kon Tum\",\"dòng 1\r\ndòng \"\"2\"\"\"\nKT.STP,Sở Tư pháp,\n");
        assertEquals(
                List.of(
                        List.of("code", "name", "note"),
                        List.of("KT.SNV", "Sở Nội vụ, tỉnh Kon Tum", "dòng 1\ndòng \"2\""),
                        List.of("KT.STP", "Sở Tư pháp", "")),
                records);
    }

    @Test
    void skipsBlankLinesAndTheByteOrderMarkAndCountsLines() {
        CsvReader reader = CsvReader.of(new StringReader("\uFEFFa,b\n\n\"x\ny\",z\n\nlast,1"));
        assertEquals(List.of("a", "b"), reader.next());
        assertEquals(1, reader.recordLine());
        assertEquals(List.of("x\ny", "z"), reader.next());
        assertEquals(3, reader.recordLine());
        assertEquals(List.of("last", "1"), reader.next());
        assertEquals(6, reader.recordLine());
        assertNull(reader.next());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() {
        assertEquals(List.of(List.of("ống 5\" dài", "x")), CsvReader.readAll("ống 5\" dài,x"));
    }

    @Test
    void detectsSemicolonSeparatedSpreadsheets() {
        CsvReader reader = CsvReader.detectingSeparator(new StringReader("Kỳ báo cáo;Giá trị\n2024-Q1;96,5\n"));
        assertEquals(List.of("Kỳ báo cáo", "Giá trị"), reader.next());
        assertEquals(';', reader.separator());
        assertEquals(List.of("2024-Q1", "96,5"), reader.next());
    }

    @Test
    void keepsCommasWhenTheFirstRecordHasThem() {
        CsvReader reader = CsvReader.detectingSeparator(new StringReader("period,note\n2024-Q1,a;b\n"));
        assertEquals(List.of("period", "note"), reader.next());
        assertEquals(',', reader.separator());
        assertEquals(List.of("2024-Q1", "a;b"), reader.next());
    }

    @Test
    void anUnclosedQuoteIsRefusedNamingTheLineWhereTheRecordBegan() {
        CsvReader reader = CsvReader.of(new StringReader("a,b\nc,\"never closed\nmore\nand more"));
        reader.next();
        ValidationException e = assertThrows(ValidationException.class, reader::next);
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
    }

    @Test
    void aRecordBeyondTheLengthBoundIsRefused() {
        CsvReader reader = CsvReader.of(new StringReader("ok\n\"" + "x".repeat(200)), ',', 100, 10);
        assertEquals(List.of("ok"), reader.next());
        ValidationException e = assertThrows(ValidationException.class, reader::next);
        assertTrue(e.getMessage().contains("longer than 100"), e.getMessage());
    }

    @Test
    void aRecordBeyondTheColumnBoundIsRefused() {
        CsvReader reader = CsvReader.of(new StringReader(",".repeat(20)), ',', 1000, 10);
        ValidationException e = assertThrows(ValidationException.class, reader::next);
        assertTrue(e.getMessage().contains("more than 10 columns"), e.getMessage());
    }

    @Test
    void emptyInputHasNoRecords() {
        assertEquals(List.of(), CsvReader.readAll(""));
        assertEquals(List.of(), CsvReader.readAll(null));
    }
}
