package vn.partracker.indicators.domain.target;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetScopeTest {

    private static final UUID SO_TNMT = UUID.fromString("6f1c1f7e-0000-4000-8000-000000000001");

    private static final AgencyProfile SO_TAI_NGUYEN_MOI_TRUONG =
            new AgencyProfile(SO_TNMT, "PROVINCE", "DEPARTMENT", Set.of("land", "environment"));

    static Stream<Arguments> scopesWithTheirSpecificityAndReason() {
        return Stream.of(
                Arguments.of(TargetScope.all(), ScopeSpecificity.ALL, "all"),
                Arguments.of(new TargetScope(null, null, null, null), ScopeSpecificity.ALL, "all"),
                Arguments.of(TargetScope.level("COMMUNE"), ScopeSpecificity.LEVEL, "level COMMUNE"),
                Arguments.of(TargetScope.agencyKind("DEPARTMENT"), ScopeSpecificity.KIND, "kind DEPARTMENT"),
                Arguments.of(TargetScope.sector("land"), ScopeSpecificity.SECTOR, "sector land"),
                Arguments.of(TargetScope.agency(SO_TNMT), ScopeSpecificity.AGENCY, "agency " + SO_TNMT));
    }

    @ParameterizedTest
    @MethodSource("scopesWithTheirSpecificityAndReason")
    void namesItsSpecificityAndReason(TargetScope scope, ScopeSpecificity specificity, String reason) {
        assertAll(() -> assertEquals(specificity, scope.specificity()), () -> assertEquals(reason, scope.describe()));
    }

    @Test
    void ranksSpecificitiesFromAllToAgency() {
        assertTrue(ScopeSpecificity.AGENCY.compareTo(ScopeSpecificity.SECTOR) > 0);
        assertTrue(ScopeSpecificity.SECTOR.compareTo(ScopeSpecificity.KIND) > 0);
        assertTrue(ScopeSpecificity.KIND.compareTo(ScopeSpecificity.LEVEL) > 0);
        assertTrue(ScopeSpecificity.LEVEL.compareTo(ScopeSpecificity.ALL) > 0);
    }

    static Stream<Arguments> scopesNamingMoreThanOnePart() {
        return Stream.of(
                Arguments.of("COMMUNE", "PEOPLES_COMMITTEE", null, null, "level=COMMUNE, agencyKind=PEOPLES_COMMITTEE"),
                Arguments.of("COMMUNE", null, "land", null, "level=COMMUNE, sector=land"),
                Arguments.of("PROVINCE", null, null, SO_TNMT, "level=PROVINCE, agencyId=" + SO_TNMT),
                Arguments.of(null, "DEPARTMENT", "land", null, "agencyKind=DEPARTMENT, sector=land"),
                Arguments.of(null, "DEPARTMENT", null, SO_TNMT, "agencyKind=DEPARTMENT, agencyId=" + SO_TNMT),
                Arguments.of(null, null, "land", SO_TNMT, "sector=land, agencyId=" + SO_TNMT),
                Arguments.of(
                        "COMMUNE",
                        "DEPARTMENT",
                        "land",
                        SO_TNMT,
                        "level=COMMUNE, agencyKind=DEPARTMENT, sector=land, agencyId=" + SO_TNMT));
    }

    @ParameterizedTest
    @MethodSource("scopesNamingMoreThanOnePart")
    void rejectsMoreThanOnePart(String level, String agencyKind, String sector, UUID agencyId, String named) {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> new TargetScope(level, agencyKind, sector, agencyId));
        assertEquals(
                "a target scope may name at most one of level, agencyKind, sector or agencyId, but names " + named,
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void rejectsBlankParts(String blank) {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> new TargetScope(blank, null, null, null)),
                () -> assertThrows(IllegalArgumentException.class, () -> new TargetScope(null, blank, null, null)),
                () -> assertThrows(IllegalArgumentException.class, () -> new TargetScope(null, null, blank, null)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TargetScope.sector(blank));
        assertEquals("target scope sector must not be blank; leave it out instead", error.getMessage());
    }

    @Test
    void factoriesRejectNull() {
        assertAll(
                () -> assertThrows(NullPointerException.class, () -> TargetScope.level(null)),
                () -> assertThrows(NullPointerException.class, () -> TargetScope.agencyKind(null)),
                () -> assertThrows(NullPointerException.class, () -> TargetScope.sector(null)),
                () -> assertThrows(NullPointerException.class, () -> TargetScope.agency(null)));
    }

    @Test
    void allIsOneSharedValueEqualToTheEmptyScope() {
        assertSame(TargetScope.all(), TargetScope.all());
        assertEquals(new TargetScope(null, null, null, null), TargetScope.all());
    }

    static Stream<Arguments> matching() {
        return Stream.of(
                Arguments.of(TargetScope.all(), true),
                Arguments.of(TargetScope.level("PROVINCE"), true),
                Arguments.of(TargetScope.level("province"), true),
                Arguments.of(TargetScope.level("COMMUNE"), false),
                Arguments.of(TargetScope.agencyKind("DEPARTMENT"), true),
                Arguments.of(TargetScope.agencyKind("PEOPLES_COMMITTEE"), false),
                Arguments.of(TargetScope.sector("land"), true),
                Arguments.of(TargetScope.sector("Land"), true),
                Arguments.of(TargetScope.sector("construction"), false),
                Arguments.of(TargetScope.agency(SO_TNMT), true),
                Arguments.of(TargetScope.agency(UUID.randomUUID()), false));
    }

    @ParameterizedTest
    @MethodSource("matching")
    void matchesTheDepartmentOfNaturalResources(TargetScope scope, boolean expected) {
        assertEquals(expected, scope.matches(SO_TAI_NGUYEN_MOI_TRUONG));
    }

    @Test
    void anAgencyWithoutLevelKindOrSectorsIsOnlyInTheAllAndAgencyScopes() {
        AgencyProfile bare = new AgencyProfile(SO_TNMT, null, null, null);
        assertAll(
                () -> assertTrue(TargetScope.all().matches(bare)),
                () -> assertTrue(TargetScope.agency(SO_TNMT).matches(bare)),
                () -> assertFalse(TargetScope.level("PROVINCE").matches(bare)),
                () -> assertFalse(TargetScope.agencyKind("DEPARTMENT").matches(bare)),
                () -> assertFalse(TargetScope.sector("land").matches(bare)));
    }

    @Test
    void matchingNeedsAnAgency() {
        assertThrows(NullPointerException.class, () -> TargetScope.all().matches(null));
    }
}
