package vn.partracker.reporting.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.reporting.api.RebuildJob;
import vn.partracker.reporting.api.RebuildResult;
import vn.partracker.support.jdbc.Jdbc;

/** The durable rebuild jobs ({@code rebuild_job}): their state, progress, heartbeat and outcome. */
@ApplicationScoped
public class RebuildJobRepository {

    /** At most this many differing rows are kept on a job (the count is exact). */
    public static final int MAX_DIFFERENCES = 500;

    private static final TypeReference<List<RebuildResult.Difference>> DIFFERENCES = new TypeReference<>() {};

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public RebuildJobRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a new QUEUED job. */
    public void insert(UUID id, String requestedBy) {
        jdbc.update("INSERT INTO rebuild_job (id, status, requested_by) VALUES (?, 'QUEUED', ?)", id, requestedBy);
    }

    /** One job. */
    public Optional<RebuildJob> find(UUID id) {
        return jdbc.queryOne("SELECT * FROM rebuild_job WHERE id = ?", this::map, id);
    }

    /** The job that is queued or running, if any (there is at most one). */
    public Optional<RebuildJob> active() {
        return jdbc.queryOne(
                "SELECT * FROM rebuild_job WHERE status IN ('QUEUED', 'RUNNING') ORDER BY requested_at LIMIT 1",
                this::map);
    }

    /**
     * Moves the oldest QUEUED job to RUNNING for the worker; an instance that already claimed it is skipped, so two
     * instances never run the same job.
     */
    public Optional<UUID> claimNext(String worker, int indicatorsTotal) {
        return jdbc.queryOne("""
                UPDATE rebuild_job SET status = 'RUNNING', worker = ?, started_at = now(), heartbeat_at = now(),
                    indicators_total = ?
                WHERE id = (SELECT id FROM rebuild_job WHERE status = 'QUEUED' ORDER BY requested_at LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING id
                """, rs -> Jdbc.uuid(rs, "id"), worker, indicatorsTotal);
    }

    /** Adds one rebuilt indicator to the job's progress and renews its heartbeat. */
    public void progress(UUID id, int figures, int rows, int differenceCount, List<RebuildResult.Difference> found) {
        int kept = jdbc.queryOne(
                        "SELECT jsonb_array_length(differences) AS n FROM rebuild_job WHERE id = ?",
                        rs -> rs.getInt("n"),
                        id)
                .orElse(0);
        List<RebuildResult.Difference> more =
                found.subList(0, Math.max(0, Math.min(found.size(), MAX_DIFFERENCES - kept)));
        jdbc.update("""
                UPDATE rebuild_job SET indicators_done = indicators_done + 1, figures = figures + ?,
                    aggregate_rows = aggregate_rows + ?, difference_count = difference_count + ?,
                    differences = differences || ?::jsonb, heartbeat_at = now()
                WHERE id = ?
                """, figures, rows, differenceCount, write(more), id);
    }

    /** Ends a RUNNING job successfully. */
    public void succeed(UUID id) {
        jdbc.update(
                "UPDATE rebuild_job SET status = 'SUCCEEDED', finished_at = now(), heartbeat_at = now() WHERE id = ?",
                id);
    }

    /** Ends a queued or running job as FAILED with the reason. */
    public int fail(UUID id, String reason) {
        return jdbc.update("""
                UPDATE rebuild_job SET status = 'FAILED', finished_at = now(), failure_reason = ?
                WHERE id = ? AND status IN ('QUEUED', 'RUNNING')
                """, reason, id);
    }

    /**
     * Fails the RUNNING jobs whose worker died: those of {@code worker} itself (it is starting, so it runs nothing
     * yet) when {@code restartedWorker} is set, and those of any worker whose heartbeat is older than {@code
     * staleAfter}.
     *
     * @return the ids of the jobs failed
     */
    public List<UUID> failAbandoned(String restartedWorker, Duration staleAfter) {
        return jdbc.query(
                """
                UPDATE rebuild_job SET status = 'FAILED', finished_at = now(),
                    failure_reason = CASE WHEN worker = ?
                        THEN 'the service instance ' || worker || ' restarted while the rebuild was running'
                        ELSE 'the service instance ' || COALESCE(worker, '?') || ' stopped sending heartbeats'
                            || ' while the rebuild was running (last at ' || heartbeat_at || ')' END
                WHERE status = 'RUNNING' AND (worker = ? OR heartbeat_at < now() - make_interval(secs => ?))
                RETURNING id
                """,
                rs -> Jdbc.uuid(rs, "id"),
                restartedWorker,
                restartedWorker,
                (double) staleAfter.toMillis() / 1000.0);
    }

    private String write(List<RebuildResult.Difference> differences) {
        try {
            return json.writeValueAsString(differences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write rebuild differences", e);
        }
    }

    private RebuildJob map(ResultSet rs) throws SQLException {
        List<RebuildResult.Difference> differences;
        try {
            differences = json.readValue(rs.getString("differences"), DIFFERENCES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable differences of rebuild job " + rs.getString("id"), e);
        }
        return new RebuildJob(
                Jdbc.uuid(rs, "id"),
                rs.getString("status"),
                rs.getString("requested_by"),
                Jdbc.instant(rs, "requested_at"),
                rs.getString("worker"),
                Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "heartbeat_at"),
                Jdbc.instant(rs, "finished_at"),
                rs.getInt("indicators_total"),
                rs.getInt("indicators_done"),
                rs.getInt("figures"),
                rs.getInt("aggregate_rows"),
                rs.getInt("difference_count"),
                differences,
                rs.getString("failure_reason"));
    }
}
