package vn.partracker.testsupport.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's baseline request uses the examples an OpenAPI document gives (parameter, media type, schema and
 * property examples, in the 3.0 {@code example} and 3.1 {@code examples} forms) and still builds a request from
 * the types when the document gives none.
 */
class OperationExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String WITH_EXAMPLES = """
            {"openapi": "3.1.0",
             "paths": {
               "/api/reports/{regimeId}": {
                 "get": {"parameters": [
                   {"in": "path", "name": "regimeId", "required": true, "schema": {"type": "string", "format": "uuid"}},
                   {"in": "query", "name": "period", "schema": {"type": "string"}, "example": "2024-Q1"},
                   {"in": "query", "name": "asOf", "schema": {"type": "string", "format": "date"},
                    "examples": {"first": {"$ref": "#/components/examples/day"}}},
                   {"in": "query", "name": "level", "schema": {"type": "string", "examples": ["PROVINCE"]}}
                 ]}
               },
               "/api/figures": {
                 "post": {"requestBody": {"content": {"application/json": {
                   "schema": {"$ref": "#/components/schemas/Figure"},
                   "examples": {"one": {"value": {"period": "2024-03", "value": 12}}}}}}}
               },
               "/api/notes": {
                 "post": {"requestBody": {"content": {"application/json": {
                   "schema": {"$ref": "#/components/schemas/Figure"}}}}}
               }
             },
             "components": {
               "examples": {"day": {"value": "2024-03-31"}},
               "schemas": {"Figure": {"type": "object", "properties": {
                 "period": {"type": "string", "example": "2024-Q2"},
                 "value": {"type": "number"}}}}}}
            """;

    private static final String WITHOUT_EXAMPLES = """
            {"openapi": "3.1.0",
             "paths": {"/api/reports": {"get": {"parameters": [
               {"in": "query", "name": "period", "schema": {"type": "string"}},
               {"in": "query", "name": "page", "schema": {"type": "integer"}}]}}}}
            """;

    @Test
    void parameterMediaTypeAndPropertyExamplesAreTheBaseline() throws Exception {
        JsonNode document = JSON.readTree(WITH_EXAMPLES);
        List<Operation> operations = Operation.all(document);
        Operation report = operations.get(0);
        assertNull(report.parameters().get(0).example());
        assertEquals("2024-Q1", report.parameters().get(1).example().asText());
        assertEquals("2024-03-31", report.parameters().get(2).example().asText());
        assertEquals("PROVINCE", report.parameters().get(3).example().asText());

        Operation figures = operations.get(1);
        assertEquals("2024-03", figures.bodyExample().path("period").asText());
        assertEquals(12, figures.bodyExample().path("value").asInt());

        Operation notes = operations.get(2);
        assertNull(notes.bodyExample());
        JsonNode built = Schemas.sample(notes.bodySchema(), document, new Random(1), List.of(), 0);
        assertEquals("2024-Q2", built.path("period").asText(), "a property's example fills that property");
        assertTrue(built.path("value").isNumber());
    }

    @Test
    void withoutExamplesValuesAreBuiltFromTheTypes() throws Exception {
        JsonNode document = JSON.readTree(WITHOUT_EXAMPLES);
        Operation report = Operation.all(document).get(0);
        for (Operation.Parameter p : report.parameters()) {
            assertNull(p.example(), p.name());
        }
        assertTrue(Schemas.sample(report.parameters().get(1).schema(), document, new Random(1), List.of(), 0)
                .isInt());
        assertEquals(
                "Sở Nội vụ",
                Schemas.sample(report.parameters().get(0).schema(), document, new Random(1), List.of(), 0)
                        .asText());
    }
}
