package vn.partracker.indicators.service;

import java.util.List;
import vn.partracker.support.problem.ApiException;

/** 503: every slot of the background import queue is taken; the client should send the file again later. */
public class ImportQueueFullException extends ApiException {

    public ImportQueueFullException(int capacity) {
        super(
                503,
                "service-unavailable",
                "Service unavailable",
                "the background import queue is full (one running and " + capacity + " waiting); send the file"
                        + " again when an import has finished, or import it synchronously",
                List.of());
    }
}
