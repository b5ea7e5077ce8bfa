package vn.partracker.indicators.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import vn.partracker.indicators.api.MeasurementRow;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;

/**
 * Reads a JSON array of {@link MeasurementRow} with a streaming {@link JsonParser}: one element is parsed into a
 * small tree at a time and mapped, so a row with a wrong type is rejected on its own while the rest go on.
 */
public final class JsonRowSource implements RowSource {

    private final ObjectMapper mapper;
    private final JsonParser parser;
    private int number;

    /**
     * @param mapper the application's mapper (unknown fields fail)
     * @param body the request body
     * @throws ValidationException when the body is not a JSON array
     */
    public JsonRowSource(ObjectMapper mapper, InputStream body) {
        this.mapper = mapper;
        try {
            this.parser = mapper.getFactory().createParser(body);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ValidationException("$", "the body must be a JSON array of rows");
            }
        } catch (IOException e) {
            throw new ValidationException("$", "the body is not valid JSON: " + e.getMessage());
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
            JsonNode node = mapper.readTree(parser);
            if (node == null || !node.isObject()) {
                return new Row(number, null, List.of(new FieldError("$", "a row must be a JSON object")));
            }
            try {
                return new Row(number, mapper.treeToValue(node, MeasurementRow.class), List.of());
            } catch (UnrecognizedPropertyException e) {
                return new Row(number, null, List.of(new FieldError(e.getPropertyName(), "unknown field")));
            } catch (JsonMappingException e) {
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
