package vn.partracker.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.partracker.indicators.service.RowSource;
import vn.partracker.indicators.service.XlsxRowSource;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;

/**
 * Benchmark, not a timed test: runs only with {@code -Dbenchmark=true} and asserts only that the work was done.
 * Builds a 100,000-row XLSX workbook, imports it through {@code POST /api/measurements/import} and reports the time
 * and the heap while the import ran, to the log and to {@code target/xlsx-benchmark-results.txt}. The service runs in
 * the test's JVM, so the heap sampled here is the service's heap (plus the workbook bytes the test holds).
 *
 * <p>Two heap figures: the largest heap in use seen by a 5 ms sampler (includes garbage not yet collected, so it
 * depends on when the collector ran) and the largest heap left in use after a collection (the live set the import
 * retains). Both are given relative to the heap in use after a full collection before the import.
 *
 * <p>Run: {@code ./mvnw -B -o -pl indicators-service verify -Dbenchmark=true -Dtest=XlsxImportBenchmarkIT
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class XlsxImportBenchmarkIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int INDICATORS = 50;
    private static final int MONTHS = 500;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void importsAHundredThousandRowWorkbook() throws Exception {
        Replicas replicas = new Replicas(dataSource);
        IndicatorsWorld world = IndicatorsWorld.create(replicas);
        List<UUID> agencies = List.of(world.homeAffairs, world.environment, world.commune, world.district);
        List<String> indicators = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            indicators.add(create(Bodies.onTimeDossiers(world, "B", String.valueOf(i), "MONTHLY")));
        }
        byte[] workbook = workbook(indicators, agencies);
        int rows = INDICATORS * agencies.size() * MONTHS;
        String reader = readerAlone(workbook, rows);

        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        AtomicLong peakUsed = new AtomicLong(before);
        AtomicLong peakAfterGc = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peakUsed.accumulateAndGet(
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                long afterGc = 0;
                for (MemoryPoolMXBean pool : heapPools) {
                    MemoryUsage usage = pool.getCollectionUsage();
                    afterGc += usage == null ? 0 : usage.getUsed();
                }
                peakAfterGc.accumulateAndGet(afterGc, Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        int imported = given().contentType(XLSX)
                .body(workbook)
                .post("/api/measurements/import")
                .then()
                .statusCode(200)
                .extract()
                .path("imported");
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        sampler.join();

        String report = String.format(
                "xlsx import: %d rows, workbook %.1f MB, in %.2f s = %.0f rows/s; heap before %.0f MB, peak in use"
                        + " %.0f MB (+%.0f MB), peak left after a collection %.0f MB (+%.0f MB), max heap %.0f MB%n",
                rows,
                workbook.length / 1e6,
                seconds,
                rows / seconds,
                before / 1e6,
                peakUsed.get() / 1e6,
                (peakUsed.get() - before) / 1e6,
                peakAfterGc.get() / 1e6,
                (peakAfterGc.get() - before) / 1e6,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1e6);
        report += reader;
        Log.info(report);
        Files.writeString(
                Path.of("target", "xlsx-benchmark-results.txt"),
                report,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        assertEquals(rows, imported);
        assertEquals((long) rows, replicas.count("SELECT count(*) FROM measurement"));
    }

    /**
     * Reads the workbook through {@link XlsxRowSource} alone, outside any import, collecting after every 10,000 rows:
     * the largest heap left in use is what the reader itself holds (independent of when the collector happens to
     * run).
     */
    private static String readerAlone(byte[] workbook, int rows) {
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long peak = before;
        long t0 = System.nanoTime();
        int read = 0;
        RowSource source = new XlsxRowSource(new ByteArrayInputStream(workbook));
        while (source.next() != null) {
            if (++read % 10_000 == 0) {
                System.gc();
                peak = Math.max(
                        peak,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(rows, read);
        return String.format(
                "xlsx reader alone: %d rows in %.2f s (with a full collection every 10,000 rows); heap left in use"
                        + " after those collections: before %.1f MB, peak %.1f MB (+%.1f MB)%n",
                read, seconds, before / 1e6, peak / 1e6, (peak - before) / 1e6);
    }

    /** A workbook of one sheet: headings, then a row per indicator, agency and month. */
    private static byte[] workbook(List<String> indicators, List<UUID> agencies) throws Exception {
        try (SXSSFWorkbook book = new SXSSFWorkbook(1000);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("figures");
            Row header = sheet.createRow(0);
            String[] headings = {"indicatorId", "agencyId", "period", "numerator", "denominator"};
            for (int c = 0; c < headings.length; c++) {
                header.createCell(c).setCellValue(headings[c]);
            }
            int r = 1;
            YearMonth start = YearMonth.of(2030, 1);
            for (String indicator : indicators) {
                for (UUID agency : agencies) {
                    for (int m = 0; m < MONTHS; m++) {
                        Row row = sheet.createRow(r++);
                        int a = 100 + m % 900;
                        row.createCell(0).setCellValue(indicator);
                        row.createCell(1).setCellValue(agency.toString());
                        row.createCell(2).setCellValue(start.plusMonths(m).toString());
                        row.createCell(3).setCellValue(a - m % 7);
                        row.createCell(4).setCellValue(a);
                    }
                }
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        }
    }

    private static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/indicators")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
