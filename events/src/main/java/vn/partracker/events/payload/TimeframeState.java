package vn.partracker.events.payload;

import java.time.LocalDate;

/**
 * A task's timeframe: the original wording ("Quý IV năm 2022") and the structured form derived from it, so a
 * consumer computes overdue without re-parsing Vietnamese text.
 */
public record TimeframeState(String text, String kind, LocalDate start, LocalDate end, LocalDate dueDate) {}
