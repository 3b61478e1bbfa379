package io.salespulse.contracts.org;

import java.util.Locale;

/**
 * The languages SalesPulse writes in. JSON form: {@code "fr"}, {@code "en"}. Adding one means adding its message
 * bundles ({@code messages_<code>.properties}) to the services that write texts.
 */
public enum Language {
    fr,
    en;

    /** The locale the bundles are read in. */
    public Locale locale() {
        return Locale.forLanguageTag(name());
    }
}
