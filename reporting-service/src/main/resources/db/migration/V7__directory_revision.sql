-- A counter that moves whenever the agency directory replica (agency, agency_parent_link, agency_group) changes,
-- in the transaction that changed it. Reports cache the hierarchy of a date in memory (HierarchyCache) and reuse it
-- while the counter stays where it was when the hierarchy was read; the triggers make every writer move it, the
-- agency consumer and any later one alike, so no instance can serve a directory older than the database's.
CREATE TABLE directory_revision (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    revision  BIGINT  NOT NULL
);
INSERT INTO directory_revision (singleton, revision) VALUES (TRUE, 0);

CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directory_revision SET revision = revision + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER agency_directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agency
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
CREATE TRIGGER agency_parent_link_directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agency_parent_link
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
CREATE TRIGGER agency_group_directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agency_group
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
