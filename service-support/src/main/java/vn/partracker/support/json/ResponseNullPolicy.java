package vn.partracker.support.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The suite's one null policy for JSON bodies: an optional field without a value is <em>omitted</em>, never sent as
 * {@code null}. The OpenAPI documents declare such fields as optional (not required) with their plain type, so a
 * validating client (zod, a Java or Kotlin client with non-null types) accepts every answer; sending {@code null}
 * for a field typed {@code string} broke them.
 *
 * <p>Only properties of objects are omitted: a {@code null} value inside a map is kept (a plan amendment's
 * {@code before} of {@code {"validTo": null}} means the field was empty, which is information). Kafka event payloads
 * are written by the events module's own mapper ({@code EventJson}) and do not change. Where a stored hash depends
 * on the exact JSON (idempotency request hashes, finalized report hashes, amendment snapshots), the code hashes with
 * its own copy set to {@link JsonInclude.Include#ALWAYS} so hashes stored before this policy still match.
 */
@Singleton
public class ResponseNullPolicy implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setDefaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
    }
}
