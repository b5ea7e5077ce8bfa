package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void tailReturnsTheLastLines() throws Exception {
        Path log = dir.resolve("plans-service.log");
        Files.writeString(log, "one\ntwo\nthree\nfour\n");

        assertEquals(String.join(System.lineSeparator(), "three", "four"), LogFiles.tail(log, 2));
        assertEquals(String.join(System.lineSeparator(), "one", "two", "three", "four"), LogFiles.tail(log, 10));
    }

    @Test
    void tailOfALargeFileReadsOnlyItsEndAndDropsThePartialFirstLine() throws Exception {
        Path log = dir.resolve("big.log");
        String content = IntStream.range(0, 20_000)
                .mapToObj(i -> "line " + i + " Kế hoạch cải cách hành chính")
                .collect(Collectors.joining("\n"));
        Files.writeString(log, content, StandardCharsets.UTF_8);

        String tail = LogFiles.tail(log, 3);

        assertEquals(
                String.join(
                        System.lineSeparator(),
                        "line 19997 Kế hoạch cải cách hành chính",
                        "line 19998 Kế hoạch cải cách hành chính",
                        "line 19999 Kế hoạch cải cách hành chính"),
                tail);
        assertTrue(LogFiles.tail(log, 100_000).lines().allMatch(l -> l.startsWith("line ")));
    }

    @Test
    void tailOfAMissingFileSaysSo() {
        assertTrue(LogFiles.tail(dir.resolve("nope.log"), 5).startsWith("(no log file"));
    }

    @Test
    void rotateKeepsOnePreviousLog() throws Exception {
        Path log = dir.resolve("a.log");
        Files.writeString(log, "first run");
        LogFiles.rotate(log);
        Files.writeString(log, "second run");
        LogFiles.rotate(log);

        assertFalse(Files.exists(log));
        assertEquals("second run", Files.readString(dir.resolve("a.log.1")));
        LogFiles.rotate(dir.resolve("never-written.log"));
    }

    @Test
    void indentPrefixesEveryLine() {
        assertEquals("  a" + System.lineSeparator() + "  b", LogFiles.indent("a\nb", "  "));
    }
}
