package io.salespulse.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.account.AccountHealthUpdated;
import io.salespulse.contracts.account.ContractChange;
import io.salespulse.contracts.account.ContractChanged;
import io.salespulse.contracts.account.NpsAnswered;
import io.salespulse.contracts.account.RenewalOpened;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.MeetingHeld;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Contract facts, renewals, health, NPS and customer touches through the accounts topic and the activities topic to
 * the customer success API: the retention of the third quarter of 2026 worked out by hand (the cohort of
 * {@code RetentionMathTest}, three months earlier), the ARR due for renewal from today, each account's last touch.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.kpi.metrics.refresh-ms=2000")
@RealInfrastructure
class AccountsIT {

    @LocalServerPort
    int port;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String paris = "paris-" + run;
    final String newYork = "ny-" + run;
    final String zoe = "zoe-" + run;
    final String leo = "leo-" + run;
    final String max = "max-" + run;
    final List<EventEnvelope> events = new ArrayList<>();

    String base() {
        return "http://localhost:" + port + "/api/v1";
    }

    static Instant at(String day) {
        return LocalDate.parse(day).minusMonths(3).atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    static LocalDate shifted(String day) {
        return LocalDate.parse(day).minusMonths(3);
    }

    void contract(
            String account,
            String contract,
            ContractChange change,
            String arr,
            String before,
            String currency,
            String termEnd,
            String csm,
            String day) {
        events.add(EventEnvelope.of(
                contract + "-" + change + "-" + day + "-" + run,
                "/test",
                new ContractChanged(
                        account + "-" + run,
                        account.substring(0, 1).toUpperCase() + account.substring(1),
                        contract + "-" + run,
                        change,
                        Money.of(arr, currency),
                        before == null ? null : Money.of(before, currency),
                        shifted(day).minusYears(1),
                        shifted(termEnd),
                        csm,
                        at(day))));
    }

    void roster() {
        Instant now = Instant.now();
        KafkaProbe.publish(
                team(paris, "Europe/Paris", now),
                team(newYork, "America/New_York", now),
                csm(zoe, paris, now),
                csm(leo, paris, now),
                csm(max, newYork, now));
    }

    EventEnvelope team(String id, String zone, Instant now) {
        return EventEnvelope.of(
                UUID.randomUUID().toString(),
                "/test",
                new TeamChanged(
                        id,
                        id,
                        zone,
                        Language.fr,
                        List.of("mgr"),
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        now));
    }

    EventEnvelope csm(String id, String team, Instant now) {
        return EventEnvelope.of(
                UUID.randomUUID().toString(),
                "/test",
                new RepChanged(
                        id,
                        id,
                        team,
                        RepRole.CSM,
                        Seniority.SENIOR,
                        LocalDate.parse("2025-01-06"),
                        Map.of(),
                        true,
                        now));
    }

    @Test
    void retentionRenewalsNpsAndTouchesOfATeamAndOfEachCsm() {
        roster();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Http.get(base() + "/teams/" + paris + "/retention").status() == 200
                        && Http.get(base() + "/teams/" + newYork + "/retention").status() == 200);

        contract("acme", "a1", ContractChange.STARTED, "100000", null, "EUR", "2026-12-31", zoe, "2026-01-10");
        contract("acme", "a1", ContractChange.EXPANDED, "120000", "100000", "EUR", "2026-12-31", leo, "2026-11-05");
        contract("bolt", "b1", ContractChange.STARTED, "50000", null, "EUR", "2026-10-31", zoe, "2025-11-01");
        contract("bolt", "b1", ContractChange.RENEWED, "40000", "50000", "EUR", "2027-10-31", zoe, "2026-10-25");
        contract("cargo", "c1", ContractChange.STARTED, "30000", null, "EUR", "2026-11-30", zoe, "2025-12-01");
        contract("cargo", "c1", ContractChange.CHURNED, "0", "30000", "EUR", "2026-11-30", zoe, "2026-11-30");
        contract("gale", "g1", ContractChange.STARTED, "10000", null, "EUR", "2026-11-15", leo, "2025-11-16");
        contract("dune", "d1", ContractChange.STARTED, "25000", null, "EUR", "2027-11-14", leo, "2026-11-15");
        contract("eagle", "e1", ContractChange.STARTED, "80000", null, "USD", "2027-02-28", leo, "2026-03-01");
        contract("eagle", "e1", ContractChange.CONTRACTED, "60000", "80000", "USD", "2027-02-28", leo, "2026-10-10");
        contract("eagle", "e2", ContractChange.STARTED, "15000", null, "USD", "2027-11-30", leo, "2026-12-01");
        contract("fjord", "f1", ContractChange.STARTED, "70000", null, "USD", "2027-01-31", max, "2026-02-01");
        contract("fjord", "f1", ContractChange.CHURNED, "0", "70000", "USD", "2027-01-31", max, "2026-10-20");
        // NPS in the quarter: Zoé's accounts 10, 9, 8, 3; one answer the quarter after, not counted.
        int[] scores = {10, 9, 8, 3};
        for (int i = 0; i < scores.length; i++) {
            events.add(EventEnvelope.of(
                    "nps-" + i + "-" + run,
                    "/survey",
                    new NpsAnswered(
                            "bolt-" + run,
                            "a" + i,
                            zoe,
                            scores[i],
                            Instant.parse("2026-08-0" + (i + 1) + "T09:00:00Z"))));
        }
        events.add(EventEnvelope.of(
                "nps-late-" + run,
                "/survey",
                new NpsAnswered("bolt-" + run, "late", zoe, 0, Instant.parse("2026-10-02T09:00:00Z"))));
        // Zoé's objective for the quarter: 80 000 EUR of ARR renewed (Bolt renewed at 40 000 on 25 July).
        events.add(EventEnvelope.of(
                "objective-" + run,
                "/test",
                new io.salespulse.contracts.objective.ObjectiveSet(
                        "arr-renewed-" + run,
                        io.salespulse.contracts.objective.ObjectiveScope.REP,
                        zoe,
                        io.salespulse.contracts.objective.ObjectiveMetric.ARR_RENEWED,
                        new java.math.BigDecimal("80000"),
                        "EUR",
                        LocalDate.parse("2026-07-01"),
                        LocalDate.parse("2026-09-30"),
                        Instant.parse("2026-06-25T09:00:00Z"))));
        // And the team's: a net revenue retention of 95 % in EUR over the quarter.
        events.add(EventEnvelope.of(
                "objective-nrr-" + run,
                "/test",
                new io.salespulse.contracts.objective.ObjectiveSet(
                        "nrr-" + run,
                        io.salespulse.contracts.objective.ObjectiveScope.TEAM,
                        paris,
                        io.salespulse.contracts.objective.ObjectiveMetric.NRR,
                        new java.math.BigDecimal("0.95"),
                        "EUR",
                        LocalDate.parse("2026-07-01"),
                        LocalDate.parse("2026-09-30"),
                        Instant.parse("2026-06-25T09:00:00Z"))));
        KafkaProbe.publish(events.toArray(EventEnvelope[]::new));

        // The renewals due from today, the touches, the health: relative to now, whatever the date.
        ZoneId zone = ZoneId.of("Europe/Paris");
        LocalDate today = LocalDate.now(zone);
        Instant now = Instant.now();
        String soon = "soon-" + run;
        String later = "later-" + run;
        KafkaProbe.publish(
                EventEnvelope.of(
                        soon + "-start",
                        "/test",
                        new ContractChanged(
                                soon,
                                "Soon SA",
                                "s1-" + run,
                                ContractChange.STARTED,
                                Money.of("60000", "EUR"),
                                null,
                                today.minusYears(1).plusDays(21),
                                today.plusDays(20),
                                zoe,
                                now.minusSeconds(3600))),
                EventEnvelope.of(
                        soon + "-renewal",
                        "/test",
                        new RenewalOpened(
                                soon,
                                "s1-" + run,
                                "deal-" + soon,
                                zoe,
                                today.plusDays(20),
                                Money.of("60000", "EUR"),
                                now.minusSeconds(1800))),
                EventEnvelope.of(
                        later + "-start",
                        "/test",
                        new ContractChanged(
                                later,
                                "Later SARL",
                                "l1-" + run,
                                ContractChange.STARTED,
                                Money.of("20000", "EUR"),
                                null,
                                today.minusYears(1).plusDays(76),
                                today.plusDays(75),
                                zoe,
                                now.minusSeconds(3600))),
                EventEnvelope.of(
                        soon + "-health", "/test", new AccountHealthUpdated(soon, zoe, 55, 80, now.minusSeconds(600))),
                EventEnvelope.of(
                        soon + "-call",
                        "/test",
                        new CallLogged(
                                zoe, null, CallOutcome.CONNECTED, 300, null, soon, now.minus(Duration.ofDays(3)))),
                EventEnvelope.of(
                        soon + "-meeting",
                        "/test",
                        new MeetingHeld(zoe, "m-" + run, null, soon, now.minus(Duration.ofDays(9)))));

        String q3 = "?period=quarter&date=2026-08-15&compare=true";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode team =
                    Http.get(base() + "/teams/" + paris + "/retention" + q3).json();
            assertThat(team.get("current").get("revenue")).hasSize(2);
            assertThat(team.get("current")
                            .get("revenue")
                            .get(1)
                            .get("startingArr")
                            .decimalValue())
                    .isEqualByComparingTo("80000");
            assertThat(team.get("current").get("nps").get("answers").asInt()).isEqualTo(4);
            assertThat(team.get("due")).hasSize(3);
        });
        JsonNode team = Http.get(base() + "/teams/" + paris + "/retention" + q3).json();
        JsonNode current = team.get("current");
        assertThat(current.get("from").asString()).isEqualTo("2026-07-01");
        assertThat(current.get("to").asString()).isEqualTo("2026-09-30");
        JsonNode eur = current.get("revenue").get(0);
        assertThat(eur.get("currency").asString()).isEqualTo("EUR");
        assertThat(eur.get("startingArr").decimalValue()).isEqualByComparingTo("190000");
        assertThat(eur.get("expansion").decimalValue()).isEqualByComparingTo("20000");
        assertThat(eur.get("contraction").decimalValue()).isEqualByComparingTo("10000");
        assertThat(eur.get("churn").decimalValue()).isEqualByComparingTo("30000");
        assertThat(eur.get("grr").decimalValue()).isEqualByComparingTo("0.7895");
        assertThat(eur.get("nrr").decimalValue()).isEqualByComparingTo("0.8947");
        assertThat(eur.get("newArr").decimalValue()).isEqualByComparingTo("25000");
        JsonNode usd = current.get("revenue").get(1);
        assertThat(usd.get("grr").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(usd.get("nrr").decimalValue()).isEqualByComparingTo("0.9375");
        assertThat(current.get("logos").get("atStart").asInt()).isEqualTo(5);
        assertThat(current.get("logos").get("rate").decimalValue()).isEqualByComparingTo("0.8");
        // Terms ending in the quarter: Bolt renewed, Cargo churned, Gale and Acme (30 September) overdue.
        JsonNode renewals = current.get("renewals");
        assertThat(renewals.get("due").asInt()).isEqualTo(4);
        assertThat(renewals.get("renewed").asInt()).isEqualTo(1);
        assertThat(renewals.get("churned").asInt()).isEqualTo(1);
        assertThat(renewals.get("overdue").asInt()).isEqualTo(2);
        assertThat(renewals.get("rate").decimalValue()).isEqualByComparingTo("0.25");
        // NPS: promoters 2, passive 1, detractor 1 of 4: (2 - 1) / 4 = 25 points.
        JsonNode nps = current.get("nps");
        assertThat(nps.get("promoters").asInt()).isEqualTo(2);
        assertThat(nps.get("detractors").asInt()).isEqualTo(1);
        assertThat(nps.get("score").asInt()).isEqualTo(25);
        // The second quarter, compared: the cohort then had no movement at all.
        assertThat(team.get("comparison").get("from").asString()).isEqualTo("2026-04-01");
        assertThat(team.get("comparison").get("revenue").get(0).get("grr").decimalValue())
                .isEqualByComparingTo("1");

        // Due for renewal from today: 60 000 with a renewal deal within 30 days, 20 000 more without one within 90.
        JsonNode due = team.get("due");
        assertThat(due.get(0).get("days").asInt()).isEqualTo(30);
        assertThat(due.get(0).get("arr").decimalValue()).isEqualByComparingTo("60000");
        assertThat(due.get(0).get("arrWithRenewal").decimalValue()).isEqualByComparingTo("60000");
        assertThat(due.get(2).get("days").asInt()).isEqualTo(90);
        assertThat(due.get(2).get("arr").decimalValue()).isEqualByComparingTo("80000");
        assertThat(due.get(2).get("contracts").asInt()).isEqualTo(2);
        assertThat(due.get(2).get("contractsWithRenewal").asInt()).isEqualTo(1);

        // The renewal calendar: both within the two quarters ahead, by the month their term ends.
        java.math.BigDecimal calendar = java.math.BigDecimal.ZERO;
        for (JsonNode month : team.get("calendar")) {
            calendar = calendar.add(month.get("arr").decimalValue());
            assertThat(month.get("month").asString()).endsWith("-01");
        }
        assertThat(calendar).isEqualByComparingTo("80000");
        assertThat(team.get("calendar").get(0).get("month").asString())
                .isEqualTo(today.plusDays(20).withDayOfMonth(1).toString());

        // One CSM: Zoé keeps Acme, hers on 1 July.
        JsonNode zoeFigures =
                Http.get(base() + "/reps/" + zoe + "/retention" + q3).json();
        assertThat(zoeFigures.get("current").get("revenue")).hasSize(1);
        assertThat(zoeFigures.get("current").get("revenue").get(0).get("grr").decimalValue())
                .isEqualByComparingTo("0.7778");
        assertThat(zoeFigures.get("current").get("revenue").get(0).get("nrr").decimalValue())
                .isEqualByComparingTo("0.8889");
        // Her objective on renewed ARR: half of it.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode objectives = Http.get(base() + "/reps/" + zoe + "/objectives?date=2026-08-15")
                    .json();
            assertThat(objectives).hasSize(1);
            assertThat(objectives.get(0).get("actual").decimalValue()).isEqualByComparingTo("40000");
            assertThat(objectives.get(0).get("attainment").decimalValue()).isEqualByComparingTo("0.5");
        });

        // The team's NRR objective, read as the quarter ended: 0.8947 against 0.95, at risk (94 % of it).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode objectives = Http.get(base() + "/teams/" + paris + "/objectives?date=2026-09-30")
                    .json();
            JsonNode nrr = null;
            for (JsonNode o : objectives) {
                if ("NRR".equals(o.get("metric").asString())) {
                    nrr = o;
                }
            }
            assertThat(nrr).isNotNull();
            assertThat(nrr.get("actual").decimalValue()).isEqualByComparingTo("0.8947");
            assertThat(nrr.get("attainment").decimalValue()).isEqualByComparingTo("0.9418");
            assertThat(nrr.get("projection").decimalValue()).isEqualByComparingTo("0.8947");
            assertThat(nrr.get("status").asString()).isEqualTo("AT_RISK");
        });

        // The other team lost its one customer.
        JsonNode ny = Http.get(base() + "/teams/" + newYork + "/retention" + q3).json();
        assertThat(ny.get("current").get("revenue").get(0).get("churn").decimalValue())
                .isEqualByComparingTo("70000");

        // Zoé's accounts, the soonest renewal first, with their last touch.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode first =
                    Http.get(base() + "/reps/" + zoe + "/accounts").json().get(0);
            assertThat(first.get("accountId").asString()).isEqualTo(soon);
            assertThat(first.get("daysSinceTouch").asLong()).isEqualTo(3);
        });
        JsonNode accounts = Http.get(base() + "/reps/" + zoe + "/accounts").json();
        JsonNode first = accounts.get(0);
        assertThat(first.get("name").asString()).isEqualTo("Soon SA");
        assertThat(first.get("nextRenewal").asString())
                .isEqualTo(today.plusDays(20).toString());
        assertThat(first.get("renewalOpen").asBoolean()).isTrue();
        assertThat(first.get("health").asInt()).isEqualTo(55);
        assertThat(first.get("previousHealth").asInt()).isEqualTo(80);
        assertThat(first.get("arr").get(0).get("amount").decimalValue()).isEqualByComparingTo("60000");
        assertThat(first.get("lastMeetingAt").isNull()).isFalse();
        assertThat(accounts.get(1).get("accountId").asString()).isEqualTo(later);
        assertThat(accounts.get(1).get("renewalOpen").asBoolean()).isFalse();

        // Leadership's gauge: this quarter's NRR and GRR of each team, per currency, labelled by team only.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                        .body()
                        .matches(
                                "(?s).*salespulse_team_retention\\{currency=\"EUR\",kind=\"nrr\",service=\"kpi-service\",team=\""
                                        + paris + "\"\\} [0-9.]+.*"));

        assertThat(Http.get(base() + "/teams/" + paris + "/retention?period=decade")
                        .status())
                .isEqualTo(400);
        assertThat(Http.get(base() + "/teams/" + paris + "/retention?period=t12m&date=2026-09-30")
                        .json()
                        .get("current")
                        .get("from")
                        .asString())
                .isEqualTo("2025-10-01");
    }
}
