package vn.partracker.plans.api;

/**
 * A task wording the plan import could not read in full, so a planner can rephrase it before issuing: either
 * nothing dated or periodic was found (kind UNSTRUCTURED, the whole text is left over) or part of it was not
 * understood ("Hàng quý, năm và đột xuất khi có yêu cầu (thời gian gửi báo cáo theo Thông tư 01/2020/TT-VPCP …)").
 *
 * @param path where in the document: {@code tasks[12]}
 * @param taskCode the task's section and ordinal as the plan numbers it ({@code VII.1}), or its ordinal alone
 * @param text the wording as the document gives it
 * @param kind what the wording was read as (UNSTRUCTURED when nothing was understood)
 * @param leftover the text not understood, pieces joined by " … "
 */
public record TimeframeLeftover(String path, String taskCode, String text, String kind, String leftover) {}
