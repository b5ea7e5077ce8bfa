package vn.partracker.plans.api;

/** A PAR field code tasks are classified by. */
public record ParFieldResponse(String code, String name, int order) {}
