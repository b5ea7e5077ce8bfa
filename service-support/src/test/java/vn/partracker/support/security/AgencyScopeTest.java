package vn.partracker.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AgencyScopeTest {

    @Test
    void onlySubtreeWidensTheScope() {
        assertEquals(AgencyScope.SUBTREE, AgencyScope.fromClaim("subtree"));
        assertEquals(AgencyScope.SUBTREE, AgencyScope.fromClaim("\"SUBTREE\""));
        assertEquals(AgencyScope.SELF, AgencyScope.fromClaim(null));
        assertEquals(AgencyScope.SELF, AgencyScope.fromClaim("self"));
        assertEquals(AgencyScope.SELF, AgencyScope.fromClaim("everything"));
    }
}
