package vn.partracker.indicators.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partracker.indicators.domain.Measurement;

/** The figure key of bulk imports: equal exactly when indicator, agency and period are. */
class MeasurementKeyTest {

    private static final UUID INDICATOR = UUID.fromString("ddcac656-fba1-4ff8-9726-2fee58cf9c5f");
    private static final UUID AGENCY = UUID.fromString("00129653-4dda-48ce-a9cd-a7991b4a27ff");

    @Test
    void keysOfTheSameFigureAreEqualAndOthersAreNot() {
        MeasurementBatchRepository.Key key = new MeasurementBatchRepository.Key(INDICATOR, AGENCY, "2024-01");
        MeasurementBatchRepository.Key same = new MeasurementBatchRepository.Key(
                UUID.fromString(INDICATOR.toString()), UUID.fromString(AGENCY.toString()), new String("2024-01"));
        assertEquals(key, same);
        assertEquals(key.hashCode(), same.hashCode());
        assertNotEquals(key, new MeasurementBatchRepository.Key(INDICATOR, AGENCY, "2024-02"));
        assertNotEquals(key, new MeasurementBatchRepository.Key(INDICATOR, UUID.randomUUID(), "2024-01"));
        assertNotEquals(key, new MeasurementBatchRepository.Key(UUID.randomUUID(), AGENCY, "2024-01"));
        assertNotEquals(key, new MeasurementBatchRepository.Key(AGENCY, INDICATOR, "2024-01"), "order matters");
        assertEquals(INDICATOR + "|" + AGENCY + "|2024-01", key.toString());

        Measurement m = new Measurement();
        m.indicatorId = INDICATOR;
        m.agencyId = AGENCY;
        m.period = "2024-01";
        assertEquals(key, MeasurementBatchRepository.Key.of(m));
    }

    @Test
    void aHundredThousandFiguresOfOneIndicatorHaveAsManyKeysAndFewSharedHashes() {
        Set<MeasurementBatchRepository.Key> keys = new HashSet<>();
        Set<Integer> hashes = new HashSet<>();
        for (int agency = 0; agency < 1000; agency++) {
            // ids that differ in their last digits only, as a directory's sequential ids would
            UUID id = new UUID(0x0012965344dd48ceL, 0xa9cda7991b4a0000L + agency);
            for (int month = 0; month < 100; month++) {
                MeasurementBatchRepository.Key key = new MeasurementBatchRepository.Key(
                        INDICATOR, id, String.format("%04d-%02d", 2020 + month / 12, 1 + month % 12));
                keys.add(key);
                hashes.add(key.hashCode());
            }
        }
        assertEquals(100_000, keys.size());
        assertTrue(hashes.size() >= 99_900, hashes.size() + " distinct hashes");
    }
}
