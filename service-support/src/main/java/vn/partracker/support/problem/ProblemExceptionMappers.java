package vn.partracker.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into one RFC 9457 problem+json shape, the same in all three services.
 *
 * <p>Bad input of any kind (malformed JSON, an unknown enum value, an unknown field, a wrong content type, a
 * violated constraint or domain rule) is a 4xx naming the field; only a defect of ours is a 500, and its detail
 * does not leak internals.
 */
public class ProblemExceptionMappers {

    /** A concurrent update won the race on the version column: the loser gets 412, as a stale If-Match would. */
    private static final java.util.Set<String> OPTIMISTIC_LOCK_FAILURES =
            java.util.Set.of("OptimisticLockException", "StaleObjectStateException", "StaleStateException");

    /** Rule violations thrown by the service layer. */
    @ServerExceptionMapper
    public Response mapApiException(ApiException e, UriInfo uriInfo) {
        Response.ResponseBuilder answer = builder(Problem.of(e, path(uriInfo)));
        if (e instanceof ServiceUnavailableException) {
            answer.header("Retry-After", ServiceUnavailableException.RETRY_AFTER_SECONDS);
        }
        return answer.build();
    }

    /** Bean Validation on resource parameters and request bodies. */
    @ServerExceptionMapper
    public Response mapViolation(ResteasyReactiveViolationException e, UriInfo uriInfo) {
        return mapConstraintViolation(e, uriInfo);
    }

    /** Bean Validation triggered inside a service method. */
    @ServerExceptionMapper
    public Response mapConstraintViolation(ConstraintViolationException e, UriInfo uriInfo) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return respond(validation(errors, uriInfo));
    }

    /**
     * Unparseable or mistyped JSON bodies. Each Jackson subtype is mapped explicitly because Quarkus ships its own
     * mapper for some of them, and the most specific mapper wins.
     */
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        ValueInstantiationException.class
    })
    public Response mapJson(JsonProcessingException e, UriInfo uriInfo) {
        return respond(jsonProblem(e, uriInfo));
    }

    /** JAX-RS errors: no such route, method not allowed, wrong content type, unparseable parameter. */
    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uriInfo) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json, uriInfo));
        }
        int status = e.getResponse().getStatus();
        if (status == 503) {
            return mapApiException(
                    new ServiceUnavailableException("the service cannot take this request now; try again"), uriInfo);
        }
        if (status >= 500) {
            Log.errorf(e, "server error on %s", path(uriInfo));
            return respond(serverError(uriInfo));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Client error";
        String detail = switch (status) {
            case 404 -> "no resource at " + path(uriInfo);
            case 405 -> "this method is not allowed on " + path(uriInfo);
            case 406 -> "none of the accepted media types can be produced here";
            case 415 -> "unsupported content type; send application/json";
            default -> e.getMessage();
        };
        return respond(
                new Problem(Problem.TYPE_PREFIX + slug(title), title, status, detail, path(uriInfo), List.of(), null));
    }

    /**
     * Anything else: a database refusal caused by the request (unique, foreign-key or check violation, a value out of
     * range, a serialization failure) is the 4xx of {@link DatabaseErrors}; the rest is our defect, logged with its
     * stack trace and answered without internals.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response mapUnexpected(Exception e, UriInfo uriInfo) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ApiException api) {
                return mapApiException(api, uriInfo);
            }
            if (cause instanceof ConstraintViolationException cve) {
                return mapConstraintViolation(cve, uriInfo);
            }
            if (OPTIMISTIC_LOCK_FAILURES.contains(cause.getClass().getSimpleName())) {
                return mapApiException(
                        new PreconditionFailedException("the record was changed by someone else; read it again"),
                        uriInfo);
            }
            cause = cause.getCause();
        }
        java.util.Optional<ApiException> clientError = DatabaseErrors.classify(e);
        if (clientError.isPresent() && clientError.get() instanceof ServiceUnavailableException) {
            Log.warnf("database unavailable on %s: %s", path(uriInfo), rootMessage(e));
            return mapApiException(clientError.get(), uriInfo);
        }
        if (clientError.isPresent()) {
            Log.debugf(e, "database refused the request on %s", path(uriInfo));
            return mapApiException(clientError.get(), uriInfo);
        }
        Log.errorf(e, "unexpected error on %s", path(uriInfo));
        return respond(serverError(uriInfo));
    }

    private static Problem jsonProblem(JsonProcessingException e, UriInfo uriInfo) {
        if (e instanceof JsonParseException) {
            return new Problem(
                    Problem.TYPE_PREFIX + "malformed-json",
                    "Malformed JSON",
                    400,
                    "the request body is not valid JSON: " + e.getOriginalMessage(),
                    path(uriInfo),
                    List.of(),
                    null);
        }
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        String message;
        if (e instanceof InvalidFormatException ife
                && ife.getTargetType() != null
                && ife.getTargetType().isEnum()) {
            message = "unknown value '" + ife.getValue() + "'; allowed: "
                    + Arrays.stream(ife.getTargetType().getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException ife) {
            message = "'" + ife.getValue() + "' is not a valid " + typeName(ife.getTargetType());
        } else if (e instanceof UnrecognizedPropertyException upe) {
            field = field.isEmpty() ? upe.getPropertyName() : field;
            message = "unknown field";
        } else if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
            message = vie.getCause().getMessage();
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            message = "expected " + typeName(mie.getTargetType());
        } else {
            message = e.getOriginalMessage();
        }
        return validation(List.of(new FieldError(field.isEmpty() ? "$" : field, message)), uriInfo);
    }

    private static Problem validation(List<FieldError> errors, UriInfo uriInfo) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(
                Problem.TYPE_PREFIX + "validation", "Invalid request", 400, detail, path(uriInfo), errors, null);
    }

    private static Problem serverError(UriInfo uriInfo) {
        return new Problem(
                Problem.TYPE_PREFIX + "internal",
                "Internal error",
                500,
                "the request could not be completed; it has been logged",
                path(uriInfo),
                List.of(),
                null);
    }

    private static Response respond(Problem problem) {
        return builder(problem).build();
    }

    private static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String path(UriInfo uriInfo) {
        return uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            }
        }
        return sb.toString();
    }

    /**
     * Drops the method and parameter nodes of a Bean Validation path, so a client sees {@code body.name} as
     * {@code name} and a query parameter by its own name.
     */
    private static String fieldPath(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && node.getName() != null) {
                parts.clear();
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            String leaf = null;
            for (Path.Node node : violation.getPropertyPath()) {
                leaf = node.getName();
            }
            return leaf == null ? "$" : leaf;
        }
        return String.join(".", parts);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "UUID";
            case "LocalDate" -> "date (YYYY-MM-DD) between 1900-01-01 and 2200-12-31";
            case "BigDecimal", "Double", "double", "Float", "float" -> "number";
            case "Integer", "int", "Long", "long" -> "integer";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            default -> List.class.isAssignableFrom(type) ? "array" : type.getSimpleName();
        };
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
