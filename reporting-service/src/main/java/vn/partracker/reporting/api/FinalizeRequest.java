package vn.partracker.reporting.api;

/**
 * The optional body of a finalization. It carries nothing: who finalized is the bearer token's subject, never a
 * field the client fills in, so the former {@code finalizedBy} is refused as an unknown field instead of being
 * silently trusted or ignored.
 */
public record FinalizeRequest() {}
