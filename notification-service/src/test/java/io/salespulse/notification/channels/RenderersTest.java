package io.salespulse.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RenderersTest {

    static final Texts TEXTS = Texts.fromBundles(
            java.time.Clock.fixed(java.time.Instant.parse("2026-11-30T08:00:00Z"), java.time.ZoneOffset.UTC));
    static final MailTemplates MAIL = new MailTemplates(TEXTS);

    static final SignalRaised SIGNAL = new SignalRaised(
            "sig-1",
            SignalType.ACTIVITY_DROP,
            SubjectKind.REP,
            "lea",
            "lea",
            "team-paris",
            Severity.CRITICAL,
            List.of(Evidence.of("activityLastDays", 25), Evidence.of("ratio", new java.math.BigDecimal("0.2500"))),
            Map.of(
                    Language.fr,
                    "Prenez 15 minutes avec Léa <cette semaine>.",
                    Language.en,
                    "Take 15 minutes with Léa."),
            Instant.parse("2026-11-26T09:00:00Z"));

    private static Message fr() {
        return Message.of(SIGNAL, "Léa", Language.fr, "http://localhost:8080", TEXTS);
    }

    @Test
    void theOutgoingWebhookSignatureMatchesAVectorComputedIndependently() {
        // printf '%s' '1795686570.{"text":"hello"}' | openssl dgst -sha256 -hmac shh -hex
        assertThat(Renderers.signature("shh", 1795686570L, "{\"text\":\"hello\"}"))
                .isEqualTo("t=1795686570,v1=1fab4aec37e04b5cac2d7df4dda80c11b5398f66b8513d72fe29839b034718d5");
    }

    static final SignalRaised STALLED = new SignalRaised(
            "sig-3",
            SignalType.STALLED_DEAL,
            SubjectKind.DEAL,
            "hubspot-1234",
            "ines",
            "team-paris",
            Severity.WARNING,
            List.of(Evidence.of("daysInStage", 26), Evidence.of("threshold", 21)),
            Map.of(Language.fr, "Revoyez le prochain pas.", Language.en, "Go over the next step."),
            new io.salespulse.contracts.signal.DealSummary(
                    "Acme - licence annuelle",
                    io.salespulse.contracts.Money.of("24000", "EUR"),
                    io.salespulse.contracts.deal.DealStage.PROPOSAL,
                    26L,
                    java.time.LocalDate.parse("2026-12-19"),
                    "https://crm.test/deals/1234"),
            Instant.parse("2026-11-26T09:00:00Z"));

    @Test
    void aDealAlertNamesTheDealAndLinksToItInItsCrmOnEveryChannel() {
        Message fr = Message.of(STALLED, "Inès Moreau", Language.fr, "http://x", TEXTS);
        assertThat(fr.title()).isEqualTo("Affaire bloquée (Inès Moreau) : Acme - licence annuelle");
        assertThat(fr.facts())
                .extracting(Map.Entry::getKey)
                .startsWith("Montant", "Étape", "Signature prévue", "Jours dans l'étape");
        // Amounts and days as every page of the cockpit writes them.
        assertThat(fr.facts().get(0).getValue()).isEqualTo("24\u202f000 EUR");
        assertThat(fr.facts().get(1).getValue()).isEqualTo("Proposition");
        assertThat(fr.facts().get(2).getValue()).isEqualTo("sam. 19 déc.");
        Message en = Message.of(STALLED, "Inès Moreau", Language.en, "http://x", TEXTS);
        assertThat(en.title()).isEqualTo("Stalled deal (Inès Moreau): Acme - licence annuelle");
        assertThat(en.facts().get(0).getValue()).isEqualTo("24,000 EUR");

        JsonNode slack = EventCodec.mapper().readTree(Renderers.slack(en));
        assertThat(slack.get("text").asString()).isEqualTo(en.title());
        assertThat(slack.findValuesAsString("url"))
                .containsExactly("http://x/teams/team-paris/signals/sig-3", "https://crm.test/deals/1234");
        assertThat(slack.toString()).contains("Open in the CRM");
        JsonNode teams = EventCodec.mapper().readTree(Renderers.teams(fr));
        assertThat(teams.findValuesAsString("url")).contains("https://crm.test/deals/1234");
        assertThat(teams.toString()).contains("Ouvrir dans le CRM", "Acme - licence annuelle");
        Renderers.Email mail = MAIL.signal(fr);
        assertThat(mail.subject()).contains("Acme - licence annuelle");
        assertThat(mail.html()).contains("href=\"https://crm.test/deals/1234\"", "Ouvrir dans le CRM");
        assertThat(mail.text()).contains("Ouvrir dans le CRM: https://crm.test/deals/1234");
        assertThat(EventCodec.mapper()
                        .readTree(Renderers.webhook(en))
                        .get("crmLink")
                        .asString())
                .isEqualTo("https://crm.test/deals/1234");

        // In the daily digest (a deal alert is a warning: it waits for the digest), the stored message keeps the link.
        Message stored = Message.fromStored(fr.stored(), TEXTS);
        assertThat(stored.crmLink()).isEqualTo("https://crm.test/deals/1234");
        assertThat(Renderers.slackDigest("Digest", List.of(stored)))
                .contains("<https://crm.test/deals/1234|Ouvrir dans le CRM>");
        assertThat(Renderers.teamsDigest("Digest", List.of(stored)))
                .contains("[Ouvrir dans le CRM](https://crm.test/deals/1234)");
        assertThat(MAIL.digest(Language.fr, "Digest", List.of(stored)).html())
                .contains("href=\"https://crm.test/deals/1234\"");
    }

    @Test
    void aMilestoneSaysWhichOne() {
        SignalRaised achieved = new SignalRaised(
                "sig-2",
                SignalType.OBJECTIVE_ACHIEVED,
                SubjectKind.OBJECTIVE,
                "obj@150",
                "marc",
                "team-paris",
                Severity.INFO,
                List.of(Evidence.of("milestone", new java.math.BigDecimal("1.5"))),
                Map.of(),
                Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(Message.of(achieved, "Marc Petit", Language.fr, "http://x", TEXTS)
                        .title())
                .isEqualTo("Marc Petit atteint 150 % de son objectif");
        assertThat(Message.of(achieved, "Marc Petit", Language.en, "http://x", TEXTS)
                        .title())
                .isEqualTo("Marc Petit reached 150% of their objective");
    }

    @Test
    void slackMessageIsBlockKitWithHeaderFieldsSuggestionAndButton() {
        JsonNode slack = EventCodec.mapper().readTree(Renderers.slack(fr()));
        assertThat(slack.get("text").asString()).isEqualTo("Baisse d'activité de Léa");
        JsonNode blocks = slack.get("blocks");
        assertThat(blocks.findValuesAsString("type"))
                .contains("header", "section", "actions", "button", "plain_text", "mrkdwn");
        assertThat(blocks.get(0).get("text").get("type").asString()).isEqualTo("plain_text");
        assertThat(blocks.get(1).get("fields").get(0).get("text").asString())
                .isEqualTo("*Activité (5 derniers jours ouvrés)*\n25");
        assertThat(blocks.get(2).get("text").get("text").asString()).contains("&lt;cette semaine&gt;");
        assertThat(blocks.get(3).get("elements").get(0).get("url").asString())
                .isEqualTo("http://localhost:8080/teams/team-paris/signals/sig-1");
    }

    @Test
    void teamsMessageCarriesOneAdaptiveCard() {
        JsonNode teams = EventCodec.mapper()
                .readTree(Renderers.teams(Message.of(SIGNAL, "Léa", Language.en, "http://x", TEXTS)));
        assertThat(teams.get("type").asString()).isEqualTo("message");
        JsonNode attachment = teams.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asString()).isEqualTo("1.4");
        assertThat(card.get("body").get(0).get("text").asString()).isEqualTo("Léa's activity is dropping");
        assertThat(card.get("body").get(1).get("type").asString()).isEqualTo("FactSet");
        assertThat(card.get("body").get(1).get("facts").get(1).get("value").asString())
                .isEqualTo("25%");
        assertThat(card.get("actions").get(0).get("type").asString()).isEqualTo("Action.OpenUrl");
    }

    @Test
    void emailHasBothPartsAndEscapesHtml() {
        Renderers.Email email = MAIL.signal(fr());
        assertThat(email.subject()).isEqualTo("[SalesPulse] Baisse d'activité de Léa");
        assertThat(email.text())
                .contains(
                        "- Ratio: 25 %",
                        "<cette semaine>",
                        "Voir dans SalesPulse: http://localhost:8080/teams/team-paris/signals/sig-1");
        assertThat(email.html())
                .contains("&lt;cette semaine&gt;", "<a href=\"http://localhost:8080/teams/team-paris/signals/sig-1\">")
                .doesNotContain("<cette semaine>");
    }

    @Test
    void webhookSignatureIsVerifiableByTheReceiver() throws Exception {
        String body = Renderers.webhook(fr());
        String header = Renderers.signature("shh", 1_795_000_000L, body);
        assertThat(header).startsWith("t=1795000000,v1=");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("shh".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected =
                HexFormat.of().formatHex(mac.doFinal(("1795000000." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(header.substring(header.indexOf("v1=") + 3)).isEqualTo(expected);
        assertThat(EventCodec.mapper().readTree(body).get("severity").asString())
                .isEqualTo("CRITICAL");
    }
}
