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
    void everySignalTypeHasAnActionInEveryLanguageAndEveryWarningItsQuestionsForEveryStance() {
        java.util.List<Stance> stances = new java.util.ArrayList<>(java.util.Arrays.asList(Stance.values()));
        stances.add(null);
        for (SignalType type : SignalType.values()) {
            for (Stance stance : stances) {
                for (Language language : Language.values()) {
                    assertThat(actions.of(type, "Léa", stance).get(language))
                            .as(type + " " + stance + " " + language)
                            .contains("Léa");
                    if (type.isPositive()) {
                        assertThat(questions.of(type, stance).get(language))
                                .as(type + " " + language)
                                .isEmpty();
                    } else {
                        assertThat(questions.of(type, stance).get(language))
                                .as(type + " " + language)
                                .isNotEmpty();
                    }
                }
                assertThat(questions.of(type, stance).get(Language.fr))
                        .hasSameSizeAs(questions.of(type, stance).get(Language.en));
            }
        }
    }

    @Test
    void juniorsSeniorsAndRepsInOnboardingAreLedDifferentlyInBothLanguages() {
        for (SignalType type :
                java.util.List.of(SignalType.ACTIVITY_DROP, SignalType.SILENCE, SignalType.OBJECTIVE_AT_RISK)) {
            for (Language language : Language.values()) {
                String junior = actions.of(type, "Léa", Stance.JUNIOR).get(language);
                String senior = actions.of(type, "Léa", Stance.SENIOR).get(language);
                String onboarding = actions.of(type, "Léa", Stance.ONBOARDING).get(language);
                assertThat(java.util.Set.of(junior, senior, onboarding))
                        .as(type + " " + language)
                        .hasSize(3);
                assertThat(questions.of(type, Stance.JUNIOR).get(language))
                        .as(type + " " + language)
                        .isNotEqualTo(questions.of(type, Stance.SENIOR).get(language));
            }
        }
        assertThat(actions.of(SignalType.ACTIVITY_DROP, "Léa", Stance.JUNIOR).get(Language.en))
                .contains("daily check-in");
        assertThat(actions.of(SignalType.ACTIVITY_DROP, "Hugo", Stance.SENIOR).get(Language.fr))
                .contains("proposez votre appui");
        assertThat(actions.of(SignalType.ACTIVITY_DROP, "Marc", Stance.ONBOARDING)
                        .get(Language.fr))
                .contains("premiers rendez-vous");
        // A stance without words of its own keeps the general ones.
        assertThat(actions.of(SignalType.BIG_WIN, "Léa", Stance.JUNIOR))
                .isEqualTo(actions.of(SignalType.BIG_WIN, "Léa", null));
    }

    @Test
    void aRepIsInOnboardingForItsFirstMonthsThenLedByItsSeniority() {
        java.time.LocalDate today = java.time.LocalDate.parse("2026-11-27");
        java.time.Duration ninetyDays = java.time.Duration.ofDays(90);
        io.salespulse.contracts.org.RepChanged marc = new io.salespulse.contracts.org.RepChanged(
                "ae-marc",
                "Marc",
                "t",
                io.salespulse.contracts.org.RepRole.AE,
                io.salespulse.contracts.org.Seniority.JUNIOR,
                java.time.LocalDate.parse("2026-09-01"),
                java.util.Map.of(),
                true,
                null);
        assertThat(Stance.of(marc, today, ninetyDays)).isEqualTo(Stance.ONBOARDING);
        assertThat(Stance.of(marc, java.time.LocalDate.parse("2026-11-30"), ninetyDays))
                .isEqualTo(Stance.JUNIOR);
        io.salespulse.contracts.org.RepChanged hugo = new io.salespulse.contracts.org.RepChanged(
                "sdr-hugo",
                "Hugo",
                "t",
                io.salespulse.contracts.org.RepRole.SDR,
                io.salespulse.contracts.org.Seniority.SENIOR,
                null,
                java.util.Map.of(),
                true,
                null);
        assertThat(Stance.of(hugo, today, ninetyDays)).isEqualTo(Stance.SENIOR);
        assertThat(Stance.of(null, today, ninetyDays)).isNull();
    }

    @Test
    void textsReadAsWritten() {
        assertThat(actions.of(SignalType.BIG_WIN, "Léa", null))
                .containsEntry(
                        Language.fr,
                        "Belle signature de Léa ! Reconnaissez-la devant l'équipe et faites partager comment elle a été gagnée.")
                .containsEntry(
                        Language.en,
                        "A big win for Léa! Recognise it in front of the team and have them share how it was won.");
        assertThat(actions.of(SignalType.CONNECT_RATE_DROP, "Hugo", null).get(Language.en))
                .startsWith("Hugo's connect rate is falling");
        assertThat(questions.of(SignalType.SILENCE, null).get(Language.fr))
                .containsExactly("Comment vas-tu ?", "Y a-t-il quelque chose qui te bloque ou te pèse ?");
    }
}
