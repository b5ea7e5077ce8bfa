package vn.partracker.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import vn.partracker.events.period.Period;
import vn.partracker.reporting.domain.window.CutoffRule;
import vn.partracker.reporting.domain.window.ReportingWindow;
import vn.partracker.reporting.domain.window.ReportingWindowCalculator;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;

/** Answers "which days does period P cover under cut-off rule R", turning bad codes into field errors. */
@ApplicationScoped
public class ReportingWindowService {

    /** The window of one period; both parameters are validated together so the client sees every mistake. */
    public ReportingWindow window(String rule, String period) {
        List<FieldError> errors = new ArrayList<>();
        CutoffRule cutoffRule = null;
        if (rule == null || rule.isBlank()) {
            errors.add(new FieldError("rule", "required; one of " + allowedRules()));
        } else {
            try {
                cutoffRule = QueryParams.enumValue("rule", rule, CutoffRule.class);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        Period parsed = ReportingContext.parsePeriod(period, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return ReportingWindowCalculator.window(cutoffRule, parsed);
    }

    private static String allowedRules() {
        return Arrays.stream(CutoffRule.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
