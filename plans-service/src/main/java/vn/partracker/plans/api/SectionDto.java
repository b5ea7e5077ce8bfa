package vn.partracker.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An ordered group of tasks, e.g. {"code": "I", "title": "Công tác chỉ đạo, điều hành"}. */
public record SectionDto(
        @NotBlank @Size(max = 20) String code,
        @NotBlank @Size(max = 1000) String title) {}
