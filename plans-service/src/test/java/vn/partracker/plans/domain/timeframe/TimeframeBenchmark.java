package vn.partracker.plans.domain.timeframe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A micro-benchmark of {@link Timeframe#parse} on one core: the seed wordings of
 * {@code timeframes/seed-wordings.tsv} (and the public corpus when present) parsed over and over on one thread,
 * reporting wordings parsed per second. It is a {@code main}, not a test, so that no build ever depends on the speed
 * of the machine it runs on.
 *
 * <p>Run from the test classpath, for example {@code java -cp target/classes:target/test-classes:<events jar>
 * vn.partracker.plans.domain.timeframe.TimeframeBenchmark [seconds]}.
 */
public final class TimeframeBenchmark {

    private TimeframeBenchmark() {}

    /**
     * Warms up for a second, then measures for {@code args[0]} seconds (default 3) and prints the rate.
     *
     * @param args optional measuring time in seconds
     * @throws IOException if the wordings cannot be read
     */
    public static void main(String[] args) throws IOException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        List<String[]> wordings = new ArrayList<>(read("/timeframes/seed-wordings.tsv", 0, 1));
        wordings.addAll(read("/timeframes/public-corpus.tsv", 2, 1));
        run(wordings, 1_000_000_000L);
        long[] result = run(wordings, seconds * 1_000_000_000L);
        double perSecond = result[0] * 1e9 / result[1];
        System.out.printf(
                "%d distinct wordings, %d parses in %.2f s on one thread: %.0f wordings/s (%.1f µs each)%n",
                wordings.size(), result[0], result[1] / 1e9, perSecond, 1e6 / perSecond);
    }

    /** Parses the wordings round-robin for {@code nanos}; returns {parses, elapsed nanos}. */
    private static long[] run(List<String[]> wordings, long nanos) {
        long start = System.nanoTime();
        long parses = 0;
        int sink = 0;
        while (System.nanoTime() - start < nanos) {
            for (String[] w : wordings) {
                sink += Timeframe.parse(w[0], Integer.parseInt(w[1])).kind().ordinal();
                parses++;
            }
        }
        long elapsed = System.nanoTime() - start;
        if (sink == Integer.MIN_VALUE) {
            System.out.println(sink);
        }
        return new long[] {parses, elapsed};
    }

    /** {text, plan year} pairs from a TSV resource with a header line; empty when the resource is absent. */
    private static List<String[]> read(String resource, int textColumn, int yearColumn) throws IOException {
        List<String[]> wordings = new ArrayList<>();
        try (InputStream in = TimeframeBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                return wordings;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split("\t", -1);
                if (f.length > Math.max(textColumn, yearColumn) && f[yearColumn].matches("\\d{4}")) {
                    wordings.add(new String[] {f[textColumn].replace("\\n", "\n"), f[yearColumn]});
                }
            }
        }
        return wordings;
    }
}
