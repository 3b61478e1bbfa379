package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.CoachingClient;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Words for what the services send as codes: signal types, evidence names, severities, in the page's language. */
@Component("labels")
public class Labels {

    private final MessageSource texts;

    Labels(MessageSource texts) {
        this.texts = texts;
    }

    public String signalTitle(String type, String who, Locale locale) {
        return texts.getMessage("signal.title." + type, new Object[] {who}, type, locale);
    }

    /** A signal's title, naming the deal of a deal signal. */
    public String signalTitle(CoachingClient.Signal signal, String who, Locale locale) {
        String title = signalTitle(signal.type().name(), who, locale);
        return signal.deal() != null && signal.deal().name() != null
                ? word("signal.title.with-deal", locale, title, signal.deal().name())
                : title;
    }

    /** A word the bundles hold, or the key's last part when none does. */
    public String word(String key, Locale locale) {
        return texts.getMessage(key, null, key.substring(key.lastIndexOf('.') + 1), locale);
    }

    /** A message of the bundles with its arguments. */
    public String word(String key, Locale locale, Object... arguments) {
        return texts.getMessage(key, arguments, locale);
    }

    /**
     * A service's refused fields in the user's words: each field's {@code field.error.<field>} of the bundles (what the
     * field needs, the indexes of a list left out: {@code actionItems[1].due} is {@code actionItems.due}), the
     * service's own message (English, for the API) only where the bundles have none.
     */
    public Map<String, String> fieldErrors(Map<String, String> refused) {
        return fieldErrors(refused, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** {@link #fieldErrors(Map)} in a language. */
    public Map<String, String> fieldErrors(Map<String, String> refused, Locale locale) {
        Map<String, String> words = new java.util.LinkedHashMap<>();
        refused.forEach((field, message) -> words.put(
                field, texts.getMessage("field.error." + field.replaceAll("\\[\\d+]", ""), null, message, locale)));
        return words;
    }

    public String evidence(String name, Locale locale) {
        return texts.getMessage("evidence." + name, null, name, locale);
    }
}
