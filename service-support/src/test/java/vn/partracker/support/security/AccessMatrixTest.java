package vn.partracker.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessMatrixTest {

    private final AccessMatrix matrix = AccessMatrix.builder("indicators-service")
            .read("GET", "/api/measurements/{id}")
            .scoped("POST", "/api/measurements", "own agency", Role.REPORTER)
            .admin("POST", "/api/admin/rebuild")
            .build();

    @Test
    void templatesAreMatchedAsOpenApiWritesThem() {
        assertTrue(matrix.find("get", "/api/measurements/{id: [0-9a-f-]+}/").isPresent());
        assertTrue(matrix.find("POST", "api/measurements").isPresent());
        assertTrue(matrix.find("DELETE", "/api/measurements/{id}").isEmpty());
    }

    @Test
    void adminIsAlwaysAllowedAndAloneOnAdminOperations() {
        AccessRule rebuild = matrix.find("POST", "/api/admin/rebuild").orElseThrow();
        assertEquals(Set.of(Role.ADMIN), rebuild.roles());
        assertTrue(matrix.find("POST", "/api/measurements").orElseThrow().allows(EnumSet.of(Role.ADMIN)));
        assertFalse(matrix.find("POST", "/api/measurements").orElseThrow().allows(EnumSet.of(Role.VIEWER)));
        assertTrue(matrix.find("GET", "/api/measurements/{id}").orElseThrow().allows(EnumSet.of(Role.VIEWER)));
    }

    @Test
    void anOperationHasOneRule() {
        AccessMatrix.Builder builder = AccessMatrix.builder("x").read("GET", "/api/a");
        assertThrows(IllegalArgumentException.class, () -> builder.allow("GET", "/api/a/", Role.PLANNER));
    }

    @Test
    void theReadmeTableHasOneColumnPerRole() {
        String table = matrix.toMarkdown();
        assertTrue(
                table.startsWith(
                        "| indicators-service operation | admin | planner | reporter | evaluator | viewer | agency scope |\n"),
                table);
        assertTrue(table.contains("| `POST /api/measurements` | ✓ |   | ✓ |   |   | own agency |\n"), table);
    }
}
