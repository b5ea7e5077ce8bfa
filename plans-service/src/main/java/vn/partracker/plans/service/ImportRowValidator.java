package vn.partracker.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.partracker.plans.api.ImportProblem;

/**
 * Checks an import row with the Bean Validation constraints of the request record that creates the same thing
 * one at a time ({@code AgencyRequest}, {@code GroupRequest}), so a row and a single create are held to the same
 * rules and the rules are written once, on the records. Violations become problems of the row, one per violation,
 * in the order of the record's fields.
 */
@ApplicationScoped
public class ImportRowValidator {

    private final Validator validator;

    public ImportRowValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * The problems of {@code request}, a request record built from an import row, at {@code path}.
     *
     * @param fieldOrder the record's fields in declaration order, so problems are listed as the row reads
     */
    <T> List<ImportProblem> check(T request, String path, List<String> fieldOrder) {
        List<ConstraintViolation<T>> violations = new ArrayList<>(validator.validate(request));
        violations.sort(Comparator.<ConstraintViolation<T>>comparingInt(v -> fieldOrder.indexOf(root(v)))
                .thenComparing(v -> field(v.getPropertyPath()))
                .thenComparing(ConstraintViolation::getMessage));
        return violations.stream()
                .map(v -> new ImportProblem(path, field(v.getPropertyPath()), v.getMessage()))
                .toList();
    }

    private static String root(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }

    /** {@code sectors[0]} for an element of a list, {@code name} for a field. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null
                    && (node.getName() == null || node.getName().startsWith("<"))) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }
}
