package io.salespulse.coaching.signals;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.SignalType;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a manager could do, in a coach's voice: ask about obstacles before numbers, recognise effort and wins; lead a
 * rep in onboarding, a junior and a senior differently ({@link Stance}). In every language SalesPulse writes, from the
 * bundles ({@code signal.action.<TYPE>[.<STANCE>]}, the rep's name as argument).
 */
@Component
class SuggestedActions {

    private final MessageSource texts;

    SuggestedActions(MessageSource texts) {
        this.texts = texts;
    }

    /**
     * The suggestion for a signal, in the words for the rep's stance ({@code signal.action.<TYPE>.<STANCE>}) where the
     * bundles have them, else the general ones.
     */
    Map<Language, String> of(SignalType type, String repName, Stance stance) {
        Object[] name = {repName == null ? "" : repName};
        Map<Language, String> actions = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            // No default message for the stance's words: a default would be formatted a second time.
            String situational = stance == null
                    ? null
                    : texts.getMessage(
                            "signal.action." + type.name() + "." + stance.name(), name, null, language.locale());
            actions.put(
                    language,
                    situational != null
                            ? situational
                            : texts.getMessage("signal.action." + type.name(), name, language.locale()));
        }
        return actions;
    }
}
