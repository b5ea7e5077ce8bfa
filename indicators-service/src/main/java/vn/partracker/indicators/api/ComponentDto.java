package vn.partracker.indicators.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A node of a composite indicator's component tree (PAR INDEX: assessed 61.5 + impact 38.5).
 *
 * @param code unique within the tree; figures are entered under it
 * @param name display name
 * @param maxPoints the most points the node can score; its children's maxima add up to no more
 * @param children sub-components; empty for a leaf
 */
@Schema(name = "Component")
public record ComponentDto(
        String code,
        String name,
        @Digits(integer = 15, fraction = 6) BigDecimal maxPoints,
        List<@NotNull @Valid ComponentDto> children) {}
