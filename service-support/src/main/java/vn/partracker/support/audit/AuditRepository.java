package vn.partracker.support.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import vn.partracker.support.jdbc.Jdbc;
import vn.partracker.support.paging.PageRequest;

/**
 * The {@code audit_entry} table (the chain: query, read in chain order for verification) and {@code audit_pending}
 * (rows committed by writes, waiting for {@link AuditSealer} to chain them).
 */
@ApplicationScoped
public class AuditRepository {

    /** The last row of the chain: its seq (0 when empty) and hash ({@link AuditChain#GENESIS} when empty). */
    public record Tail(long seq, String hash) {}

    /** The filters of {@code GET /api/audit}; {@code null} means any. */
    public record Filter(String entityType, String entityId, String actor, LocalDate from, LocalDate to) {}

    private static final int VERIFY_CHUNK = 5_000;

    private static final String COLUMNS = "seq, occurred_at, actor_subject, actor_agency, actor_roles, action,"
            + " entity_type, entity_id, before_json, after_json, request_id, prev_hash, hash";

    static final String PENDING_COLUMNS = "occurred_at, actor_subject, actor_agency, actor_roles, action,"
            + " entity_type, entity_id, before_json, after_json, request_id";

    private final Jdbc jdbc;

    public AuditRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void lockChain(long key) {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> 1, key);
    }

    /** Stores a row of the current transaction, not yet chained ({@code seq}, hashes unset). */
    void insertPending(AuditEntry e) {
        jdbc.update(
                "INSERT INTO audit_pending (" + PENDING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                pendingValues(e));
    }

    /** The values of {@link #PENDING_COLUMNS} for a row. */
    static Object[] pendingValues(AuditEntry e) {
        return new Object[] {
            e.occurredAt().atOffset(ZoneOffset.UTC),
            e.actorSubject(),
            e.actorAgency(),
            e.actorRoles(),
            e.action(),
            e.entityType(),
            e.entityId(),
            e.before(),
            e.after(),
            e.requestId()
        };
    }

    /**
     * The oldest committed rows still to be chained (their pending id in {@code seq}) and the chain's tail, read by one
     * statement.
     */
    Batch pending(int limit) {
        List<Tail> tail = new ArrayList<>(1);
        List<AuditEntry> rows = jdbc.query(
                "SELECT p.*, NULL AS prev_hash, NULL AS hash, t.seq AS tail_seq, t.hash AS tail_hash"
                        + " FROM (SELECT id AS seq, " + PENDING_COLUMNS + " FROM audit_pending ORDER BY id LIMIT "
                        + limit + ") p LEFT JOIN (SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1) t"
                        + " ON true ORDER BY p.seq",
                rs -> {
                    if (tail.isEmpty()) {
                        String hash = rs.getString("tail_hash");
                        tail.add(
                                hash == null
                                        ? new Tail(0, AuditChain.GENESIS)
                                        : new Tail(rs.getLong("tail_seq"), hash));
                    }
                    return row(rs);
                });
        return new Batch(rows, tail.isEmpty() ? null : tail.get(0));
    }

    /**
     * Pending rows and the tail they are to be chained after.
     *
     * @param rows the pending rows, oldest first, their pending id in {@code seq}
     * @param tail the chain's last row when the rows were read; {@code null} when there are none
     */
    record Batch(List<AuditEntry> rows, Tail tail) {}

    /**
     * Chains rows in one statement: removes their pending copies and inserts them into {@code audit_entry} from what
     * was removed, with the seq and hashes given (the content is not sent back to the database).
     *
     * @param pendingIds the pending ids, in chain order
     * @param seqs their seq in the chain
     * @param prevHashes the previous row's hash of each
     * @param hashes the hash of each
     */
    void seal(long[] pendingIds, long[] seqs, String[] prevHashes, String[] hashes) {
        jdbc.update(
                "WITH chained AS (SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[])"
                        + " AS c(pending_id, seq, prev_hash, hash)),"
                        + " gone AS (DELETE FROM audit_pending p USING chained c WHERE p.id = c.pending_id"
                        + " RETURNING c.seq, p.occurred_at, p.actor_subject, p.actor_agency, p.actor_roles, p.action,"
                        + " p.entity_type, p.entity_id, p.before_json, p.after_json, p.request_id, c.prev_hash, c.hash)"
                        + " INSERT INTO audit_entry (" + COLUMNS + ") SELECT * FROM gone",
                pendingIds,
                seqs,
                Jdbc.texts(Arrays.asList(prevHashes)),
                Jdbc.texts(Arrays.asList(hashes)));
    }

    /** How many rows wait to be chained (for the tests and the gauge). */
    public long pendingCount() {
        return jdbc.queryOne("SELECT count(*) AS n FROM audit_pending", rs -> rs.getLong("n"))
                .orElse(0L);
    }

    /** One page of rows matching {@code filter}, newest first. */
    public List<AuditEntry> find(Filter filter, PageRequest page) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(page.size());
        params.add((long) page.offset());
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM audit_entry" + where + " ORDER BY seq DESC LIMIT ? OFFSET ?",
                AuditRepository::row,
                params.toArray());
    }

    /** How many rows match {@code filter}. */
    public long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.queryOne("SELECT count(*) AS n FROM audit_entry" + where, rs -> rs.getLong("n"), params.toArray())
                .orElse(0L);
    }

    /** Every row in chain order, read in chunks so a long trail is not held in memory at once. */
    public Iterator<AuditEntry> inChainOrder() {
        return new Iterator<>() {
            private List<AuditEntry> chunk = List.of();
            private int index;
            private long after = 0;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (index < chunk.size()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                chunk = jdbc.query(
                        "SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT " + VERIFY_CHUNK,
                        AuditRepository::row,
                        after);
                index = 0;
                exhausted = chunk.size() < VERIFY_CHUNK;
                if (!chunk.isEmpty()) {
                    after = chunk.get(chunk.size() - 1).seq();
                }
                return !chunk.isEmpty();
            }

            @Override
            public AuditEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.get(index++);
            }
        };
    }

    private static String where(Filter f, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.entityType() != null) {
            clauses.add("entity_type = ?");
            params.add(f.entityType());
        }
        if (f.entityId() != null) {
            clauses.add("entity_id = ?");
            params.add(f.entityId());
        }
        if (f.actor() != null) {
            clauses.add("actor_subject = ?");
            params.add(f.actor());
        }
        if (f.from() != null) {
            clauses.add("occurred_at >= ?");
            params.add(f.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            clauses.add("occurred_at < ?");
            params.add(f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static AuditEntry row(ResultSet rs) throws SQLException {
        Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
        return new AuditEntry(
                rs.getLong("seq"),
                at,
                rs.getString("actor_subject"),
                rs.getString("actor_agency"),
                rs.getString("actor_roles"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("before_json"),
                rs.getString("after_json"),
                rs.getString("request_id"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
