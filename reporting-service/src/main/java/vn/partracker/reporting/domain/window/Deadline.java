package vn.partracker.reporting.domain.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Submission deadlines and the on-time test for periodic reports.
 *
 * <p>A report regime sets the deadline as a number of days after the end of the data cut-off window, configurable
 * per agency level (a commune reports to its district or province before the province compiles its own report). A
 * deadline is a date, not an instant: a report is on time if it arrives on or before that day in Vietnamese local
 * time, whatever the hour.
 */
public final class Deadline {

    /**
     * The zone in which deadlines are read (UTC+7, no daylight saving time). Converting submission instants in UTC
     * instead would count a report sent before 07:00 local time on the day after the deadline as on time.
     */
    public static final ZoneId REPORTING_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Deadline() {}

    /**
     * The last day a report for the window may be submitted: the window's last day plus {@code offsetDays}.
     *
     * @param offsetDays zero or more; a deadline before the end of the cut-off window would ask for figures that are
     *     not yet closed
     * @throws IllegalArgumentException if {@code offsetDays} is negative
     */
    public static LocalDate submissionDeadline(ReportingWindow window, int offsetDays) {
        Objects.requireNonNull(window, "window");
        if (offsetDays < 0) {
            throw new IllegalArgumentException("Deadline offset must be zero or more days, got " + offsetDays);
        }
        return window.to().plusDays(offsetDays);
    }

    /** Whether a report submitted on the date is on time: any time on the deadline day itself still counts. */
    public static boolean onTime(LocalDate submittedOn, LocalDate deadline) {
        Objects.requireNonNull(submittedOn, "submittedOn");
        Objects.requireNonNull(deadline, "deadline");
        return !submittedOn.isAfter(deadline);
    }

    /**
     * Whether a report submitted at the instant is on time, judging the instant's date in {@code zone}.
     *
     * @param zone normally {@link #REPORTING_ZONE}; a parameter rather than the JVM default so that the result does
     *     not depend on the server's time zone
     */
    public static boolean onTime(Instant submittedAt, LocalDate deadline, ZoneId zone) {
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(zone, "zone");
        return onTime(LocalDate.ofInstant(submittedAt, zone), deadline);
    }
}
