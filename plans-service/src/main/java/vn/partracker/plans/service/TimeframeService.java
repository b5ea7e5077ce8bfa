package vn.partracker.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.partracker.events.period.Frequency;
import vn.partracker.plans.api.TimeframeResponse;
import vn.partracker.plans.domain.Task;
import vn.partracker.plans.domain.timeframe.Recurrence;
import vn.partracker.plans.domain.timeframe.Timeframe;
import vn.partracker.plans.domain.timeframe.TimeframeKind;

/**
 * Reads the Vietnamese wording of task timeframes with {@link Timeframe#parse} and maps the result to the API and
 * to task columns. A wording is never rejected: what the parser does not understand is kept as UNSTRUCTURED text.
 */
@ApplicationScoped
public class TimeframeService {

    /** The structured form of {@code text} read in {@code planYear}. */
    public TimeframeResponse parse(String text, int planYear) {
        return response(Timeframe.parse(text, planYear));
    }

    /** Stores the parsed form of {@code text} on the task. */
    void apply(Task task, String text, int planYear) {
        Timeframe tf = Timeframe.parse(text, planYear);
        task.timeframeText = tf.originalText();
        task.timeframeKind = tf.kind();
        task.timeframeStart = tf.start();
        task.timeframeEnd = tf.end();
        task.dueDate = tf.dueDate();
        task.recurrence = tf.recurrence() == null
                ? null
                : tf.recurrence().frequencies().stream().map(Enum::name).toList();
        task.recurrenceAdHoc = tf.recurrence() != null && tf.recurrence().adHoc();
        task.relativeDays = tf.relativeDays();
        task.relativeWorkingDays = tf.relativeWorkingDays();
        task.relativeTo = tf.relativeTo();
    }

    /** The API view of a stored task timeframe. */
    static TimeframeResponse response(Task task) {
        return new TimeframeResponse(
                task.timeframeKind.name(),
                task.timeframeStart,
                task.timeframeEnd,
                task.dueDate,
                task.recurrence == null
                        ? null
                        : new TimeframeResponse.RecurrenceDto(List.copyOf(task.recurrence), task.recurrenceAdHoc),
                task.timeframeText,
                task.timeframeKind == TimeframeKind.RELATIVE
                        ? new TimeframeResponse.Relative(task.relativeDays, task.relativeWorkingDays, task.relativeTo)
                        : null);
    }

    static TimeframeResponse response(Timeframe tf) {
        Recurrence r = tf.recurrence();
        return new TimeframeResponse(
                tf.kind().name(),
                tf.start(),
                tf.end(),
                tf.dueDate(),
                r == null
                        ? null
                        : new TimeframeResponse.RecurrenceDto(
                                r.frequencies().stream().map(Frequency::name).toList(), r.adHoc()),
                tf.originalText(),
                tf.kind() == TimeframeKind.RELATIVE
                        ? new TimeframeResponse.Relative(tf.relativeDays(), tf.relativeWorkingDays(), tf.relativeTo())
                        : null);
    }
}
