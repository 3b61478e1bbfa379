package io.salespulse.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.testsupport.BundleCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every text a manager reads comes from the bundles, complete in every language; emails from the templates. */
class NotificationTextsTest {

    static final Texts TEXTS = Texts.fromBundles(
            java.time.Clock.fixed(java.time.Instant.parse("2026-11-30T08:00:00Z"), java.time.ZoneOffset.UTC));
    static final MailTemplates MAIL = new MailTemplates(TEXTS);

    @Test
    void theBundlesAreCompleteInEveryLanguage() {
        assertThat(BundleCheck.problems()).isEmpty();
        assertThat(BundleCheck.bundles().keySet()).containsExactly("", "fr");
    }

    @Test
    void everySignalTypeObjectiveMetricAndStatusIsWordedInEveryLanguage() {
        for (Language language : Language.values()) {
            for (SignalType type : SignalType.values()) {
                assertThat(TEXTS.title(type, "Léa", language))
                        .as(type + " " + language)
                        .contains("Léa");
            }
            for (ObjectiveMetric metric : ObjectiveMetric.values()) {
                assertThat(TEXTS.get(language, "objective.metric." + metric)).isNotBlank();
            }
            for (ObjectiveStatus status : ObjectiveStatus.values()) {
                assertThat(TEXTS.get(language, "objective.status." + status)).isNotBlank();
            }
        }
    }

    @Test
    void apostrophesAndArgumentsReadAsWritten() {
        assertThat(TEXTS.title(SignalType.ACTIVITY_DROP, "Léa", Language.fr)).isEqualTo("Baisse d'activité de Léa");
        assertThat(TEXTS.title(SignalType.ACTIVITY_DROP, "Léa", Language.en)).isEqualTo("Léa's activity is dropping");
        // Plurals by count, and French elision before a vowel, whatever the name.
        assertThat(TEXTS.get(Language.fr, "digest.daily.title", 2)).isEqualTo("Votre point du jour : 2 signaux");
        assertThat(TEXTS.get(Language.en, "digest.daily.title", 1)).isEqualTo("Your daily digest: 1 signal");
        assertThat(TEXTS.title(SignalType.PERSONAL_BEST, "Inès", Language.fr)).isEqualTo("Record personnel d'Inès");
        assertThat(TEXTS.title(SignalType.PERSONAL_BEST, "Hugo", Language.fr)).isEqualTo("Record personnel de Hugo");
        // A figure no bundle names keeps its own name.
        assertThat(TEXTS.getOr(Language.fr, "evidence.somethingNew", "somethingNew"))
                .isEqualTo("somethingNew");
    }

    @Test
    void aSignalsEmailHasItsTextPartLaidOutFromTheTemplate() {
        Renderers.Email email = MAIL.signal(Message.of(RenderersTest.SIGNAL, "Léa", Language.en, "http://app", TEXTS));
        assertThat(email.subject()).isEqualTo("[SalesPulse] Léa's activity is dropping");
        assertThat(email.text()).isEqualTo("""
                Léa's activity is dropping

                - Activity (last 5 working days): 25
                - Ratio: 25%

                Take 15 minutes with Léa.

                Open in SalesPulse: http://app/teams/team-paris/signals/sig-1
                """);
        assertThat(email.html())
                .contains("<html lang=\"en\">", "<th align=\"left\">Activity (last 5 working days)</th><td>25</td>");
    }

    @Test
    void theDigestsEmailListsItsSignals() {
        Message one = Message.of(RenderersTest.SIGNAL, "Léa", Language.fr, "http://app", TEXTS);
        Renderers.Email email = MAIL.digest(Language.fr, TEXTS.get(Language.fr, "digest.daily.title", 1), List.of(one));
        assertThat(email.subject()).isEqualTo("[SalesPulse] Votre point du jour : 1 signal");
        assertThat(email.text()).isEqualTo("""
                Votre point du jour : 1 signal

                - Baisse d'activité de Léa: Prenez 15 minutes avec Léa <cette semaine>. (http://app/teams/team-paris/signals/sig-1)
                """);
        assertThat(email.html())
                .contains("<b>Baisse d&#39;activité de Léa</b>", "&lt;cette semaine&gt;", "Voir dans SalesPulse");
    }
}
