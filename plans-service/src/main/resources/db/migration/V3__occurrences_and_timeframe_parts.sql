-- Issue 15: a progress report on a recurring task's assignment names the occurrence it is about, by period code
-- ('2024-03', '2024-Q2', '2024-S1', '2024', '2024-W07'). Occurrences themselves are not stored: they are derived on
-- read from the task's timeframe wording and the plan's validity (see OccurrenceService). NULL for one-off tasks.
ALTER TABLE progress_update ADD COLUMN occurrence TEXT;

CREATE INDEX progress_update_occurrence ON progress_update (assignment_id, occurrence, reported_at)
    WHERE occurrence IS NOT NULL;

-- What the timeframe parser made of a task's wording, kept so that the task answer shows it without re-reading:
-- the parts understood (in text order), the rest, whether the wording hedges ("dự kiến", "khoảng"), and the day of
-- each period a recurring task is due, one rule per cadence (JSON list of {cadence, day, month, monthOfPeriod,
-- dayOfWeek, exclusive}). task.recurrence now holds cadence names (WEEKLY included) rather than reporting
-- frequencies; rows written before keep their frequency names, which are cadence names too.
ALTER TABLE task ADD COLUMN timeframe_recognised TEXT[]  NOT NULL DEFAULT '{}';
ALTER TABLE task ADD COLUMN timeframe_leftover   TEXT    NOT NULL DEFAULT '';
ALTER TABLE task ADD COLUMN timeframe_tentative  BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE task ADD COLUMN recurrence_due_days  JSONB;
