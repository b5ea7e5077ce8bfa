-- Background imports are durable jobs (issue 11): an accepted one is QUEUED with the path of its stored body until
-- the import thread claims it (RUNNING); at start-up the service fails those a previous process left QUEUED or
-- RUNNING and removes their bodies.
ALTER TABLE import_job ADD COLUMN body_file TEXT;

CREATE INDEX import_job_unfinished ON import_job (started_at) WHERE status IN ('QUEUED', 'RUNNING');
