package vn.partracker.plans.domain;

/** What sort of body an agency is; target rules and agency groups select by it. */
public enum AgencyKind {
    PEOPLES_COMMITTEE,
    DEPARTMENT,
    BOARD,
    OFFICE,
    STATE_ENTERPRISE,
    OTHER
}
