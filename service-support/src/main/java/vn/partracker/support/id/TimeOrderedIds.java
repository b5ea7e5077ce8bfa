package vn.partracker.support.id;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New row and event ids: version-7 UUIDs (RFC 9562) — 48 bits of Unix milliseconds, then 74 random bits — instead of
 * version-4 ids, whose every bit is random.
 *
 * <p>Why: the ids are primary keys and unique keys (a figure's id, its revisions' key, an outbox event's id, a
 * consumer's {@code processed_event} key), and PostgreSQL keeps each in a B-tree. A random id lands on a random leaf
 * of an index that grows by every figure a province ever submitted, so each insert touches a page that is rarely in
 * the buffer cache; ids that grow with time land on the index's last few pages. Measured on the local stack's
 * database with 3.1 million figures (issue 13): moving 5,000 figures and their first revisions out of an import's
 * staging table took 259–386 ms with random ids and 135–165 ms with these; inserting 5,000 outbox events 107–112 ms
 * against 32–39 ms.
 *
 * <p>The random part comes from {@link SecureRandom}, as {@link UUID#randomUUID()}'s does, so an id is as hard to
 * guess as before apart from its creation time, which the records it names state anyway ({@code submittedAt},
 * {@code ce_time}). Ids made in the same millisecond are not ordered among themselves; nothing relies on an order of
 * ids (rows are ordered by their own columns).
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {}

    /** @return a new version-7 UUID for the current time */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /**
     * @param epochMillis the time the id states, in Unix milliseconds (only the low 48 bits are kept)
     * @return a new version-7 UUID for that time
     */
    static UUID at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 8 | (random[1] & 0xFFL)) & 0x0FFFL;
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | (random[i] & 0xFFL);
        }
        long low = randB & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
