package vn.partracker.plans.api;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of {@code POST /api/agencies/import}. Agencies are matched by {@code code}; the parent and predecessors
 * are named by code too, so another system can send its directory without knowing our ids. Kinds are text here
 * so that a wrong value is reported with its row instead of failing the whole document.
 */
public record AgencyImportRow(
        String code,
        String name,
        String shortName,
        String kind,
        String level,
        String parentCode,
        List<String> sectors,
        LocalDate validFrom,
        LocalDate validTo,
        List<String> predecessorCodes,
        LocalDate parentChangedOn) {}
