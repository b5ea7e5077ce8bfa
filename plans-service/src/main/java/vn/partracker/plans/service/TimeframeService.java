package vn.partracker.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import vn.partracker.plans.api.TimeframeResponse;
import vn.partracker.plans.domain.DueDayValue;
import vn.partracker.plans.domain.Task;
import vn.partracker.plans.domain.timeframe.Cadence;
import vn.partracker.plans.domain.timeframe.DueDayRule;
import vn.partracker.plans.domain.timeframe.Recurrence;
import vn.partracker.plans.domain.timeframe.Timeframe;
import vn.partracker.plans.domain.timeframe.TimeframeKind;

/**
 * Reads the Vietnamese wording of task timeframes with {@link Timeframe#parse} and maps the result to the API and
 * to task columns. A wording is never rejected: what the parser does not understand is kept as UNSTRUCTURED text,
 * and what it understood in part is reported as recognised parts and leftover text.
 */
@ApplicationScoped
public class TimeframeService {

    /** The structured form of {@code text} read in {@code planYear}. */
    public TimeframeResponse parse(String text, int planYear) {
        return response(Timeframe.parse(text, planYear));
    }

    /**
     * Stores the parsed form of {@code text} on the task: the dates, the cadences (weekly included) and the due day
     * of each, the parts recognised, the leftover text and whether the wording hedges.
     */
    void apply(Task task, String text, int planYear) {
        Timeframe tf = Timeframe.parse(text, planYear);
        task.timeframeText = tf.originalText();
        task.timeframeKind = tf.kind();
        task.timeframeStart = tf.start();
        task.timeframeEnd = tf.end();
        task.dueDate = tf.dueDate();
        Recurrence r = tf.recurrence();
        task.recurrence =
                r == null ? null : r.cadences().stream().map(Enum::name).toList();
        task.recurrenceAdHoc = r != null && r.adHoc();
        List<DueDayValue> dueDays = r == null ? List.of() : dueDayValues(r);
        task.recurrenceDueDays = dueDays.isEmpty() ? null : dueDays;
        task.relativeDays = tf.relativeDays();
        task.relativeWorkingDays = tf.relativeWorkingDays();
        task.relativeTo = tf.relativeTo();
        task.timeframeRecognised = new ArrayList<>(tf.recognised());
        task.timeframeLeftover = tf.leftover();
        task.timeframeTentative = tf.tentative();
    }

    /** The API view of a stored task timeframe. */
    static TimeframeResponse response(Task task) {
        TimeframeResponse.RecurrenceDto recurrence = null;
        if (task.recurrence != null) {
            List<String> cadences = List.copyOf(task.recurrence);
            List<String> frequencies = cadences.stream()
                    .map(Cadence::valueOf)
                    .flatMap(c -> c.frequency().stream())
                    .map(Enum::name)
                    .toList();
            recurrence = new TimeframeResponse.RecurrenceDto(
                    frequencies, task.recurrenceAdHoc, cadences, dueDays(task.recurrenceDueDays));
        }
        return new TimeframeResponse(
                task.timeframeKind.name(),
                task.timeframeStart,
                task.timeframeEnd,
                task.dueDate,
                recurrence,
                task.timeframeText,
                task.timeframeKind == TimeframeKind.RELATIVE
                        ? new TimeframeResponse.Relative(task.relativeDays, task.relativeWorkingDays, task.relativeTo)
                        : null,
                task.timeframeRecognised == null ? List.of() : List.copyOf(task.timeframeRecognised),
                task.timeframeLeftover == null ? "" : task.timeframeLeftover,
                task.timeframeTentative);
    }

    static TimeframeResponse response(Timeframe tf) {
        Recurrence r = tf.recurrence();
        TimeframeResponse.RecurrenceDto recurrence = r == null
                ? null
                : new TimeframeResponse.RecurrenceDto(
                        r.frequencies().stream().map(Enum::name).toList(),
                        r.adHoc(),
                        r.cadences().stream().map(Enum::name).toList(),
                        dueDays(dueDayValues(r)));
        return new TimeframeResponse(
                tf.kind().name(),
                tf.start(),
                tf.end(),
                tf.dueDate(),
                recurrence,
                tf.originalText(),
                tf.kind() == TimeframeKind.RELATIVE
                        ? new TimeframeResponse.Relative(tf.relativeDays(), tf.relativeWorkingDays(), tf.relativeTo())
                        : null,
                tf.recognised(),
                tf.leftover(),
                tf.tentative());
    }

    /** The API view of the stored due days; null (absent) when there are none. */
    private static List<TimeframeResponse.DueDay> dueDays(List<DueDayValue> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream()
                .map(d -> new TimeframeResponse.DueDay(
                        d.cadence(), d.day(), d.month(), d.monthOfPeriod(), d.dayOfWeek(), d.exclusive()))
                .toList();
    }

    /** One value per cadence that has a due-day rule, in cadence order. */
    private static List<DueDayValue> dueDayValues(Recurrence r) {
        List<DueDayValue> values = new ArrayList<>();
        for (Cadence cadence : r.cadences()) {
            DueDayRule rule = r.dueDayFor(cadence);
            if (rule != null) {
                boolean weekday = rule.dayOfWeek() != null;
                values.add(new DueDayValue(
                        cadence.name(),
                        weekday ? null : rule.day(),
                        rule.month() == 0 ? null : rule.month(),
                        weekday || rule.month() != 0
                                ? null
                                : rule.monthOfPeriod().name(),
                        weekday ? rule.dayOfWeek().name() : null,
                        rule.exclusive()));
            }
        }
        return values;
    }
}
