package io.salespulse.contracts.org;

/** The languages SalesPulse writes in. JSON form: {@code "fr"}, {@code "en"}. */
public enum Language {
    fr,
    en
}
