package vn.partracker.reporting.api;

import java.util.List;

/** What an import did: regimes created, and codes that already existed and were left as they were. */
public record RegimeImportResult(List<RegimeResponse> created, List<String> existing) {}
