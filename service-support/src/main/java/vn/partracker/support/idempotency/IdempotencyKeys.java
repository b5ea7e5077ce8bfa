package vn.partracker.support.idempotency;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Supplier;
import vn.partracker.support.problem.ConflictException;
import vn.partracker.support.problem.ValidationException;

/**
 * Makes creating POSTs safe to retry: the first answer for an {@code Idempotency-Key} is stored in the same
 * transaction as the creation, and the same key with the same body gets that answer again without creating
 * anything. The same key with a different body is a client error (409), not a silent second creation.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** Longest key accepted; keys are client-chosen, typically a UUID. */
    public static final int MAX_KEY_LENGTH = 200;

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    /** Hashes request bodies with every null written, as before the suite omitted nulls (stored hashes match). */
    private final ObjectMapper hashing;

    public IdempotencyKeys(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.hashing = mapper.copy().setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
    }

    /**
     * Runs {@code action} once per (scope, key).
     *
     * <p>The key is claimed first by inserting its row (status 0, not visible to anyone else until the transaction
     * commits, and only ever committed with the answer). A concurrent request with the same key waits on that row
     * until this transaction ends: if it commits, the other finds the stored answer; if it rolls back, the other
     * claims the key itself. Two statements in the normal case (claim, then store the answer), where an advisory
     * lock, a lookup and an insert took three.
     *
     * @param key the Idempotency-Key header, or {@code null} to just run the action
     * @param scope the operation, e.g. {@code POST /api/agencies}
     * @param request the parsed request body, hashed to detect reuse with another body
     */
    @Transactional
    public IdempotentResult execute(String key, String scope, Object request, Supplier<IdempotentResult> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ValidationException("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(request);
        try (Connection connection = dataSource.getConnection()) {
            if (!claim(connection, scope, key, hash)) {
                return stored(connection, scope, key, hash);
            }
            IdempotentResult result = action.get();
            try (PreparedStatement answer =
                    connection.prepareStatement("UPDATE idempotency_key SET status = ?, location = ?, response_body = ?"
                            + " WHERE scope = ? AND idem_key = ?")) {
                answer.setInt(1, result.status());
                answer.setString(2, result.location());
                answer.setString(3, json(result.body()));
                answer.setString(4, scope);
                answer.setString(5, key);
                answer.executeUpdate();
            }
            return result;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store the answer for Idempotency-Key " + key, e);
        }
    }

    /** Inserts the key's row; {@code false} when a committed row holds it already (waits for an uncommitted one). */
    private static boolean claim(Connection connection, String scope, String key, String hash) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(
                "INSERT INTO idempotency_key (scope, idem_key, request_hash, status) VALUES (?, ?, ?, 0)"
                        + " ON CONFLICT (scope, idem_key) DO NOTHING")) {
            claim.setString(1, scope);
            claim.setString(2, key);
            claim.setString(3, hash);
            return claim.executeUpdate() == 1;
        }
    }

    /** The stored answer of a key used before; 409 when it was used with another body. */
    private static IdempotentResult stored(Connection connection, String scope, String key, String hash)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT request_hash, status, location, response_body FROM idempotency_key"
                        + " WHERE scope = ? AND idem_key = ?")) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new ConflictException("Idempotency-Key '" + key + "' was released while this request"
                            + " waited for it (its answer expired); send the request again");
                }
                if (!rs.getString(1).equals(hash)) {
                    throw new ConflictException(
                            "Idempotency-Key '" + key + "' was already used with a different request body");
                }
                return new IdempotentResult(rs.getInt(2), rs.getString(3), rs.getString(4), true);
            }
        }
    }

    /** The answer's body as stored: JSON text as it is, anything else serialised once. */
    private String json(Object body) throws JsonProcessingException {
        if (body == null) {
            return null;
        }
        return body instanceof String text ? text : mapper.writeValueAsString(body);
    }

    private String hash(Object request) {
        try {
            byte[] json = hashing.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not hash the request body", e);
        }
    }

    /** Hash of a string body, for callers that hash raw text (CSV uploads). */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Forgets up to {@code limit} stored answers created before {@code cutoff}, oldest first, in one short
     * statement (housekeeping calls it in a loop); a client retrying with such an old key creates anew.
     *
     * @return rows deleted
     */
    @Transactional
    public int purgeOlderThan(java.time.Instant cutoff, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM idempotency_key WHERE (scope, idem_key) IN (SELECT scope, idem_key"
                                + " FROM idempotency_key WHERE created_at < ? ORDER BY created_at LIMIT ?"
                                + " FOR UPDATE SKIP LOCKED)")) {
            delete.setTimestamp(1, java.sql.Timestamp.from(cutoff));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge idempotency keys before " + cutoff, e);
        }
    }
}
