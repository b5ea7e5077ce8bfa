package vn.partracker.indicators.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partracker.support.problem.FieldError;

/**
 * The answer of {@code POST /api/indicators/import}: the indicators created, or with {@code dryRun} whether the
 * document is valid and every problem found.
 */
@Schema(name = "IndicatorImportResult")
public record IndicatorImportResult(
        UUID planId,
        boolean dryRun,
        boolean valid,
        int count,
        List<FieldError> problems,
        List<IndicatorResponse> indicators) {}
