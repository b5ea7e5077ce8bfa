package vn.partracker.support.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * The hash chain that makes the audit trail tamper-evident: each row's hash is SHA-256 over its own content and
 * the previous row's hash, so changing, removing or reordering any row breaks the chain from that row on.
 *
 * <p>The content is hashed as length-prefixed UTF-8 fields ({@code <length>:<text>;}, {@code -1:;} for null) so no
 * two different rows share an input; times are hashed at microsecond precision, as PostgreSQL stores them.
 */
public final class AuditChain {

    /** The {@code prevHash} of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** The hash of {@code entry}'s content chained to {@code entry.prevHash()} ({@code entry.hash()} is ignored). */
    public static String hash(AuditEntry entry) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, Long.toString(entry.seq()));
        field(sb, entry.occurredAt() == null ? null : entry.occurredAt().toString());
        field(sb, entry.actorSubject());
        field(sb, entry.actorAgency());
        field(sb, entry.actorRoles());
        field(sb, entry.action());
        field(sb, entry.entityType());
        field(sb, entry.entityId());
        field(sb, entry.before());
        field(sb, entry.after());
        field(sb, entry.requestId());
        field(sb, entry.prevHash());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Walks rows in {@code seq} order and names the first that breaks the chain: a gap in {@code seq}, a
     * {@code prevHash} that is not the previous row's hash, or a hash that does not match the row's content.
     */
    public static AuditVerification verify(Iterator<AuditEntry> rows) {
        String previous = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (rows.hasNext()) {
            AuditEntry row = rows.next();
            checked++;
            if (row.seq() != expectedSeq) {
                return AuditVerification.broken(
                        checked, row.seq(), "row " + expectedSeq + " is missing: the chain jumps to " + row.seq());
            }
            if (!previous.equals(row.prevHash())) {
                return AuditVerification.broken(
                        checked, row.seq(), "its previous-row hash does not match row " + (row.seq() - 1));
            }
            String recomputed = hash(row);
            if (!recomputed.equals(row.hash())) {
                return AuditVerification.broken(
                        checked,
                        row.seq(),
                        "its content does not match its hash (the row was changed after it was written)");
            }
            previous = row.hash();
            expectedSeq++;
        }
        return AuditVerification.intact(checked);
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:;");
        } else {
            sb.append(value.length()).append(':').append(value).append(';');
        }
    }
}
