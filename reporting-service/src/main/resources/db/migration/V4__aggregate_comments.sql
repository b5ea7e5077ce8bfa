-- V2 describes indicator_contribution with a class that does not exist (IndicatorReportRepository); V2 stays as it
-- is (editing it would break the checksum of every existing database), so the right description is stored here.
COMMENT ON TABLE indicator_contribution IS
    'The persisted aggregate per indicator x period x agency (the agency''s own figures), maintained incrementally by'
    ' MeasurementAggregationService through IndicatorAggregateRepository; subtree figures are sums over these rows.';
