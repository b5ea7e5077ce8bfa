package vn.partracker.testsupport.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input check every service runs against itself (real PostgreSQL and Kafka): {@link ApiFuzzer} with a
 * fixed seed over the service's own OpenAPI document. A service's test class extends this, carries its own
 * {@code @QuarkusTest} annotations (best with a test profile of its own, so the run starts from an empty database
 * that no other test class writes to) and supplies its data source.
 *
 * <p>{@code -Dfuzz.requests=N} changes the number of requests (default 10,000), {@code -Dfuzz.seed=S} the seed.
 */
public abstract class HostileInputContract {

    /** Default number of requests per service. */
    public static final int DEFAULT_REQUESTS = 10_000;

    /** Default seed; a failure report names the seed in use. */
    public static final long DEFAULT_SEED = 20_241_231L;

    /** The slowest answer accepted. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    /** The service's database. */
    protected abstract DataSource dataSource();

    /** Tables written without a request: the outbox (the relay marks rows sent) and consumer bookkeeping. */
    protected Set<String> volatileTables() {
        return Set.of("outbox_event", "processed_event");
    }

    /** Real ids for path parameters and uuid fields; by default none (most requests then end at a 404). */
    protected List<String> knownIds() {
        return List.of();
    }

    /** Operations not to fuzz, by "METHOD /path", with the reason in the overriding method's Javadoc. */
    protected Set<String> skippedOperations() {
        return Set.of();
    }

    @Test
    void hostileRequestsGetAProblemAnswerQuicklyAndChangeNothing() {
        ApiFuzzer.Report report = ApiFuzzer.run(new ApiFuzzer.Settings(
                URI.create("http://localhost:" + RestAssured.port),
                Long.getLong("fuzz.seed", DEFAULT_SEED),
                Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS),
                TIME_LIMIT,
                dataSource(),
                volatileTables(),
                knownIds(),
                skippedOperations()));
        System.out.println(report.table());
        assertEquals(List.of(), report.failures(), report.table());
    }
}
