package vn.partracker.indicators.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partracker.events.period.Frequency;
import vn.partracker.indicators.domain.value.Direction;
import vn.partracker.indicators.domain.value.IndicatorKind;
import vn.partracker.indicators.domain.value.Unit;

/**
 * The body of {@code POST /api/indicators} and {@code PUT /api/indicators/{id}}: the whole definition.
 *
 * @param planId an issued plan (from the plan replica)
 * @param group the appendix group, e.g. {@code IV}
 * @param ordinal the number within the group, e.g. {@code 1}; (plan, group, ordinal) is unique
 * @param name the indicator's wording in the plan
 * @param unit unit of the figure
 * @param kind RATIO (b/a), VALUE or COMPOSITE
 * @param numeratorLabel what b counts (RATIO only, required there)
 * @param denominatorLabel what a counts (RATIO only, required there)
 * @param direction which way is better; HIGHER_IS_BETTER when missing
 * @param frequency how often figures are submitted
 * @param performingAgencies agencies or groups that submit figures (đơn vị chủ trì)
 * @param coordinatingAgencies agencies or groups that help (cơ quan phối hợp); informational
 * @param evaluatingAgencyId the agency that reviews the figures (cơ quan chủ trì đánh giá)
 * @param legalBasis the basis text (căn cứ thực hiện)
 * @param targets target rules; the most specific valid one applies to an agency
 * @param components the component tree of a COMPOSITE indicator; empty otherwise
 */
@Schema(name = "IndicatorRequest")
public record IndicatorRequest(
        @NotNull UUID planId,
        @NotBlank @Size(max = 20) String group,
        @NotBlank @Size(max = 20) String ordinal,
        @NotBlank @Size(max = 2000) String name,
        @NotNull Unit unit,
        @NotNull IndicatorKind kind,
        @Size(max = 500) String numeratorLabel,
        @Size(max = 500) String denominatorLabel,
        Direction direction,
        @NotNull Frequency frequency,
        @NotEmpty List<@NotNull @Valid AgencyRefDto> performingAgencies,
        List<@NotNull @Valid AgencyRefDto> coordinatingAgencies,
        @NotNull UUID evaluatingAgencyId,
        @Size(max = 4000) String legalBasis,
        List<@NotNull @Valid TargetDto> targets,
        List<@NotNull @Valid ComponentDto> components) {}
