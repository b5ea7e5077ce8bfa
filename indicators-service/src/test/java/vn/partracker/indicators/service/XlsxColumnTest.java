package vn.partracker.indicators.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

/** The cell-reference reading of {@link XlsxRowSource} answers what POI's {@link CellReference} answers. */
class XlsxColumnTest {

    @Test
    void readsTheColumnOfEveryReferenceAsPoiDoes() {
        for (String ref : new String[] {"A1", "B7", "Z100000", "AA12", "$C$9", "ZZ1", "AAA1", "XFD1048576", "O2"}) {
            assertEquals(new CellReference(ref).getCol(), XlsxRowSource.column(ref), ref);
        }
    }

    @Test
    void aReferenceWithoutColumnLettersIsNoColumn() {
        assertEquals(-1, XlsxRowSource.column("12"));
        assertEquals(-1, XlsxRowSource.column(""));
        assertEquals(-1, XlsxRowSource.column("ABCD1"));
    }
}
