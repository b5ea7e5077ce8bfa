package vn.partracker.support.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.Month;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;

class QueryParamsTest {

    @Test
    void absentValuesFallBack() {
        LocalDate today = LocalDate.of(2024, 1, 29);
        assertEquals(today, QueryParams.date("asOf", null, today));
        assertEquals(today, QueryParams.date("asOf", "  ", today));
        assertNull(QueryParams.uuid("agencyId", ""));
        assertNull(QueryParams.enumValue("frequency", null, Month.class));
    }

    @Test
    void presentValuesAreParsedAfterTrimming() {
        UUID id = UUID.randomUUID();
        assertEquals(id, QueryParams.uuid("agencyId", " " + id + " "));
        assertEquals(LocalDate.of(2024, 12, 31), QueryParams.date("asOf", "2024-12-31"));
        assertEquals(Month.MARCH, QueryParams.enumValue("month", "march", Month.class));
    }

    @Test
    void eachKindOfErrorHasOneMessageNamingTheParameter() {
        assertEquals(
                new FieldError("agencyId", "must be a UUID, got 'KT.SNV'"),
                only(assertThrows(ValidationException.class, () -> QueryParams.uuid("agencyId", "KT.SNV"))));
        assertEquals(
                new FieldError("asOf", "must be an ISO-8601 date such as 2024-12-31, got '31/12/2024'"),
                only(assertThrows(ValidationException.class, () -> QueryParams.date("asOf", "31/12/2024"))));
        assertEquals(
                "must be one of JANUARY, FEBRUARY, MARCH, APRIL, MAY, JUNE, JULY, AUGUST, SEPTEMBER, OCTOBER,"
                        + " NOVEMBER, DECEMBER, got 'Tháng 13'",
                only(assertThrows(
                                ValidationException.class,
                                () -> QueryParams.enumValue("month", "Tháng 13", Month.class)))
                        .message());
        assertEquals(
                new FieldError("planId", "is required"),
                only(assertThrows(ValidationException.class, () -> QueryParams.requiredUuid("planId", null))));
    }

    @Test
    void aLongRejectedValueIsNotEchoedWhole() {
        String huge = "x".repeat(10_000);
        String message = only(assertThrows(ValidationException.class, () -> QueryParams.uuid("id", huge)))
                .message();
        assertEquals("must be a UUID, got '" + "x".repeat(40) + "…'", message);
    }

    private static FieldError only(ValidationException e) {
        assertEquals(1, e.errors().size());
        return e.errors().get(0);
    }

    @Test
    void datesOutsideTheAcceptedRangeAreRefused() {
        assertEquals(
                "must be between 1900-01-01 and 2200-12-31, got '+100000000-01-01'",
                only(assertThrows(ValidationException.class, () -> QueryParams.date("asOf", "+100000000-01-01")))
                        .message());
    }

    @Test
    void wholeNumbersAndBooleansAreReadStrictly() {
        assertEquals(3, QueryParams.integer("page", " 3 "));
        assertNull(QueryParams.integer("page", null));
        assertEquals(
                "must be a whole number, got 'abc'",
                only(assertThrows(ValidationException.class, () -> QueryParams.integer("page", "abc")))
                        .message());
        assertThrows(ValidationException.class, () -> QueryParams.integer("page", "99999999999999999999"));
        assertThrows(ValidationException.class, () -> QueryParams.integer("page", "9999999999"));
        assertEquals(true, QueryParams.bool("dryRun", "TRUE", false));
        assertEquals(false, QueryParams.bool("dryRun", null, false));
        assertEquals(
                "must be true or false, got 'yes'",
                only(assertThrows(ValidationException.class, () -> QueryParams.bool("dryRun", "yes", false)))
                        .message());
    }
}
