package vn.partracker.support.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidThatStatesItsMillisecond() {
        long millis = 1_764_720_000_123L; // 2025-12-03T00:00:00.123Z
        UUID id = TimeOrderedIds.at(millis);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        assertTrue(id.toString().startsWith("019ae182-3c7b-7"), id.toString());
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgresqlComparesUuids() {
        UUID earlier = TimeOrderedIds.at(1_764_720_000_000L);
        UUID later = TimeOrderedIds.at(1_764_720_000_001L);
        // PostgreSQL compares uuid values byte by byte, which is the order of their text form
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
        assertTrue(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits()) < 0);
    }

    @Test
    void idsOfOneMillisecondDifferInTheir74RandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(1_764_720_000_000L));
        }
        assertEquals(100_000, ids.size());
    }

    @Test
    void nextUsesTheClock() {
        long before = System.currentTimeMillis();
        long stated = TimeOrderedIds.next().getMostSignificantBits() >>> 16;
        assertTrue(stated >= before && stated <= System.currentTimeMillis());
    }
}
