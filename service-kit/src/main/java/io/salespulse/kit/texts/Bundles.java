package io.salespulse.kit.texts;

import io.salespulse.contracts.texts.French;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * How a service reads its user-facing texts: {@code messages.properties} (English, the default) and one
 * {@code messages_<language>.properties} per other language, in UTF-8, then the shared {@code contract-texts} bundles
 * of event-contracts (the words for signal types, evidence, objective metrics and statuses). Every message goes through
 * {@link java.text.MessageFormat}, with or without arguments, so an apostrophe is always written {@code ''}; a missing
 * language falls back to the default bundle, never to the machine's locale. A French message is elided once formatted
 * ({@link French#elide}: "de {0}" with Inès reads "d'Inès"); plurals are {@code choice} formats in the bundles.
 */
public final class Bundles {

    public static final String BASENAME = "messages";
    /** The words for what the contracts name (signal titles, evidence, objective metrics and statuses), in event-contracts. */
    public static final String CONTRACT_TEXTS = "contract-texts";

    private Bundles() {}

    /** The message source every service registers (and unit tests build directly). */
    public static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource() {
            @Override
            protected String getMessageInternal(String code, Object[] args, Locale locale) {
                return French.in(locale, super.getMessageInternal(code, args, locale));
            }
        };
        source.setBasenames(BASENAME, CONTRACT_TEXTS);
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
