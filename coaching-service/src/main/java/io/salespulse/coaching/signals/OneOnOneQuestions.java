package io.salespulse.coaching.signals;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.SignalType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Open questions for the 1:1, per weak signal: obstacles before numbers. In every language SalesPulse writes, from
 * the bundles ({@code signal.questions.<TYPE>.1}, {@code .2}…); a recognition has none.
 */
@Component
class OneOnOneQuestions {

    private final MessageSource texts;

    OneOnOneQuestions(MessageSource texts) {
        this.texts = texts;
    }

    Map<Language, List<String>> of(SignalType type) {
        Map<Language, List<String>> questions = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            List<String> list = new ArrayList<>();
            for (int n = 1; ; n++) {
                String question = texts.getMessage("signal.questions." + type.name() + "." + n, null, null, language.locale());
                if (question == null) {
                    break;
                }
                list.add(question);
            }
            questions.put(language, List.copyOf(list));
        }
        return questions;
    }
}
