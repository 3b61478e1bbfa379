package io.salespulse.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.org.Language;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WeeklyReportTest {

    static final Texts TEXTS = Texts.fromBundles(
            java.time.Clock.fixed(java.time.Instant.parse("2026-11-30T08:00:00Z"), java.time.ZoneOffset.UTC));
    static final MailTemplates MAIL = new MailTemplates(TEXTS);

    static final DailyActivity LAST = new DailyActivity(42, 10, 3600, 30, 3, 2, 2, 1, 0, 1, 0);
    static final DailyActivity BEFORE = new DailyActivity(35, 12, 4000, 30, 2, 2, 0, 1, 1, 0, 1);

    private static WeeklyReport report(Language language, List<String> open) {
        return WeeklyReport.of(
                language,
                LocalDate.parse("2026-11-23"),
                List.of(new WeeklyReport.RepWeeks("Léa", LAST, BEFORE)),
                List.of(new WeeklyReport.ObjectiveLine(
                        "Léa",
                        ObjectiveMetric.REVENUE_WON,
                        new BigDecimal("0.6234"),
                        new BigDecimal("0.9"),
                        ObjectiveStatus.AT_RISK)),
                open,
                List.of(),
                "http://app/teams/team-paris",
                TEXTS);
    }

    @Test
    void frenchReportComparesLastWeekWithTheOneBeforeAndTellsObjectivesSignalsAndRecognitions() {
        WeeklyReport fr = report(Language.fr, List.of("Baisse d'activité de Hugo (Critique)"));
        assertThat(fr.title()).isEqualTo("Revue hebdomadaire : semaine du lun. 23 nov.");
        assertThat(fr.sections())
                .extracting(WeeklyReport.Section::heading)
                .containsExactly(
                        "Activité de la semaine (écart avec la précédente)",
                        "Objectifs et rythme",
                        "Signaux ouverts",
                        "Réussites à saluer");
        assertThat(fr.sections().get(0).lines())
                .containsExactly("Léa : appels 42 (+7), décrochés 10 (−2), e-mails 30 (=), "
                        + "RDV pris 3 (+1), RDV tenus 2 (+2), affaires créées 1 (=), affaires gagnées 1 (+1)");
        assertThat(fr.sections().get(1).lines())
                .containsExactly("Léa · chiffre d'affaires signé : 62 % atteint, rythme 90 % — à risque");
        assertThat(fr.sections().get(2).lines()).containsExactly("Baisse d'activité de Hugo (Critique)");
        assertThat(fr.sections().get(3).lines()).containsExactly("Aucun");
    }

    @Test
    void englishReport() {
        WeeklyReport en = report(Language.en, List.of());
        assertThat(en.title()).isEqualTo("Weekly review: week of Mon 23 Nov");
        assertThat(en.sections().get(0).lines().get(0)).startsWith("Léa: calls 42 (+7), connected 10 (−2)");
        assertThat(en.sections().get(1).lines()).containsExactly("Léa · revenue won: 62% attained, pace 90% — at risk");
        assertThat(en.sections().get(2).lines()).containsExactly("None");
    }

    @Test
    void everyChannelRendersTheReport() {
        WeeklyReport fr = report(Language.fr, List.of("<b>x</b>"));
        JsonNode slack = EventCodec.mapper().readTree(Renderers.slack(fr));
        assertThat(slack.get("text").asString()).isEqualTo(fr.title());
        assertThat(slack.get("blocks").get(0).get("type").asString()).isEqualTo("header");
        assertThat(slack.get("blocks").get(1).get("text").get("text").asString())
                .startsWith("*Activité de la semaine (écart avec la précédente)*\n• Léa : appels 42 (+7)");
        assertThat(slack.get("blocks").get(3).get("text").get("text").asString())
                .contains("&lt;b&gt;x&lt;/b&gt;");
        assertThat(slack.get("blocks").get(5).get("elements").get(0).get("url").asString())
                .isEqualTo("http://app/teams/team-paris");

        JsonNode card = EventCodec.mapper()
                .readTree(Renderers.teams(fr))
                .get("attachments")
                .get(0)
                .get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("body")).hasSize(9);
        assertThat(card.get("actions").get(0).get("type").asString()).isEqualTo("Action.OpenUrl");

        Renderers.Email email = MAIL.weekly(fr);
        assertThat(email.subject()).isEqualTo("[SalesPulse] Revue hebdomadaire : semaine du lun. 23 nov.");
        assertThat(email.text()).contains("Objectifs et rythme\n- Léa · chiffre d'affaires signé : 62 % atteint");
        assertThat(email.html()).contains("<h3>Signaux ouverts</h3><ul><li>&lt;b&gt;x&lt;/b&gt;</li></ul>");

        JsonNode hook = EventCodec.mapper().readTree(Renderers.webhook(fr));
        assertThat(hook.get("sections").get(1).get("lines").get(0).asString())
                .startsWith("Léa · chiffre d'affaires signé");
    }

    @Test
    void aLongSectionIsSplitUnderSlacksLimit() {
        List<WeeklyReport.RepWeeks> reps = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            reps.add(new WeeklyReport.RepWeeks("Rep " + i, LAST, BEFORE));
        }
        WeeklyReport big = WeeklyReport.of(
                Language.en, LocalDate.parse("2026-11-23"), reps, List.of(), List.of(), List.of(), "http://app", TEXTS);
        for (JsonNode block : EventCodec.mapper().readTree(Renderers.slack(big)).get("blocks")) {
            if (block.has("text") && block.get("text").has("text")) {
                assertThat(block.get("text").get("text").asString().length()).isLessThanOrEqualTo(3000);
            }
        }
    }

    @Test
    void aTeamWhoseReviewHasNotComeSaysSoInEachPipelineSection() {
        List<WeeklyReport.Section> sections =
                PipelineSections.of(Language.en, List.of(), List.of("Paris"), id -> id, TEXTS);
        assertThat(sections)
                .extracting(WeeklyReport.Section::heading)
                .containsExactly(
                        "Pipeline last week",
                        "Forecast this quarter",
                        "Funnel last week (conversion: connected calls among the calls, deals won among the deals created that week, won since; the week before)",
                        "Expected to close this week",
                        "Past their close date");
        assertThat(sections.get(0).lines()).containsExactly("Pipeline figures not available yet");
        assertThat(sections.get(3).lines()).containsExactly("None");
    }
}
