package vn.partracker.events.payload;

/** An ordered group of a plan's tasks, e.g. Phụ lục II group "I". */
public record SectionState(String code, String title, int position) {}
