-- Issue 15: a progress report on a recurring task's assignment names the occurrence it is about, by period code
-- ('2024-03', '2024-Q2', '2024-S1', '2024', '2024-W07'). Occurrences themselves are not stored: they are derived on
-- read from the task's timeframe wording and the plan's validity (see OccurrenceService). NULL for one-off tasks.
ALTER TABLE progress_update ADD COLUMN occurrence TEXT;

CREATE INDEX progress_update_occurrence ON progress_update (assignment_id, occurrence, reported_at)
    WHERE occurrence IS NOT NULL;
