-- A counter that moves with every committed change of the reference data a figure is checked against: agency and
-- group replicas (with parent links) and indicators (with their agencies and targets). The single submission checks
-- figures against an in-memory snapshot of that data (ReferenceData) and writes only while the counter still has the
-- value the snapshot was read at, in the same statement; otherwise it checks against the tables and the snapshot is
-- reloaded. Period locks are not in the snapshot: that statement checks them itself. Statement-level triggers keep
-- the counter honest whoever writes: consumers, the API, another instance, a test, an operator with psql.

CREATE TABLE reference_generation (
    id         BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    generation BIGINT  NOT NULL
);

INSERT INTO reference_generation (id, generation) VALUES (TRUE, 1);

CREATE FUNCTION bump_reference_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reference_generation SET generation = generation + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER agency_replica_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agency_replica
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_generation();
CREATE TRIGGER agency_parent_link_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agency_parent_link
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_generation();
CREATE TRIGGER agency_group_replica_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agency_group_replica
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_generation();
CREATE TRIGGER indicator_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_generation();
CREATE TRIGGER indicator_agency_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_agency
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_generation();
CREATE TRIGGER indicator_target_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_target
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_generation();
