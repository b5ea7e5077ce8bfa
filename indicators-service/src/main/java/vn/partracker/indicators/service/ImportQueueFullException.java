package vn.partracker.indicators.service;

import vn.partracker.support.problem.ServiceUnavailableException;

/** 503: every slot of the background import queue is taken; the client should send the file again later. */
public class ImportQueueFullException extends ServiceUnavailableException {

    public ImportQueueFullException(int capacity) {
        super("the background import queue is full (one running and " + capacity + " waiting); send the file"
                + " again when an import has finished, or import it synchronously");
    }
}
