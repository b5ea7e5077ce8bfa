package vn.partracker.indicators.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import vn.partracker.indicators.api.MeasurementRow;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;

/**
 * Reads a JSON array of {@link MeasurementRow} with a streaming {@link JsonParser}: one element at a time is mapped
 * straight from the token stream (no intermediate tree), and a row with a wrong type or an unknown field is rejected
 * on its own — the parser reads on to the end of that row — while the rest go on.
 */
public final class JsonRowSource implements RowSource {

    private final ObjectReader rows;
    private final JsonParser parser;
    private JsonStreamContext array;
    private int number;

    /**
     * @param mapper the application's mapper (unknown fields fail)
     * @param body the request body
     * @throws ValidationException when the body is not a JSON array
     */
    public JsonRowSource(ObjectMapper mapper, InputStream body) {
        this.rows = mapper.readerFor(MeasurementRow.class);
        try {
            this.parser = mapper.getFactory().createParser(body);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ValidationException("$", "the body must be a JSON array of rows");
            }
            this.array = parser.getParsingContext();
        } catch (IOException e) {
            throw new ValidationException("$", "the body is not valid JSON: " + e.getMessage());
        }
    }

    /**
     * After a row that could not be mapped, reads on to the end of that row (the mapper stops where it failed), so
     * the next row starts at the next element of the array.
     */
    private void skipRestOfRow() throws IOException {
        while (parser.getParsingContext() != array) {
            if (parser.nextToken() == null) {
                throw new ValidationException("$", "the JSON array is not closed");
            }
        }
    }

    @Override
    public Row next() {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new ValidationException("$", "the JSON array is not closed");
            }
            if (token == JsonToken.END_ARRAY) {
                return null;
            }
            number++;
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return new Row(number, null, List.of(new FieldError("$", "a row must be a JSON object")));
            }
            try {
                return new Row(number, rows.readValue(parser), List.of());
            } catch (UnrecognizedPropertyException e) {
                skipRestOfRow();
                return new Row(number, null, List.of(new FieldError(e.getPropertyName(), "unknown field")));
            } catch (JsonMappingException e) {
                skipRestOfRow();
                String field = e.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."));
                return new Row(
                        number, null, List.of(new FieldError(field.isEmpty() ? "$" : field, e.getOriginalMessage())));
            }
        } catch (IOException e) {
            throw new ValidationException(
                    "$", "the body is not valid JSON after row " + number + ": " + e.getMessage());
        }
    }
}
