package vn.partracker.plans.api;

/**
 * One problem found in an import document.
 *
 * @param path where in the document: {@code rows[3]}, {@code groups[0]}, {@code tasks[12]}, or {@code $} for the
 *     top level
 * @param field the field inside that element, e.g. {@code parentCode} or {@code leadAgencies[1].group}
 * @param message what is wrong
 */
public record ImportProblem(String path, String field, String message) {}
