package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.deal.CloseDateDirection;
import io.salespulse.contracts.deal.DealCloseDateMoved;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.TeamRules;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Deal signals as a manager needs them: each names its deal (name, amount, stage, days in it, close date) and links to
 * it in its CRM; an open deal past its close date is flagged until the date moves; and the team's own rotting days
 * (roster API, carried by {@link TeamChanged}) decide when a deal is stalled, judged again as soon as they change.
 * "Now" is Friday 2026-11-27 12:00 UTC.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.crm.deal-links.hubspot=https://crm.test/deals/{id}")
@RealInfrastructure
@org.springframework.context.annotation.Import(SignalsIT.FixedClock.class)
class DealSignalsIT {

    static final Instant NOW = SignalsIT.NOW;
    static final EnumSet<DayOfWeek> WEEK = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @LocalServerPort
    int port;

    @Autowired
    CoachingFactsStore facts;

    final String s = UUID.randomUUID().toString().substring(0, 8);
    final String team = "team-" + s;
    final String rep = "ines-" + s;
    final String deal = "hubspot-" + s;

    private static EventEnvelope e(String id, io.salespulse.contracts.SalesPulseEvent data) {
        return EventEnvelope.of(id, "/test", data);
    }

    private JsonNode signals(String query) {
        return Http.get("http://localhost:" + port + "/api/v1/teams/" + team + "/signals" + query)
                .json();
    }

    private TeamChanged team(TeamRules rules, int minute) {
        return new TeamChanged(
                team,
                "Paris",
                "Europe/Paris",
                Language.fr,
                List.of("mgr"),
                WEEK,
                null,
                rules,
                NOW.minusSeconds(3600).plusSeconds(minute * 60L));
    }

