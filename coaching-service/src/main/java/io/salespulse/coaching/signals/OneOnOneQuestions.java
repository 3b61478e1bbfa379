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

    /** The questions for the rep's stance ({@code signal.questions.<TYPE>.<STANCE>.<n>}) where there are some, else the general ones. */
    Map<Language, List<String>> of(SignalType type, Stance stance) {
        Map<Language, List<String>> questions = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            List<String> list = stance == null
                    ? List.of()
                    : numbered("signal.questions." + type.name() + "." + stance.name() + ".", language);
            questions.put(
                    language, list.isEmpty() ? numbered("signal.questions." + type.name() + ".", language) : list);
        }
        return questions;
    }

    private List<String> numbered(String prefix, Language language) {
        List<String> list = new ArrayList<>();
        for (int n = 1; ; n++) {
            String question = texts.getMessage(prefix + n, null, null, language.locale());
            if (question == null) {
                return List.copyOf(list);
            }
            list.add(question);
        }
    }
}
