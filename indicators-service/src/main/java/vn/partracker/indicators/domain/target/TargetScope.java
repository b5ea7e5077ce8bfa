package vn.partracker.indicators.domain.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The agencies a target rule is for: all of them, one level, one agency kind, one sector tag or one agency.
 *
 * <p>At most one part may be set, because a rule such as "communes in the land sector" would make the ranking
 * agency &gt; sector &gt; kind &gt; level &gt; all ambiguous. All parts {@code null} means every agency, which is
 * what the JSON {@code "scope": {}} of {@code POST /api/indicators} maps to.
 *
 * <p>Levels, kinds and sectors are data rather than enums (the district level was abolished on 1 July 2025), so
 * they are plain strings. They are matched against an agency ignoring case, so {@code "Land"} in a target still
 * finds an agency tagged {@code "land"}; the spelling of the rule is kept for the reason shown to users.
 *
 * @param level an agency level such as {@code COMMUNE}, or {@code null}
 * @param agencyKind an agency kind such as {@code DEPARTMENT}, or {@code null}
 * @param sector a sector tag such as {@code land}, or {@code null}
 * @param agencyId one agency, or {@code null}
 */
public record TargetScope(String level, String agencyKind, String sector, UUID agencyId) {

    private static final TargetScope ALL = new TargetScope(null, null, null, null);

    /**
     * Rejects a scope that names more than one part, or a blank part.
     *
     * @throws IllegalArgumentException when more than one part is set or a set text part is blank
     */
    public TargetScope {
        requireNotBlank("level", level);
        requireNotBlank("agencyKind", agencyKind);
        requireNotBlank("sector", sector);
        List<String> set = new ArrayList<>();
        if (level != null) {
            set.add("level=" + level);
        }
        if (agencyKind != null) {
            set.add("agencyKind=" + agencyKind);
        }
        if (sector != null) {
            set.add("sector=" + sector);
        }
        if (agencyId != null) {
            set.add("agencyId=" + agencyId);
        }
        if (set.size() > 1) {
            throw new IllegalArgumentException(
                    "a target scope may name at most one of level, agencyKind, sector or agencyId, but names "
                            + String.join(", ", set));
        }
    }

    /** @return the scope that applies to every agency */
    public static TargetScope all() {
        return ALL;
    }

    /**
     * @param level an agency level such as {@code PROVINCE}, {@code DISTRICT} or {@code COMMUNE}
     * @return the scope of every agency of that level
     */
    public static TargetScope level(String level) {
        return new TargetScope(Objects.requireNonNull(level, "level"), null, null, null);
    }

    /**
     * @param agencyKind an agency kind such as {@code DEPARTMENT}
     * @return the scope of every agency of that kind
     */
    public static TargetScope agencyKind(String agencyKind) {
        return new TargetScope(null, Objects.requireNonNull(agencyKind, "agencyKind"), null, null);
    }

    /**
     * @param sector a sector tag such as {@code land}
     * @return the scope of every agency tagged with that sector
     */
    public static TargetScope sector(String sector) {
        return new TargetScope(null, null, Objects.requireNonNull(sector, "sector"), null);
    }

    /**
     * @param agencyId the one agency the rule is an exception for
     * @return the scope of that agency alone
     */
    public static TargetScope agency(UUID agencyId) {
        return new TargetScope(null, null, null, Objects.requireNonNull(agencyId, "agencyId"));
    }

    /** @return which part this scope names, used to rank rules that apply to the same agency */
    public ScopeSpecificity specificity() {
        if (agencyId != null) {
            return ScopeSpecificity.AGENCY;
        }
        if (sector != null) {
            return ScopeSpecificity.SECTOR;
        }
        if (agencyKind != null) {
            return ScopeSpecificity.KIND;
        }
        if (level != null) {
            return ScopeSpecificity.LEVEL;
        }
        return ScopeSpecificity.ALL;
    }

    /**
     * Tells whether the agency falls within this scope; an agency without a level, kind or sector is simply not
     * in a scope that names one.
     *
     * @param agency the agency a target is looked up for
     * @return {@code true} when the rule with this scope applies to the agency
     */
    public boolean matches(AgencyProfile agency) {
        Objects.requireNonNull(agency, "agency");
        return switch (specificity()) {
            case AGENCY -> agencyId.equals(agency.id());
            case SECTOR -> agency.hasSector(sector);
            case KIND -> agencyKind.equalsIgnoreCase(agency.kind());
            case LEVEL -> level.equalsIgnoreCase(agency.level());
            case ALL -> true;
        };
    }

    /**
     * Words a user reads to see why a target applies, as returned in the {@code reason} of
     * {@code GET /api/indicators/{id}/target}.
     *
     * @return {@code "agency <uuid>"}, {@code "sector land"}, {@code "kind DEPARTMENT"}, {@code "level COMMUNE"} or
     *     {@code "all"}
     */
    public String describe() {
        return switch (specificity()) {
            case AGENCY -> "agency " + agencyId;
            case SECTOR -> "sector " + sector;
            case KIND -> "kind " + agencyKind;
            case LEVEL -> "level " + level;
            case ALL -> "all";
        };
    }

    private static void requireNotBlank(String part, String text) {
        if (text != null && text.isBlank()) {
            throw new IllegalArgumentException("target scope " + part + " must not be blank; leave it out instead");
        }
    }
}
