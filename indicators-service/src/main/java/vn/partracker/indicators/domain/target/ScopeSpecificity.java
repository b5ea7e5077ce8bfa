package vn.partracker.indicators.domain.target;

/**
 * What a target scope names, from the least to the most specific; when several rules apply to one agency, the most
 * specific wins (agency &gt; sector &gt; kind &gt; level &gt; all). The declaration order is that ranking.
 */
public enum ScopeSpecificity {
    /** Every agency that performs the indicator. */
    ALL,
    /** Agencies of one administrative level, such as {@code PROVINCE} or {@code COMMUNE}. */
    LEVEL,
    /** Agencies of one kind, such as {@code DEPARTMENT} or {@code PEOPLES_COMMITTEE}. */
    KIND,
    /** Agencies tagged with one sector, such as {@code land}, {@code construction} or {@code investment}. */
    SECTOR,
    /** One named agency: a per-agency exception. */
    AGENCY
}
