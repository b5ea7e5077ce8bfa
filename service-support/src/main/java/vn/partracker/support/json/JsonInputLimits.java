package vn.partracker.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Explicit bounds on every JSON body the services read, instead of Jackson's generous defaults: nesting depth, the
 * length of one string and of one number, duplicate keys refused, whole-number fields taking whole numbers only
 * (Jackson would otherwise truncate {@code 5.9} or {@code 1e-999999999} into an int silently), and dates within {@link #EARLIEST}…{@link
 * #LATEST}. A body beyond a bound is refused while it is parsed, in microseconds, with a 400 naming the field.
 *
 * <p>Why these numbers: no request of the API nests deeper than a composite indicator's component tree (a handful
 * of levels); no field is longer than a plan's objectives text; a figure has at most 15 integer digits and 6
 * decimals (checked on the request records), far below 64 characters; and no plan, task or figure lies outside
 * 1900–2200, while a date like {@code +100000000-01-01} would otherwise reach PostgreSQL.
 */
@Singleton
public class JsonInputLimits implements ObjectMapperCustomizer {

    /** Deepest nesting of objects and arrays accepted. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** Longest JSON number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 64;

    /** Longest JSON string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 5_000_000;

    /** Earliest date accepted in a request. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** Latest date accepted in a request. */
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    /** What a date outside the accepted range is told. */
    public static final String DATE_RANGE_MESSAGE = "must be between " + EARLIEST + " and " + LATEST;

    /** Whether a date lies in the one accepted range, {@link #EARLIEST}…{@link #LATEST}. */
    public static boolean accepts(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("partracker-date-range").addDeserializer(LocalDate.class, new Dates()));
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** ISO dates, refused outside the accepted range. */
    static final class Dates extends StdScalarDeserializer<LocalDate> {

        private final LocalDateDeserializer iso = LocalDateDeserializer.INSTANCE;

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = iso.deserialize(parser, context);
            if (date != null && !accepts(date)) {
                return (LocalDate) context.handleWeirdStringValue(
                        LocalDate.class,
                        parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : date.toString(),
                        DATE_RANGE_MESSAGE);
            }
            return date;
        }
    }
}
