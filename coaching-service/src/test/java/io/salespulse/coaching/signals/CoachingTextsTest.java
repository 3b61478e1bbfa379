package io.salespulse.coaching.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.texts.Bundles;
import io.salespulse.testsupport.BundleCheck;
import org.junit.jupiter.api.Test;

/** The coaching texts come from the bundles, complete in every language, for every signal type. */
class CoachingTextsTest {

    private final SuggestedActions actions = new SuggestedActions(Bundles.messageSource());
    private final OneOnOneQuestions questions = new OneOnOneQuestions(Bundles.messageSource());

    @Test
    void theBundlesAreCompleteInEveryLanguage() {
        assertThat(BundleCheck.problems()).isEmpty();
        assertThat(BundleCheck.bundles().keySet()).containsExactly("", "fr");
    }

    @Test
    void everySignalTypeHasAnActionInEveryLanguageAndEveryWarningItsQuestions() {
        for (SignalType type : SignalType.values()) {
            for (Language language : Language.values()) {
                assertThat(actions.of(type, "Léa").get(language)).as(type + " " + language).contains("Léa");
                if (type.isPositive()) {
                    assertThat(questions.of(type).get(language)).as(type + " " + language).isEmpty();
                } else {
                    assertThat(questions.of(type).get(language)).as(type + " " + language).isNotEmpty();
                }
            }
            assertThat(questions.of(type).get(Language.fr)).hasSameSizeAs(questions.of(type).get(Language.en));
        }
    }

    @Test
    void textsReadAsWritten() {
        assertThat(actions.of(SignalType.BIG_WIN, "Léa")).containsEntry(Language.fr,
                "Belle signature de Léa ! Reconnaissez-la devant l'équipe et faites partager comment elle a été gagnée.")
                .containsEntry(Language.en, "A big win for Léa! Recognise it in front of the team and have them share how it was won.");
        assertThat(actions.of(SignalType.CONNECT_RATE_DROP, "Hugo").get(Language.en)).startsWith("Hugo's connect rate is falling");
        assertThat(questions.of(SignalType.SILENCE).get(Language.fr)).containsExactly("Comment vas-tu ?",
                "Y a-t-il quelque chose qui te bloque ou te pèse ?");
    }
}
