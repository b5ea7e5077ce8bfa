package vn.partracker.plans.service;

import java.util.List;
import vn.partracker.plans.api.ImportProblem;
import vn.partracker.support.problem.ApiException;
import vn.partracker.support.problem.FieldError;

/**
 * 400 for an import document with problems: nothing was written, and every problem is listed with its path
 * ({@code rows[3].parentCode}, {@code tasks[12].leadAgencies[0].group}) so the sender can fix all of them at once.
 */
public class ImportRejectedException extends ApiException {

    public ImportRejectedException(String what, List<ImportProblem> problems) {
        super(
                400,
                "validation",
                "Invalid import",
                problems.size() + " problem(s) in the " + what + "; nothing was imported",
                problems.stream().map(ImportRejectedException::toFieldError).toList());
    }

    private static FieldError toFieldError(ImportProblem p) {
        String field = p.field() == null || p.field().isEmpty() ? p.path() : p.path() + "." + p.field();
        return new FieldError(field, p.message());
    }
}