    @Test
    void dealSignalsNameTheDealLinkToItAndFollowTheTeamsThresholds() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        KafkaProbe.publish(
                e("t-" + s, team(null, 0)),
                e(
                        "r-" + s,
                        new RepChanged(
                                rep,
                                "Inès Moreau",
                                team,
                                RepRole.AE,
                                Seniority.SENIOR,
                                LocalDate.parse("2025-01-06"),
                                Map.of(),
                                true,
                                at)));
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> Http.get("http://localhost:" + port + "/api/v1/reps/" + rep + "/one-on-one")
                                .status()
                        == 200);

        try (KafkaProbe signalsTopic = KafkaProbe.reading(Topics.SIGNALS)) {
            // In PROPOSAL for 16 days (more than the default 14), expected to close on Tuesday 24th: both stalled and
            // past.
            KafkaProbe.publish(e(
                    "c-" + s,
                    new DealCreated(
                            deal,
                            rep,
                            "Acme - annual licence",
                            DealStage.PROPOSAL,
                            Money.of("24000", "EUR"),
                            LocalDate.parse("2026-11-24"),
                            NOW.minus(Duration.ofDays(16)))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(signals("?status=OPEN&type=STALLED_DEAL")).hasSize(1);
                assertThat(signals("?status=OPEN&type=CLOSE_DATE_PASSED")).hasSize(1);
            });
            JsonNode stalled = signals("?status=OPEN&type=STALLED_DEAL").get(0);
            assertThat(stalled.get("deal").get("name").asString()).isEqualTo("Acme - annual licence");
            assertThat(stalled.get("deal").get("crmUrl").asString()).isEqualTo("https://crm.test/deals/" + s);
            assertThat(stalled.get("evidence").toString()).contains("\"threshold\"", "14");
            assertThat(signals("?status=OPEN&type=CLOSE_DATE_PASSED")
                            .get(0)
                            .get("evidence")
                            .toString())
                    .contains("\"daysPastCloseDate\"", "3");

            SignalRaised raised = signalsTopic
                    .awaitEvents(
                            ev -> ev.data() instanceof SignalRaised r
                                    && r.type() == SignalType.STALLED_DEAL
                                    && deal.equals(r.subjectId()),
                            1,
                            Duration.ofSeconds(30))
                    .get(0)
                    .dataAs(SignalRaised.class);
            DealSummary summary = raised.deal();
            assertThat(summary.name()).isEqualTo("Acme - annual licence");
            assertThat(summary.amount().amount()).isEqualByComparingTo("24000");
            assertThat(summary.stage()).isEqualTo(DealStage.PROPOSAL);
            assertThat(summary.daysInStage()).isEqualTo(16);
            assertThat(summary.expectedCloseDate()).isEqualTo(LocalDate.parse("2026-11-24"));
            assertThat(summary.crmUrl()).isEqualTo("https://crm.test/deals/" + s);

            // The team gives PROPOSAL 20 days: 16 is within them, the deal is no longer stalled.
            KafkaProbe.publish(e(
                    "t2-" + s,
                    team(new TeamRules(Map.of(DealStage.PROPOSAL, 20), null, null, null, null, null, null, null), 1)));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(signals("?status=RESOLVED&type=STALLED_DEAL"))
                            .hasSize(1));
            // Then 10 days: stalled again, against the team's threshold.
            KafkaProbe.publish(e(
                    "t3-" + s,
                    team(new TeamRules(Map.of(DealStage.PROPOSAL, 10), null, null, null, null, null, null, null), 2)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(signals("?status=OPEN&type=STALLED_DEAL")).hasSize(1);
                assertThat(signals("?status=OPEN&type=STALLED_DEAL")
                                .get(0)
                                .get("evidence")
                                .toString())
                        .contains("\"threshold\"", "10");
            });

            // The rep sets a new close date: the past one is resolved.
            KafkaProbe.publish(e(
                    "m-" + s,
                    new DealCloseDateMoved(
                            deal,
                            rep,
                            LocalDate.parse("2026-11-24"),
                            LocalDate.parse("2026-12-15"),
                            CloseDateDirection.PUSHED,
                            1,
                            NOW.minusSeconds(60))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(signals("?status=OPEN&type=CLOSE_DATE_PASSED")).isEmpty();
                assertThat(signals("?status=RESOLVED&type=CLOSE_DATE_PASSED")).hasSize(1);
            });
        }
    }

    /**
     * The org and deals topics are not ordered together: a backfill started right after its reps were created can reach
     * coaching-service before they do. Four wins recorded while their owner is unknown still count in the team's
     * big-win sample once the owner's team is known, and the next, larger win is recognised.
     */
    @Test
    void winsRecordedBeforeTheirOwnersTeamIsKnownCountTowardsABigWin() {
        String late = "late-" + s;
        for (int n = 0; n < 4; n++) {
            KafkaProbe.publish(e(
                    "w" + n + "-" + s,
                    new DealWon(
                            "won-" + n + "-" + s,
                            late,
                            Money.of(String.valueOf(10000 + n * 1000), "EUR"),
                            NOW.minus(Duration.ofDays(40 + n)),
                            NOW.minus(Duration.ofDays(20 + n)))));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> facts.ownerOf("won-3-" + s).isPresent());
        assertThat(facts.wonAmounts(team, "EUR", NOW.minus(Duration.ofDays(90)), NOW, null))
                .isEmpty();

        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        KafkaProbe.publish(
                e("t-" + s, team(null, 0)),
                e(
                        "r-" + s,
                        new RepChanged(
                                late,
                                "Paul Girard",
                                team,
                                RepRole.AE,
                                Seniority.SENIOR,
                                LocalDate.parse("2024-03-04"),
                                Map.of(),
                                true,
                                at)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(facts.wonAmounts(team, "EUR", NOW.minus(Duration.ofDays(90)), NOW, null))
                                .hasSize(4));

        KafkaProbe.publish(e(
                "big-" + s,
                new DealWon(
                        "big-" + s,
                        late,
                        Money.of("30000", "EUR"),
                        NOW.minus(Duration.ofDays(30)),
                        NOW.minusSeconds(60))));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(signals("?type=BIG_WIN")).hasSize(1));
        assertThat(signals("?type=BIG_WIN").get(0).get("subjectId").asString()).isEqualTo("big-" + s);
    }

    /**
     * A big win is measured against the team's wins before it, whatever order the deals topic's partitions deliver them
     * in: wins won after it do not count in its sample, and when the earlier wins arrive after it, it is judged again
     * and recognised.
     */
    @Test
    void aBigWinIsJudgedAgainstTheWinsBeforeItInWhateverOrderTheyArrive() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        KafkaProbe.publish(
                e("t-" + s, team(null, 0)),
                e(
                        "r-" + s,
                        new RepChanged(
                                rep,
                                "Inès Moreau",
                                team,
                                RepRole.AE,
                                Seniority.SENIOR,
                                LocalDate.parse("2024-03-04"),
                                Map.of(),
                                true,
                                at)));
        KafkaProbe.publish(e(
                "big-" + s,
                new DealWon(
                        "big-" + s,
                        rep,
                        Money.of("30000", "EUR"),
                        NOW.minus(Duration.ofDays(30)),
                        NOW.minus(Duration.ofHours(5)))));
        for (int n = 0; n < 4; n++) {
            KafkaProbe.publish(e(
                    "after" + n + "-" + s,
                    new DealWon(
                            "after-" + n + "-" + s,
                            rep,
                            Money.of(String.valueOf(13000 - n * 1000), "EUR"),
                            NOW.minus(Duration.ofDays(30)),
                            NOW.minus(Duration.ofHours(4 - n)))));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(facts.wonAmounts(team, "EUR", NOW.minus(Duration.ofDays(90)), NOW, null))
                                .hasSize(5));
        // Four smaller wins after it, none before: its sample is empty, it is not told (nor are they: each is smaller
        // than the last).
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(signals("?type=BIG_WIN")).isEmpty());

        for (int n = 0; n < 4; n++) {
            KafkaProbe.publish(e(
                    "before" + n + "-" + s,
                    new DealWon(
                            "before-" + n + "-" + s,
                            rep,
                            Money.of(String.valueOf(16000 + n * 1000), "EUR"),
                            NOW.minus(Duration.ofDays(60)),
                            NOW.minus(Duration.ofDays(20 + n)))));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(signals("?type=BIG_WIN")).hasSize(1));
        assertThat(signals("?type=BIG_WIN").get(0).get("subjectId").asString()).isEqualTo("big-" + s);
    }
}
