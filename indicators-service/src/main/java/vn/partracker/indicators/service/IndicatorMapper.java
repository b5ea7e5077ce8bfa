package vn.partracker.indicators.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.partracker.events.EventJson;
import vn.partracker.events.payload.AgencyRef;
import vn.partracker.events.payload.ComponentState;
import vn.partracker.events.payload.IndicatorDefined;
import vn.partracker.events.payload.TargetState;
import vn.partracker.indicators.api.AgencyRefDto;
import vn.partracker.indicators.api.ComponentDto;
import vn.partracker.indicators.api.IndicatorResponse;
import vn.partracker.indicators.api.TargetDto;
import vn.partracker.indicators.api.TargetScopeDto;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.domain.IndicatorAgency;
import vn.partracker.indicators.domain.IndicatorTarget;
import vn.partracker.indicators.domain.composite.Component;

/**
 * Maps indicators between the entity, the API records, the domain rule types and the event payload, so the four
 * shapes stay consistent in one place.
 */
final class IndicatorMapper {

    private IndicatorMapper() {}

    static IndicatorResponse toResponse(Indicator indicator) {
        return new IndicatorResponse(
                indicator.id,
                indicator.version,
                indicator.planId,
                indicator.group,
                indicator.ordinal,
                indicator.name,
                indicator.unit,
                indicator.kind,
                indicator.numeratorLabel,
                indicator.denominatorLabel,
                indicator.direction,
                indicator.frequency,
                indicator.performing().stream().map(IndicatorMapper::toDto).toList(),
                indicator.coordinating().stream().map(IndicatorMapper::toDto).toList(),
                indicator.evaluatingAgencyId,
                indicator.legalBasis,
                indicator.targets.stream().map(IndicatorMapper::toDto).toList(),
                componentStates(indicator).stream().map(IndicatorMapper::toDto).toList(),
                indicator.createdAt,
                indicator.updatedAt);
    }

    static IndicatorDefined toEvent(Indicator indicator) {
        return new IndicatorDefined(
                IndicatorDefined.SCHEMA_VERSION,
                indicator.id,
                indicator.version,
                indicator.planId,
                indicator.group,
                indicator.ordinal,
                indicator.name,
                indicator.unit,
                indicator.kind,
                indicator.numeratorLabel,
                indicator.denominatorLabel,
                indicator.direction,
                indicator.frequency,
                indicator.performing().stream()
                        .map(a -> new AgencyRef(a.agencyId, a.groupId))
                        .toList(),
                indicator.coordinating().stream()
                        .map(a -> new AgencyRef(a.agencyId, a.groupId))
                        .toList(),
                indicator.evaluatingAgencyId,
                indicator.targets.stream().map(IndicatorMapper::toState).toList(),
                componentStates(indicator),
                indicator.legalBasis);
    }

    static TargetState toState(IndicatorTarget target) {
        return new TargetState(
                target.comparator,
                target.value,
                target.level,
                target.agencyKind,
                target.sector,
                target.agencyId,
                target.validFrom,
                target.validTo);
    }

    static TargetDto toDto(IndicatorTarget target) {
        return new TargetDto(
                vn.partracker.indicators.domain.target.TargetComparator.valueOf(target.comparator),
                target.value,
                new TargetScopeDto(target.level, target.agencyKind, target.sector, target.agencyId),
                target.validFrom,
                target.validTo);
    }

    static IndicatorTarget toEntity(TargetDto dto) {
        IndicatorTarget target = new IndicatorTarget();
        target.comparator = dto.comparator().name();
        target.value = dto.value();
        TargetScopeDto scope = dto.scope();
        if (scope != null) {
            target.level = scope.level();
            target.agencyKind = scope.agencyKind();
            target.sector = scope.sector();
            target.agencyId = scope.agencyId();
        }
        target.validFrom = dto.validFrom();
        target.validTo = dto.validTo();
        return target;
    }

    static AgencyRefDto toDto(IndicatorAgency ref) {
        return new AgencyRefDto(ref.agencyId, ref.groupId);
    }

    static List<ComponentState> componentStates(Indicator indicator) {
        if (indicator.components == null || indicator.components.isBlank()) {
            return List.of();
        }
        return Arrays.asList(EventJson.read(indicator.components, ComponentState[].class));
    }

    static String componentsJson(List<ComponentDto> components) {
        List<ComponentState> states = new ArrayList<>();
        if (components != null) {
            components.forEach(c -> states.add(toState(c)));
        }
        return EventJson.write(states);
    }

    static List<Component> componentTree(Indicator indicator) {
        return componentStates(indicator).stream()
                .map(IndicatorMapper::toDomain)
                .toList();
    }

    static List<Component> toDomain(List<ComponentDto> components) {
        return components == null
                ? List.of()
                : components.stream().map(IndicatorMapper::toDomain).toList();
    }

    private static Component toDomain(ComponentDto dto) {
        if (dto == null) {
            return null;
        }
        return new Component(dto.code(), dto.name(), dto.maxPoints(), toDomain(dto.children()));
    }

    private static Component toDomain(ComponentState state) {
        List<Component> children = state.children() == null
                ? List.of()
                : state.children().stream().map(IndicatorMapper::toDomain).toList();
        return new Component(state.code(), state.name(), state.maxPoints(), children);
    }

    private static ComponentState toState(ComponentDto dto) {
        List<ComponentState> children = dto.children() == null
                ? List.of()
                : dto.children().stream().map(IndicatorMapper::toState).toList();
        return new ComponentState(dto.code(), dto.name(), dto.maxPoints(), children);
    }

    private static ComponentDto toDto(ComponentState state) {
        List<ComponentDto> children = state.children() == null
                ? List.of()
                : state.children().stream().map(IndicatorMapper::toDto).toList();
        BigDecimal max = state.maxPoints();
        return new ComponentDto(state.code(), state.name(), max, children);
    }
}
