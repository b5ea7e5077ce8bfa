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
     * Runs {@code action} once per (scope, key). Concurrent requests with one key are serialized by an advisory
     * lock held until the transaction ends, so the second sees the first's stored answer.
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
            try (PreparedStatement lock =
                    connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, scope + "\n" + key);
                lock.execute();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT request_hash, status, location, response_body FROM idempotency_key"
                            + " WHERE scope = ? AND idem_key = ?")) {
                select.setString(1, scope);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        if (!rs.getString(1).equals(hash)) {
                            throw new ConflictException(
                                    "Idempotency-Key '" + key + "' was already used with a different request body");
                        }
                        return new IdempotentResult(rs.getInt(2), rs.getString(3), rs.getString(4), true);
                    }
                }
            }
            IdempotentResult result = action.get();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO idempotency_key (scope, idem_key, request_hash, status, location, response_body)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, scope);
                insert.setString(2, key);
                insert.setString(3, hash);
                insert.setInt(4, result.status());
                insert.setString(5, result.location());
                insert.setString(6, result.body() == null ? null : mapper.writeValueAsString(result.body()));
                insert.executeUpdate();
            }
            return result;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store the answer for Idempotency-Key " + key, e);
        }
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
