package vn.partracker.plans.api;

/** A level of government; {@code order} sorts levels from the top. */
public record AgencyLevelResponse(String code, String name, int order) {}
