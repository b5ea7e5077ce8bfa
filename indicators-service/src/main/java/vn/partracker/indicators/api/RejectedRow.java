package vn.partracker.indicators.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One problem of one imported row.
 *
 * @param row the row number: 1-based position in a JSON array, the spreadsheet or CSV line number otherwise
 * @param field the field, as in a single submission
 * @param message what is wrong
 */
@Schema(name = "RejectedRow")
public record RejectedRow(int row, String field, String message) {}
