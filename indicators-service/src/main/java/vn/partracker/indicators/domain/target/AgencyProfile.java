package vn.partracker.indicators.domain.target;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What target selection needs to know about an agency, taken from the agency replica as of the selection date.
 *
 * @param id the agency
 * @param level its administrative level, such as {@code COMMUNE}; {@code null} when unknown
 * @param kind its kind, such as {@code DEPARTMENT}; {@code null} when unknown
 * @param sectors its sector tags, such as {@code land}; {@code null} is taken as none
 */
public record AgencyProfile(UUID id, String level, String kind, Set<String> sectors) {

    /** Requires an id and keeps an unmodifiable copy of the sectors. */
    public AgencyProfile {
        Objects.requireNonNull(id, "id");
        sectors = sectors == null ? Set.of() : Set.copyOf(sectors);
    }

    /**
     * @param sector a sector tag
     * @return {@code true} when the agency carries the tag, ignoring case
     */
    public boolean hasSector(String sector) {
        Objects.requireNonNull(sector, "sector");
        return sectors.stream().anyMatch(sector::equalsIgnoreCase);
    }
}
