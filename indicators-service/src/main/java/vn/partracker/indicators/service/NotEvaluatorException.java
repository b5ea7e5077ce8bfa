package vn.partracker.indicators.service;

import java.util.List;
import vn.partracker.support.problem.ApiException;
import vn.partracker.support.problem.FieldError;

/**
 * 403: a review by an agency that is not the indicator's evaluating agency (cơ quan chủ trì đánh giá). The
 * reviewing agency is the token's {@code agency} (an admin's named {@code reviewerAgencyId}).
 */
public class NotEvaluatorException extends ApiException {

    private static final long serialVersionUID = 1L;

    public NotEvaluatorException(String detail) {
        super(
                403,
                "forbidden",
                "Forbidden",
                detail,
                List.of(new FieldError("reviewerAgencyId", "is not the evaluating agency of the indicator")));
    }
}
