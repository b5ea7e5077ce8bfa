package vn.partracker.plans.domain;

import java.time.LocalDate;

/**
 * One "Căn cứ" of a plan: a higher document it is based on.
 *
 * @param number document number, e.g. "01/NQ-CP"
 * @param issuedOn date of the document
 * @param issuer who issued it, e.g. "Chính phủ"
 * @param title what it is about
 */
public record LegalBasis(String number, LocalDate issuedOn, String issuer, String title) {}
