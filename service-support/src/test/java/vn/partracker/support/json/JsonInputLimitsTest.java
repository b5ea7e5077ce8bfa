package vn.partracker.support.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonInputLimitsTest {

    record Plan(String number, LocalDate issuedOn) {}

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonInputLimits().customize(mapper);
        return mapper;
    }

    @Test
    void datesInsideTheRangeAreRead() throws Exception {
        assertEquals(
                LocalDate.of(2024, 1, 29),
                mapper.readValue("{\"number\":\"59/QĐ-UBND\",\"issuedOn\":\"2024-01-29\"}", Plan.class)
                        .issuedOn());
    }

    @Test
    void datesOutsideTheRangeAreRefusedNamingTheField() {
        InvalidFormatException e = assertThrows(
                InvalidFormatException.class,
                () -> mapper.readValue("{\"number\":\"x\",\"issuedOn\":\"+100000000-01-01\"}", Plan.class));
        assertEquals("issuedOn", e.getPath().get(0).getFieldName());
        assertThrows(
                InvalidFormatException.class,
                () -> mapper.readValue("{\"number\":\"x\",\"issuedOn\":\"1899-12-31\"}", Plan.class));
    }

    @Test
    void impossibleDatesAreRefused() {
        assertThrows(
                JsonProcessingException.class,
                () -> mapper.readValue("{\"number\":\"x\",\"issuedOn\":\"2024-02-30\"}", Plan.class));
    }

    @Test
    void deepNestingIsRefusedWhileParsing() {
        String deep =
                "[".repeat(JsonInputLimits.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonInputLimits.MAX_NESTING_DEPTH + 1);
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readTree(deep));
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }

    @Test
    void overlongNumbersAreRefusedWhileParsing() {
        String huge = "{\"value\":" + "9".repeat(JsonInputLimits.MAX_NUMBER_LENGTH + 1) + "}";
        assertThrows(JsonProcessingException.class, () -> mapper.readTree(huge));
    }

    @Test
    void duplicateKeysAreRefused() {
        JsonProcessingException e =
                assertThrows(JsonProcessingException.class, () -> mapper.readTree("{\"value\":1,\"value\":2}"));
        assertTrue(e.getMessage().contains("Duplicate field"), e.getMessage());
    }

    record Offsets(int province) {}

    @Test
    void wholeNumberFieldsRefuseFractionsAndExponents() {
        assertEquals(
                5,
                assertDoesNotThrow(() -> mapper.readValue("{\"province\":5}", Offsets.class))
                        .province());
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"province\":5.9}", Offsets.class));
        assertThrows(
                JsonProcessingException.class, () -> mapper.readValue("{\"province\":1e-999999999}", Offsets.class));
    }
}
