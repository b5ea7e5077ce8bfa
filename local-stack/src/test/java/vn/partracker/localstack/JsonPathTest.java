package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document = read("""
            {"plan": {"code": "59/QĐ-UBND", "year": 2024},
             "indicators": [{"code": "1.1"}, {"code": "1.2"}, {"code": "9.3"}],
             "empty": []}
            """);

    @Test
    void rootSelectsTheDocument() {
        assertEquals(document, JsonPath.parse("$").select(document).orElseThrow());
    }

    @Test
    void selectsFieldsAndIndexes() {
        assertEquals("59/QĐ-UBND", text("$.plan.code"));
        assertEquals("2024", text("$.plan.year"));
        assertEquals("1.2", text("$.indicators[1].code"));
        assertEquals("9.3", text("$.indicators[-1].code"), "negative index counts from the end");
        assertEquals(
                3, JsonPath.parse("$.indicators").select(document).orElseThrow().size());
    }

    @Test
    void topLevelArrayIndex() {
        JsonNode array = read("[{\"id\": 1}, {\"id\": 2}]");
        assertEquals("2", JsonPath.parse("$[1].id").select(array).orElseThrow().asText());
        assertTrue(JsonPath.parse("$[2]").select(array).isEmpty());
    }

    @Test
    void missingStepsGiveEmpty() {
        assertTrue(JsonPath.parse("$.plan.title").select(document).isEmpty());
        assertTrue(JsonPath.parse("$.indicators[3]").select(document).isEmpty());
        assertTrue(JsonPath.parse("$.plan[0]").select(document).isEmpty());
        assertTrue(JsonPath.parse("$.indicators.code").select(document).isEmpty());
        assertTrue(JsonPath.parse("$.empty[0]").select(document).isEmpty());
    }

    @Test
    void rejectsUnsupportedSyntax() {
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("plan.code"));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("$.plan..code"));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("$.indicators[*]"));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("$.indicators[0"));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("$x"));
    }

    private String text(String path) {
        return JsonPath.parse(path).select(document).orElseThrow().asText();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
