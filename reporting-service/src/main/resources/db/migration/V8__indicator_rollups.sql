-- Issue 13: per-ancestor roll-ups, so a national report reads one row per province and indicator instead of summing
-- every commune's row. indicator_rollup holds, per indicator x period x internal agency (one with a parent and with
-- children in the hierarchy on the period's ND09 window end), what the report's branch-totals query computes over
-- that agency's subtree: the sums of indicator_contribution's columns, the min/max/count/sum of the agencies' values,
-- the agency's own achievement counts, and how many leaf rows it covers (a row covering none is not a branch).
-- Rows are recomputed from indicator_contribution, never moved by deltas (min and max cannot be), in the transaction
-- that changes the leaf rows. indicator_rollup_state records, per period, the hierarchy they were derived from (date
-- and directory revision); a report uses them only while that is the hierarchy it reads, and falls back to the leaf
-- query otherwise. The next figure batch of the period (or a rebuild job) derives them again.
CREATE TABLE indicator_rollup (
    indicator_id             UUID    NOT NULL,
    period                   TEXT    NOT NULL,
    ancestor_id              UUID    NOT NULL,
    leaf_rows                INTEGER NOT NULL,
    submitted                INTEGER NOT NULL,
    approved                 INTEGER NOT NULL,
    returned                 INTEGER NOT NULL,
    met                      INTEGER NOT NULL,
    not_met                  INTEGER NOT NULL,
    ratio_count              INTEGER NOT NULL,
    numerator_sum            NUMERIC NOT NULL,
    denominator_sum          NUMERIC NOT NULL,
    value_count              INTEGER NOT NULL,
    value_sum                NUMERIC NOT NULL,
    approved_ratio_count     INTEGER NOT NULL,
    approved_numerator_sum   NUMERIC NOT NULL,
    approved_denominator_sum NUMERIC NOT NULL,
    approved_value_count     INTEGER NOT NULL,
    approved_value_sum       NUMERIC NOT NULL,
    min_value                NUMERIC,
    max_value                NUMERIC,
    agency_value_count       INTEGER NOT NULL,
    agency_value_sum         NUMERIC NOT NULL,
    own_rows                 INTEGER NOT NULL,
    own_submitted            INTEGER NOT NULL,
    own_met                  INTEGER NOT NULL,
    own_not_met              INTEGER NOT NULL,
    PRIMARY KEY (period, indicator_id, ancestor_id)
);

CREATE TABLE indicator_rollup_state (
    period             TEXT PRIMARY KEY,
    hierarchy_date     DATE,
    directory_revision BIGINT NOT NULL
);
