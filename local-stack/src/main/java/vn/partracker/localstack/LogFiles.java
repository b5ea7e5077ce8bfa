package vn.partracker.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Helpers for the per-process log files under {@code .local-data/logs}. */
public final class LogFiles {

    /** How much of the end of a log is read to find its last lines; a stack trace fits comfortably. */
    private static final int TAIL_WINDOW_BYTES = 64 * 1024;

    private LogFiles() {}

    /**
     * Returns the last {@code maxLines} lines of a file, or a short note when it does not exist. Only the end of the
     * file is read, and bytes that are not valid UTF-8 are replaced, because a log may be cut inside a character.
     */
    public static String tail(Path file, int maxLines) {
        if (!Files.isRegularFile(file)) {
            return "(no log file " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - TAIL_WINDOW_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
            int end = lines.length;
            if (end > 0 && lines[end - 1].isEmpty()) {
                end--;
            }
            int first = start > 0 ? 1 : 0;
            int from = Math.max(first, end - maxLines);
            return String.join(System.lineSeparator(), Arrays.copyOfRange(lines, Math.min(from, end), end));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Keeps the previous run's log as {@code <name>.1} so that each run starts with an empty log. */
    public static void rotate(Path file) throws IOException {
        if (Files.exists(file)) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Indents every line of a block of text, for embedding log tails in error messages. */
    public static String indent(String text, String prefix) {
        return text.lines().map(line -> prefix + line).collect(Collectors.joining(System.lineSeparator()));
    }
}
