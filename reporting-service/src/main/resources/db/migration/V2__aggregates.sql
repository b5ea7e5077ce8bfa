-- The persisted aggregate: one row per indicator x period x agency (the agency's own figures), maintained
-- incrementally by the measurement consumer (the old state of a figure is subtracted, the new one added). Subtree
-- figures are sums over these rows for the agencies of the subtree, see IndicatorReportRepository.
-- "counted" figures are the current revisions in status SUBMITTED or APPROVED; RETURNED ones are only counted in
-- returned.
CREATE TABLE indicator_contribution (
    indicator_id             UUID        NOT NULL,
    period                   TEXT        NOT NULL,
    agency_id                UUID        NOT NULL,
    submitted                INTEGER     NOT NULL DEFAULT 0,
    approved                 INTEGER     NOT NULL DEFAULT 0,
    returned                 INTEGER     NOT NULL DEFAULT 0,
    met                      INTEGER     NOT NULL DEFAULT 0,
    not_met                  INTEGER     NOT NULL DEFAULT 0,
    ratio_count              INTEGER     NOT NULL DEFAULT 0,
    numerator_sum            NUMERIC     NOT NULL DEFAULT 0,
    denominator_sum          NUMERIC     NOT NULL DEFAULT 0,
    value_count              INTEGER     NOT NULL DEFAULT 0,
    value_sum                NUMERIC     NOT NULL DEFAULT 0,
    approved_ratio_count     INTEGER     NOT NULL DEFAULT 0,
    approved_numerator_sum   NUMERIC     NOT NULL DEFAULT 0,
    approved_denominator_sum NUMERIC     NOT NULL DEFAULT 0,
    approved_value_count     INTEGER     NOT NULL DEFAULT 0,
    approved_value_sum       NUMERIC     NOT NULL DEFAULT 0,
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (period, indicator_id, agency_id)
);

CREATE INDEX indicator_contribution_agency ON indicator_contribution (agency_id, period);
