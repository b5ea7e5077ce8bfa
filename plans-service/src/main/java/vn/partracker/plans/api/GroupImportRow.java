package vn.partracker.plans.api;

import java.util.List;

/**
 * An agency group in the {@code groups} section of an agency import, matched by {@code code}; the ancestor and
 * the explicit members are named by agency code.
 */
public record GroupImportRow(
        String code,
        String name,
        List<String> kinds,
        List<String> levels,
        String ancestorCode,
        List<String> agencyCodes) {}
