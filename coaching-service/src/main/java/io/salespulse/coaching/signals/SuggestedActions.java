package io.salespulse.coaching.signals;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.SignalType;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a manager could do, in a coach's voice: ask about obstacles before numbers, recognise effort and wins. In
 * every language SalesPulse writes, from the bundles ({@code signal.action.<TYPE>}, the rep's name as argument).
 */
@Component
class SuggestedActions {

    private final MessageSource texts;

    SuggestedActions(MessageSource texts) {
        this.texts = texts;
    }

    Map<Language, String> of(SignalType type, String repName) {
        Object[] name = {repName == null ? "" : repName};
        Map<Language, String> actions = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            actions.put(language, texts.getMessage("signal.action." + type.name(), name, language.locale()));
        }
        return actions;
    }
}
