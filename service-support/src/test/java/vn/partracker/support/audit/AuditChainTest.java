package vn.partracker.support.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2024-12-15T03:04:05.123456Z");

    @Test
    void anUntouchedChainIsIntact() {
        AuditVerification result = AuditChain.verify(chain(5).iterator());
        assertTrue(result.intact());
        assertEquals(5, result.checked());
    }

    @Test
    void anEmptyChainIsIntact() {
        assertTrue(AuditChain.verify(List.<AuditEntry>of().iterator()).intact());
    }

    @Test
    void aChangedValueIsNamedByItsRow() {
        List<AuditEntry> rows = chain(5);
        AuditEntry third = rows.get(2);
        rows.set(2, copy(third, "{\"value\": 95}", third.prevHash(), third.hash()));
        AuditVerification result = AuditChain.verify(rows.iterator());
        assertFalse(result.intact());
        assertEquals(3L, result.firstBrokenSeq());
        assertTrue(result.reason().contains("changed"), result.reason());
    }

    @Test
    void aRowRewrittenWithItsOwnHashStillBreaksTheNextRow() {
        List<AuditEntry> rows = chain(5);
        AuditEntry third = rows.get(2);
        AuditEntry forged = copy(third, "{\"value\": 95}", third.prevHash(), null);
        rows.set(2, copy(forged, forged.after(), forged.prevHash(), AuditChain.hash(forged)));
        AuditVerification result = AuditChain.verify(rows.iterator());
        assertEquals(4L, result.firstBrokenSeq());
    }

    @Test
    void aRemovedRowIsAGap() {
        List<AuditEntry> rows = chain(5);
        rows.remove(1);
        AuditVerification result = AuditChain.verify(rows.iterator());
        assertEquals(3L, result.firstBrokenSeq());
        assertTrue(result.reason().contains("missing"), result.reason());
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        AuditEntry a = entry(1, "Measurement", "ab", AuditChain.GENESIS);
        AuditEntry b = entry(1, "Measuremen", "tab", AuditChain.GENESIS);
        assertNotEquals(AuditChain.hash(a), AuditChain.hash(b));
    }

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> rows = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry unsigned = entry(i, "Measurement", "m-" + i, previous);
            AuditEntry signed = copy(unsigned, unsigned.after(), previous, AuditChain.hash(unsigned));
            rows.add(signed);
            previous = signed.hash();
        }
        return rows;
    }

    private static AuditEntry entry(long seq, String type, String id, String prev) {
        return new AuditEntry(
                seq,
                AT.plusSeconds(seq),
                "reporter-snv",
                "KT.SNV",
                "reporter",
                "measurement.submitted",
                type,
                id,
                null,
                "{\"value\": 90}",
                "req-" + seq,
                prev,
                null);
    }

    private static AuditEntry copy(AuditEntry e, String after, String prev, String hash) {
        return new AuditEntry(
                e.seq(),
                e.occurredAt(),
                e.actorSubject(),
                e.actorAgency(),
                e.actorRoles(),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.before(),
                after,
                e.requestId(),
                prev,
                hash);
    }
}
