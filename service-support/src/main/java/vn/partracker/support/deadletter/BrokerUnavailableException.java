package vn.partracker.support.deadletter;

import java.util.List;
import vn.partracker.support.problem.ApiException;

/** The broker could not be reached in time: 503, try again later. */
public class BrokerUnavailableException extends ApiException {

    public BrokerUnavailableException(String detail) {
        super(503, "unavailable", "Service Unavailable", detail, List.of());
    }
}
