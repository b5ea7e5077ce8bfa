package vn.partracker.events;

import java.util.List;

/**
 * Kafka topics of the suite. Each topic is written by exactly one service (see the design page); the record key
 * is the id of the aggregate the event is about, so one aggregate's events stay in one partition, in order.
 */
public final class Topics {

    public static final String AGENCIES = "partracker.agencies";
    public static final String PLANS = "partracker.plans";
    public static final String INDICATORS = "partracker.indicators";
    public static final String MEASUREMENTS = "partracker.measurements";
    public static final String REPORTS = "partracker.reports";

    /** Every topic the suite uses; the local stack and the test broker create them up front. */
    public static final List<String> ALL = List.of(AGENCIES, PLANS, INDICATORS, MEASUREMENTS, REPORTS);

    private Topics() {}
}
