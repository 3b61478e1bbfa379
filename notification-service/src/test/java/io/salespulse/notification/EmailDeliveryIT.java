package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A big win told by email through a real SMTP server in the test (GreenMail): HTML and text parts, in French. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class EmailDeliveryIT {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    /**
     * A weekly digest time that is not today's (the clock is the real one): the weekly review, due on its day once its
     * time has passed, would otherwise reach these inboxes too on the day it falls (every Monday by default).
     */
    static String weeklyNotToday() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                        .plusDays(3)
                        .getDayOfWeek()
                        .name()
                        .substring(0, 3)
                + " 08:30";
    }

    @Test
    void aBigWinReachesTheManagersInboxInBothPartsInTheirLanguage() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + s;
        String manager = "camille-" + s;
        assertThat(Http.put(
                                "http://localhost:" + port + "/api/v1/managers/" + manager + "/preferences",
                                "{\"email\":\"camille@example.test\",\"locale\":\"fr\",\"timezone\":\"UTC\",\"minSeverity\":\"INFO\","
                                        + "\"digest\":{\"weekly\":\"" + weeklyNotToday() + "\"}}")
                        .status())
                .isEqualTo(200);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        KafkaProbe.publish(
                EventEnvelope.of(
                        "t-" + s,
                        "/t",
                        new TeamChanged(
                                team,
                                "Paris",
                                "Europe/Paris",
                                Language.fr,
                                List.of(manager),
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                at)),
                EventEnvelope.of(
                        "r-" + s,
                        "/t",
                        new RepChanged(
                                "ines-" + s,
                                "Inès",
                                team,
                                RepRole.AE,
                                Seniority.SENIOR,
                                LocalDate.parse("2022-01-10"),
                                Map.of(),
                                true,
                                at)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                        .body()
                        .contains("type=\"salespulse.rep.changed.v1\""));

        KafkaProbe.publish(EventEnvelope.of(
                "w-" + s,
                "/coaching-service",
                new SignalRaised(
                        "win-" + s,
                        SignalType.BIG_WIN,
                        SubjectKind.DEAL,
                        "d-" + s,
                        "ines-" + s,
                        team,
                        Severity.INFO,
                        List.of(Evidence.of("amount", new BigDecimal("90000"))),
                        Map.of(Language.fr, "Belle signature d'Inès <bravo> !", Language.en, "Big win for Inès!"),
                        Instant.now())));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Arrays.stream(SMTP.getReceivedMessages())
                        .anyMatch(m -> recipient(m).equals("camille@example.test")));
        MimeMessage message = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipient(m).equals("camille@example.test"))
                .findFirst()
                .orElseThrow();
        assertThat(message.getSubject()).isEqualTo("[SalesPulse] Belle signature d'Inès");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("camille@example.test");
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        String all = dump(multipart);
        assertThat(all).contains("text/plain", "text/html", "&lt;bravo&gt;", "Montant", "90\u202f000");
        tools.jackson.databind.JsonNode sent = Http.get(
                        "http://localhost:" + port + "/api/v1/managers/" + manager + "/notifications?status=SENT")
                .json();
        assertThat(sent).hasSize(1);
        // Its Message-ID is made from the delivery's id (EmailSenderTest: the same at every attempt), not drawn by
        // JavaMail.
        assertThat(message.getMessageID()).matches("<[A-Za-z0-9._-]+@salespulse>");
    }

    @Test
    void aDealAlertNamesTheDealAndLinksToItInItsCrmOnSlackTeamsAndEmail() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + s;
        String manager = "paul-" + s;
        String inbox = "paul-" + s + "@example.test";
        try (SlackRecorder slack = SlackRecorder.start();
                SlackRecorder teams = SlackRecorder.start()) {
            assertThat(Http.put(
                                    "http://localhost:" + port + "/api/v1/managers/" + manager + "/preferences",
                                    """
                    {"email":"%s","slackWebhookUrl":"http://127.0.0.1:%d/slack","teamsWebhookUrl":"http://127.0.0.1:%d/slack",
                     "locale":"en","timezone":"UTC","minSeverity":"INFO","digest":{"weekly":"%s"}}""".formatted(inbox, slack.port(), teams.port(), weeklyNotToday()))
                            .status())
                    .isEqualTo(200);
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            KafkaProbe.publish(
                    EventEnvelope.of(
                            "t-" + s,
                            "/t",
                            new TeamChanged(
                                    team,
                                    "Paris",
                                    "Europe/Paris",
                                    Language.en,
                                    List.of(manager),
                                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                    at)),
                    EventEnvelope.of(
                            "r-" + s,
                            "/t",
                            new RepChanged(
                                    "ines-" + s,
                                    "Inès",
                                    team,
                                    RepRole.AE,
                                    Seniority.SENIOR,
                                    LocalDate.parse("2022-01-10"),
                                    Map.of(),
                                    true,
                                    at)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                            .body()
                            .contains("type=\"salespulse.rep.changed.v1\""));

            DealSummary deal = new DealSummary(
                    "Globex renewal",
                    Money.of("90000", "USD"),
                    DealStage.WON,
                    null,
                    LocalDate.parse("2026-11-30"),
                    "https://crm.test/deals/" + s);
            KafkaProbe.publish(EventEnvelope.of(
                    "w-" + s,
                    "/coaching-service",
                    new SignalRaised(
                            "win-" + s,
                            SignalType.BIG_WIN,
                            SubjectKind.DEAL,
                            "hubspot-" + s,
                            "ines-" + s,
                            team,
                            Severity.INFO,
                            List.of(Evidence.of("amount", new BigDecimal("90000"))),
                            Map.of(Language.fr, "Belle signature !", Language.en, "Big win for Inès!"),
                            deal,
                            Instant.now())));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.bodies().size() == 1
                            && teams.bodies().size() == 1
                            && Arrays.stream(SMTP.getReceivedMessages())
                                    .anyMatch(m -> recipient(m).equals(inbox)));
            String crm = "https://crm.test/deals/" + s;
            assertThat(slack.bodies().get(0))
                    .contains(
                            "Big win for Inès: Globex renewal",
                            "\"url\":\"" + crm + "\"",
                            "Open in the CRM",
                            "90,000 USD");
            assertThat(teams.bodies().get(0)).contains("Big win for Inès: Globex renewal", "Action.OpenUrl", crm);
            MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(m -> recipient(m).equals(inbox))
                    .findFirst()
                    .orElseThrow();
            assertThat(mail.getSubject()).contains("Globex renewal");
            assertThat(dump((MimeMultipart) mail.getContent()))
                    .contains("href=\"" + crm + "\"", "Open in the CRM: " + crm);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dump(MimeMultipart multipart) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            out.append(part.getContentType()).append('\n');
            Object content = part.getContent();
            out.append(content instanceof MimeMultipart nested ? dump(nested) : String.valueOf(content))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * A rep's team pulse question (coaching-service's invitation) reaches the rep's own inbox, in its team's language,
     * with its link; a rep without an address is not written to, and counted.
     */
    @Test
    void aPulseQuestionReachesTheRepsInboxWithItsLinkAndARepWithoutAnAddressIsCounted() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "pulse-" + s;
        String lea = "lea-" + s;
        String hugo = "hugo-" + s;
        KafkaProbe.publish(
                io.salespulse.testsupport.OrgEvents.team(
                        team, "Lyon", "Europe/Paris", io.salespulse.contracts.org.Language.fr, java.util.List.of()),
                EventEnvelope.of(
                        "r-" + lea,
                        "/t",
                        new io.salespulse.contracts.org.RepChanged(
                                lea,
                                "Léa Martin",
                                team,
                                io.salespulse.contracts.org.RepRole.SDR,
                                io.salespulse.contracts.org.Seniority.JUNIOR,
                                java.time.LocalDate.parse("2025-01-06"),
                                java.util.Map.of(),
                                true,
                                "lea-" + s + "@example.test",
                                io.salespulse.testsupport.OrgEvents.AT)),
                io.salespulse.testsupport.OrgEvents.sdr(hugo, "Hugo Bernard", team));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get("http://localhost:" + port + "/api/v1/reps/" + hugo + "/celebrations")
                                .status()
                        == 200);
        double unsent =
                Http.scrapeSum("http://localhost:" + managementPort, "salespulse_pulse_invitations_unsent_total", "");
        Instant now = Instant.now();
        KafkaProbe.publish(
                EventEnvelope.of(
                        "inv-lea-" + s,
                        "/coaching-service/pulse",
                        new io.salespulse.contracts.pulse.PulseInvited(
                                "inv-lea-" + s,
                                "k3y-" + s,
                                lea,
                                team,
                                java.time.LocalDate.parse("2026-11-23"),
                                now.plus(Duration.ofDays(7)),
                                now)),
                EventEnvelope.of(
                        "inv-hugo-" + s,
                        "/coaching-service/pulse",
                        new io.salespulse.contracts.pulse.PulseInvited(
                                "inv-hugo-" + s,
                                "k3y-h-" + s,
                                hugo,
                                team,
                                java.time.LocalDate.parse("2026-11-23"),
                                now.plus(Duration.ofDays(7)),
                                now)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> java.util.Arrays.stream(SMTP.getReceivedMessages()).anyMatch(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("lea-" + s + "@example.test");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }));
        jakarta.mail.internet.MimeMessage mail = java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("lea-" + s + "@example.test");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Comment s'est passée ta semaine ?");
        String body = dump((MimeMultipart) mail.getContent());
        assertThat(body).contains("Bonjour Léa", "/pulse?i=inv-lea-" + s, "k=k3y-" + s, "anonymes");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.scrapeSum(
                                "http://localhost:" + managementPort, "salespulse_pulse_invitations_unsent_total", "")
                        >= unsent + 1);
    }
}
