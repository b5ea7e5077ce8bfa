package vn.partracker.support.problem;

import java.util.List;

/** 413: the request body is larger than the endpoint accepts. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(long limitBytes) {
        super(
                413,
                "payload-too-large",
                "Payload too large",
                "the request body is larger than the " + limitBytes / (1024 * 1024) + " MB this endpoint accepts",
                List.of());
    }
}
