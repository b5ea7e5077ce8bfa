package vn.partracker.indicators.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partracker.events.period.Frequency;
import vn.partracker.indicators.domain.target.TargetComparator;
import vn.partracker.indicators.domain.value.Direction;
import vn.partracker.indicators.domain.value.IndicatorKind;
import vn.partracker.indicators.domain.value.Unit;

/**
 * A plan's appendix of indicators (e.g. Kon Tum 59/QĐ-UBND, Phụ lục I) as one document for
 * {@code POST /api/indicators/import}. The plan is named by id or number, agencies and groups by code (or group name),
 * so the document can be written from the source text without knowing any UUID.
 *
 * @param planId the plan, or
 * @param planNumber its number, e.g. {@code 59/QĐ-UBND}
 * @param indicators the indicators in appendix order
 */
@Schema(name = "IndicatorImportDocument")
public record IndicatorImportDocument(
        UUID planId, String planNumber, @NotEmpty List<@NotNull @Valid Item> indicators) {

    /**
     * One indicator; fields as in {@link IndicatorRequest}, references by code.
     */
    @Schema(name = "IndicatorImportItem")
    public record Item(
            String group,
            String ordinal,
            String name,
            Unit unit,
            IndicatorKind kind,
            String numeratorLabel,
            String denominatorLabel,
            Direction direction,
            Frequency frequency,
            List<@NotNull Ref> performingAgencies,
            List<@NotNull Ref> coordinatingAgencies,
            UUID evaluatingAgencyId,
            String evaluatingAgencyCode,
            String legalBasis,
            List<@NotNull @Valid Target> targets,
            List<@NotNull @Valid ComponentDto> components) {}

    /**
     * An agency or group by id, code or (groups only) name; exactly one.
     */
    @Schema(name = "IndicatorImportRef")
    public record Ref(UUID agencyId, String agencyCode, UUID groupId, String groupCode, String groupName) {}

    /**
     * A target rule; the scope's agency may be named by code.
     *
     * @param text the wording of the source ("Tối thiểu 80"), kept for the reader only
     */
    @Schema(name = "IndicatorImportTarget")
    public record Target(
            TargetComparator comparator,
            @Digits(integer = 15, fraction = 6) BigDecimal value,
            Scope scope,
            LocalDate validFrom,
            LocalDate validTo,
            String text) {}

    /** A target scope; at most one part. */
    @Schema(name = "IndicatorImportScope")
    public record Scope(String level, String agencyKind, String sector, UUID agencyId, String agencyCode) {}
}
