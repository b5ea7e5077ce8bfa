package vn.partracker.indicators.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.partracker.support.problem.ValidationException;

/** CSV rows of a figures import: headings, separators, quoted fields, line numbers and hostile bodies. */
class CsvRowSourceTest {

    @Test
    void readsSemicolonSeparatedRowsWithVietnameseHeadingsAndNumbersThemByLine() {
        CsvRowSource source = source("\uFEFFMã cơ quan;Kỳ báo cáo;Ghi chú\nKT.SNV;2024;\"Hệ thống; một cửa\"\n\n"
                + "KT.STP;2024-Q1;\"hai\ndòng\"\nKT.STNMT;2024-Q2;\n");

        RowSource.Row first = source.next();
        assertEquals(2, first.number());
        assertEquals("KT.SNV", first.data().agencyCode());
        assertEquals("Hệ thống; một cửa", first.data().note());

        RowSource.Row second = source.next();
        assertEquals(4, second.number(), "a blank line is skipped but still counted");
        assertEquals("hai\ndòng", second.data().note());

        RowSource.Row third = source.next();
        assertEquals(6, third.number(), "the line where the record begins, after a two-line record");
        assertEquals("2024-Q2", third.data().period());
        assertNull(source.next());
    }

    @Test
    void readsCommaSeparatedRowsUnderTheJsonFieldNames() {
        CsvRowSource source = source("agencyCode,period,note\r\nKT.SNV,2024,\"say \"\"đúng hạn\"\"\"\r\n");
        RowSource.Row row = source.next();
        assertEquals("say \"đúng hạn\"", row.data().note());
        assertNull(source.next());
    }

    @Test
    void anEmptyFileIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> source(""));
        assertTrue(e.errors().get(0).message().contains("empty"));
    }

    @Test
    void aFileWithoutAKnownHeadingIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> source("a;b;c\n1;2;3\n"));
        assertTrue(e.errors().get(0).message().contains("no known heading"));
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereItsRecordBegan() {
        CsvRowSource source = source("agencyCode;period;note\nKT.SNV;2024;ok\nKT.STP;2024;\"never closed\nmore\n");
        source.next();
        ValidationException e = assertThrows(ValidationException.class, source::next);
        assertEquals("$", e.errors().get(0).field());
        assertEquals("line 3: a quoted field is not closed", e.errors().get(0).message());
    }

    @Test
    void aHugeUnclosedQuoteIsRefusedQuicklyInsteadOfRescannedLineByLine() {
        String body = "agencyCode;period;note\nKT.SNV;2024;\"" + "x;y\n".repeat(200_000);
        CsvRowSource source = source(body);
        ValidationException e = assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> assertThrows(ValidationException.class, source::next));
        assertTrue(
                e.errors().get(0).message().startsWith("line 2: "),
                e.errors().get(0).message());
    }

    private static CsvRowSource source(String text) {
        return new CsvRowSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
