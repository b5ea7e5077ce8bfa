package vn.partracker.support.security;

/** How far a caller's agency reaches, from the token's optional {@code agencyScope} claim. */
public enum AgencyScope {
    /** Only the agency in the {@code agency} claim (the default). */
    SELF,
    /** That agency and every agency under it in the hierarchy on the date that matters (e.g. a figure's period end). */
    SUBTREE;

    /** The scope a claim value names; anything but {@code subtree} is {@link #SELF}. */
    public static AgencyScope fromClaim(Object value) {
        return value != null && "subtree".equalsIgnoreCase(value.toString().replace("\"", "")) ? SUBTREE : SELF;
    }
}
