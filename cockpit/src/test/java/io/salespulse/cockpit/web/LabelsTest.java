package io.salespulse.cockpit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cockpit's words as its message source gives them: plurals, French elision, refused fields. */
class LabelsTest {

    private final Labels labels = new Labels(new WebConfig(null, null).messageSource());

    @Test
    void frenchTextsAreElidedAndPluralsFollowTheCount() {
        assertThat(labels.word("team.repLink", Locale.FRENCH, "Inès Moreau")).isEqualTo("Page d'Inès Moreau");
        assertThat(labels.word("team.repLink", Locale.FRENCH, "Léa Martin")).isEqualTo("Page de Léa Martin");
        assertThat(labels.word("team.repLink", Locale.ENGLISH, "Noah Williams")).isEqualTo("Noah Williams's page");
        assertThat(labels.word("review.tally", Locale.FRENCH, 1, "5 000 EUR")).isEqualTo("1 affaire, 5 000 EUR");
        assertThat(labels.word("review.tally", Locale.FRENCH, 3, "5 000 EUR")).isEqualTo("3 affaires, 5 000 EUR");
        assertThat(labels.word("review.tally", Locale.ENGLISH, 0, "—")).isEqualTo("no deal, —");
        assertThat(labels.word("team.moreSignals", Locale.FRENCH, 2)).isEqualTo("2 autres");
    }

    @Test
    void howLongAgoIsSaidAsPeopleSayIt() {
        java.time.Instant now = java.time.Instant.parse("2026-12-09T10:00:00Z");
        java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
        assertThat(Figures.ago(now.minusSeconds(20), now, paris, labels, Locale.FRENCH))
                .isEqualTo("à l'instant");
        assertThat(Figures.ago(now.minusSeconds(300), now, paris, labels, Locale.FRENCH))
                .isEqualTo("il y a 5 min");
        assertThat(Figures.ago(now.minusSeconds(3 * 3600), now, paris, labels, Locale.ENGLISH))
                .isEqualTo("3 h ago");
        assertThat(Figures.ago(now.minusSeconds(26 * 3600), now, paris, labels, Locale.FRENCH))
                .isEqualTo("il y a 1 jour");
        assertThat(Figures.ago(now.minusSeconds(50 * 3600), now, paris, labels, Locale.ENGLISH))
                .isEqualTo("2 days ago");
        // A week or more: the day it was, in the team's zone.
        assertThat(Figures.ago(java.time.Instant.parse("2026-11-30T23:30:00Z"), now, paris, labels, Locale.FRENCH))
                .isEqualTo("mar. 1 déc.");
    }

    @Test
    void aRefusedFieldIsExplainedInTheUsersLanguageWhateverTheServiceSaid() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("periodEnd", "must not be before periodStart");
        refused.put("actionItems[1].due", "has a value of the wrong shape");
        refused.put("somethingNew", "is not allowed");
        assertThat(labels.fieldErrors(refused, Locale.FRENCH))
                .containsEntry("periodEnd", "Saisissez le dernier jour : le premier jour ou après.")
                .containsEntry("actionItems[1].due", "Saisissez la date d'échéance.")
                // A field the bundles do not know keeps the service's words rather than nothing.
                .containsEntry("somethingNew", "is not allowed");
    }
}
