package vn.partracker.plans.domain;

/** Life cycle of a plan: drafted, issued by a decision, closed at the end of its term, or replaced by another. */
public enum PlanStatus {
    DRAFT,
    ISSUED,
    CLOSED,
    SUPERSEDED
}
