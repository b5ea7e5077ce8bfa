package vn.partracker.reporting.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonDiffTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void rowsAreMatchedByIdAndNumbersByValue() throws Exception {
        var before = mapper.readTree("""
                {"computedAsOf": "a", "rows": [{"indicatorId": "x", "submitted": 1, "value": 96.0},
                                              {"indicatorId": "y", "submitted": 2, "value": 50}]}
                """);
        var after = mapper.readTree("""
                {"computedAsOf": "b", "rows": [{"indicatorId": "y", "submitted": 2, "value": 50.00},
                                              {"indicatorId": "x", "submitted": 2, "value": 96}]}
                """);
        List<JsonDiff.Difference> diff = JsonDiff.diff(before, after, Set.of("computedAsOf"), 10);
        assertEquals(1, diff.size());
        assertEquals("rows[indicatorId=x].submitted", diff.get(0).path());
        assertEquals(1, diff.get(0).before().asInt());
        assertEquals(2, diff.get(0).after().asInt());
    }
}
