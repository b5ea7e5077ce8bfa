package vn.partracker.events.payload;

import java.math.BigDecimal;
import java.util.List;

/** A node of a composite index (PAR INDEX: assessed 61.5 + impact 38.5 …). */
public record ComponentState(String code, String name, BigDecimal maxPoints, List<ComponentState> children) {}
