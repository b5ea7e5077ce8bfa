package vn.partracker.support.deadletter;

import vn.partracker.support.problem.ServiceUnavailableException;

/** The broker could not be reached in time: 503, try again later. */
public class BrokerUnavailableException extends ServiceUnavailableException {

    public BrokerUnavailableException(String detail) {
        super(detail);
    }
}
