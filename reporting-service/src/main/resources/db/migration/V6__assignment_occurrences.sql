-- Issue 15: the occurrences of a recurring task's assignment (one per period of the task's cadence), replicated from
-- the occurrences list plans-service sends in every assignment state. Replaced as a whole whenever a newer version
-- of the assignment arrives; gone with the assignment. The task report counts an occurrence overdue when its due
-- date is before the report's date and it is not DONE.
CREATE TABLE assignment_occurrence (
    assignment_id    UUID NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    occurrence       TEXT NOT NULL,
    due_date         DATE NOT NULL,
    status           TEXT NOT NULL,
    last_reported_at TIMESTAMPTZ,
    PRIMARY KEY (assignment_id, occurrence)
);
