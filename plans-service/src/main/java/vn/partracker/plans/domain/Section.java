package vn.partracker.plans.domain;

/**
 * An ordered group of a plan's tasks, e.g. Phụ lục II group "I" (Công tác chỉ đạo, điều hành).
 *
 * @param code the group's label as the plan writes it ("I", "II.1")
 * @param title the group's heading
 */
public record Section(String code, String title) {}
