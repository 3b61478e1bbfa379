package io.salespulse.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.MovableClock;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * A company over Europe (Paris, in euros) and the Americas (New York, in dollars), reporting in euros: the unit's
 * roll-up equals its teams' figures added by hand, dollars converted at the rate in force on the period's last day (or
 * today while it runs) and the rate shown; a period before any rate reports the rate missing and no total. Then the
 * forecast hierarchy: a rep's, a manager's and a director's calls, each level seeing those under it, judged once the
 * quarter is over; and a unit moved in and out of a director's subtree while its token lives.
 *
 * <p>"Now" is Friday 2026-11-27 12:00 UTC: this week so far is Monday 23rd to Friday 27th, compared with Monday 16th to
 * Friday 20th. The rates: USD→EUR 0.90 from 1 October, 0.95 from 26 November.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class UnitRollupIT {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @TestConfiguration
    static class Overrides {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(NOW);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    final String s = UUID.randomUUID().toString().substring(0, 8);
    final String company = "company-" + s;
    final String europe = "europe-" + s;
    final String americas = "americas-" + s;
    final String paris = "paris-" + s;
    final String newYork = "ny-" + s;
    final String ana = "ana-" + s;
    final String bo = "bo-" + s;
    final String cal = "cal-" + s;
    private int n;

    private EventEnvelope e(SalesPulseEvent data) {
        return EventEnvelope.of(s + "-" + (++n), "/test", data);
    }

    private static Instant t(String day) {
        return Instant.parse(day + "T15:00:00Z");
    }

    private List<EventEnvelope> organisation() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        EnumSet<DayOfWeek> week = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        return List.of(
                e(new TeamChanged(paris, "Paris", "Europe/Paris", Language.fr, List.of("mgr-p-" + s), week, at)),
                e(new TeamChanged(
                        newYork, "New York", "America/New_York", Language.en, List.of("mgr-n-" + s), week, at)),
                e(rep(ana, paris, RepRole.AE, at)),
                e(rep(bo, paris, RepRole.SDR, at)),
                e(rep(cal, newYork, RepRole.AE, at)),
                e(new UnitChanged(
                        company,
                        "Company",
                        null,
                        List.of("dir-c-" + s),
                        List.of(),
                        "EUR",
                        Language.en,
                        "Europe/Paris",
                        at)),
                e(new UnitChanged(
                        europe,
                        "Europe",
                        company,
                        List.of("dir-e-" + s),
                        List.of(paris),
                        "EUR",
                        Language.fr,
                        "Europe/Paris",
                        at)),
                e(new UnitChanged(
                        americas,
                        "Americas",
                        company,
                        List.of(),
                        List.of(newYork),
                        "USD",
                        Language.en,
                        "America/New_York",
                        at)));
    }

    private static RepChanged rep(String id, String team, RepRole role, Instant at) {
        return new RepChanged(id, id, team, role, Seniority.SENIOR, LocalDate.parse("2025-01-06"), Map.of(), true, at);
    }

    private List<EventEnvelope> facts() {
        List<EventEnvelope> events = new ArrayList<>();
        // Calls: Ana 1 on Monday 16th and 3 on Monday 23rd; Cal 2 on Tuesday 17th and 5 on Tuesday 24th.
        int[][] calls = {{16, 1}, {23, 3}};
        for (int[] day : calls) {
            for (int i = 0; i < day[1]; i++) {
                events.add(e(new CallLogged(
                        ana, "ca-" + day[0] + i + s, CallOutcome.CONNECTED, 60, null, t("2026-11-" + day[0]))));
            }
        }
        int[][] calCalls = {{17, 2}, {24, 5}};
        for (int[] day : calCalls) {
            for (int i = 0; i < day[1]; i++) {
                events.add(e(new CallLogged(
                        cal, "cc-" + day[0] + i + s, CallOutcome.NO_ANSWER, null, null, t("2026-11-" + day[0]))));
            }
        }
        // Won: Ana 2,000 EUR on the 18th and 10,000 EUR on the 25th; Cal 5,000 USD on the 26th.
        events.add(e(new DealCreated("w1-" + s, ana, "W1", DealStage.PROPOSAL, eur("2000"), null, t("2026-11-02"))));
        events.add(e(new DealWon("w1-" + s, ana, eur("2000"), t("2026-11-02"), t("2026-11-18"))));
        events.add(e(new DealCreated("w2-" + s, ana, "W2", DealStage.PROPOSAL, eur("10000"), null, t("2026-11-02"))));
        events.add(e(new DealWon("w2-" + s, ana, eur("10000"), t("2026-11-02"), t("2026-11-25"))));
        events.add(e(new DealCreated("w3-" + s, cal, "W3", DealStage.PROPOSAL, usd("5000"), null, t("2026-11-02"))));
        events.add(e(new DealWon("w3-" + s, cal, usd("5000"), t("2026-11-02"), t("2026-11-26"))));
        // Open: Ana 20,000 EUR in proposal (best case), Cal 8,000 USD in negotiation (commit), both for December.
        events.add(e(new DealCreated(
                "o1-" + s,
                ana,
                "O1",
                DealStage.PROPOSAL,
                eur("20000"),
                LocalDate.parse("2026-12-15"),
                t("2026-11-10"))));
        events.add(e(new DealCreated(
                "o2-" + s,
                cal,
                "O2",
                DealStage.NEGOTIATION,
                usd("8000"),
                LocalDate.parse("2026-12-20"),
                t("2026-11-10"))));
        // The quarter's quotas: Paris 50,000 EUR, New York 30,000 USD.
        events.add(e(quota("qp-" + s, paris, "50000", "EUR")));
        events.add(e(quota("qn-" + s, newYork, "30000", "USD")));
        return events;
    }

    private static ObjectiveSet quota(String id, String team, String amount, String currency) {
        return new ObjectiveSet(
                id,
                ObjectiveScope.TEAM,
                team,
                ObjectiveMetric.REVENUE_WON,
                new BigDecimal(amount),
                currency,
                LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-12-31"),
                Instant.parse("2026-10-01T08:00:00Z"));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private String api(String path) {
        return "http://localhost:" + port + "/api/v1" + path;
    }

    private JsonNode get(String path, String token) {
        Http.Answer answer = Http.get(api(path), "Authorization", "Bearer " + token);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static BigDecimal total(JsonNode conversion) {
        return conversion.get("total").isNull() ? null : conversion.get("total").decimalValue();
    }

    @Test
    void aUnitsTotalsAreItsTeamsAddedAtTheDatedRateAndTheCallsOfEveryLevelAreJudged() {
        List<EventEnvelope> all = new ArrayList<>(organisation());
        KafkaProbe.publish(all.toArray(EventEnvelope[]::new));
        String director = TestTokens.director("dir-c-" + s, company);
        // The rates, as an admin sets them: one by JSON, one from a CSV file (with a line refused, naming its column).
        Http.Answer put = Http.put(api("/admin/rates"), """
                {"rates":[{"from":"USD","to":"EUR","rate":0.90,"effectiveFrom":"2026-10-01"}]}""");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        Http.Answer imported = Http.post(
                api("/admin/rates/import"),
                "text/csv",
                "from,to,rate,effectiveFrom\nUSD,EUR,0.95,2026-11-26\nUSD,EUR,-1,2026-11-27\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(imported.json().get("rejected").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(imported.json().get("rejected").get(0).get("field").asString())
                .isEqualTo("rate");
        assertThat(Http.put(api("/admin/rates"), """
                                {"rates":[{"from":"USD","to":"usd","rate":1,"effectiveFrom":"2026-10-01"}]}""").body()).contains("rates[0].to");
        assertThat(get("/rates", director).findValuesAsString("effectiveFrom"))
                .containsExactly("2026-10-01", "2026-11-26");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(api("/units/" + company + "/rollup"), "Authorization", "Bearer " + director)
                                .status()
                        == 200);
        KafkaProbe.publish(facts().toArray(EventEnvelope[]::new));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode rollup = get("/units/" + company + "/rollup", director);
            assertThat(rollup.get("total").get("activity").get("calls").asLong())
                    .isEqualTo(8);
            assertThat(total(rollup.get("total").get("revenueWon"))).isEqualByComparingTo("14750");
            assertThat(total(rollup.get("total").get("open"))).isEqualByComparingTo("27600");
            assertThat(total(rollup.get("total").get("forecast").get("quota"))).isEqualByComparingTo("78500");
        });

        // This week: calls 3 + 5 = 8 against 1 + 2 = 3 the week before; won 10,000 EUR + 5,000 USD × 0.95 = 14,750 EUR
        // (2,000 EUR the week before, no rate needed); open 20,000 EUR + 8,000 USD × 0.95 = 27,600 EUR.
        JsonNode rollup = get("/units/" + company + "/rollup", director);
        assertThat(rollup.get("currency").asString()).isEqualTo("EUR");
        assertThat(rollup.get("from").asString()).isEqualTo("2026-11-23");
        assertThat(rollup.get("rateDay").asString()).isEqualTo("2026-11-27");
        JsonNode totalFigures = rollup.get("total");
        assertThat(totalFigures.get("activityBefore").get("calls").asLong()).isEqualTo(3);
        JsonNode won = totalFigures.get("revenueWon");
        assertThat(won.get("amounts").get("EUR").decimalValue()).isEqualByComparingTo("10000");
        assertThat(won.get("amounts").get("USD").decimalValue()).isEqualByComparingTo("5000");
        assertThat(won.get("rates")).hasSize(1);
        assertThat(won.get("rates").get(0).get("rate").decimalValue()).isEqualByComparingTo("0.95");
        assertThat(won.get("rates").get(0).get("effectiveFrom").asString()).isEqualTo("2026-11-26");
        assertThat(won.get("missing")).isEmpty();
        assertThat(total(totalFigures.get("revenueWonBefore"))).isEqualByComparingTo("2000");
        assertThat(totalFigures.get("revenueWonBefore").get("rates")).isEmpty();
        assertThat(total(totalFigures.get("openByStage").get("NEGOTIATION"))).isEqualByComparingTo("7600");
        assertThat(total(totalFigures.get("openByStage").get("PROPOSAL"))).isEqualByComparingTo("20000");
        assertThat(totalFigures.get("objectives").get("OFF_TRACK").asLong()
                        + totalFigures.get("objectives").path("AT_RISK").asLong(0)
                        + totalFigures.get("objectives").path("ON_TRACK").asLong(0))
                .isEqualTo(2);
        // The quarter: closed 12,000 EUR + 5,000 USD = 16,750 EUR; quota 50,000 EUR + 30,000 USD = 78,500 EUR;
        // attainment 16,750 / 78,500 = 0.2134; commit total 12,000 EUR + 13,000 USD = 24,350 EUR, coverage 0.3102.
        JsonNode forecast = totalFigures.get("forecast");
        assertThat(total(forecast.get("closed"))).isEqualByComparingTo("16750");
        assertThat(forecast.get("attainment").decimalValue()).isEqualByComparingTo("0.2134");
        assertThat(total(forecast.get("commitTotal"))).isEqualByComparingTo("24350");
        assertThat(forecast.get("coverage").decimalValue()).isEqualByComparingTo("0.3102");
        // The teams, by attainment: Paris 12,000 / 50,000 = 0.24, then New York 4,750 / 28,500 = 0.1667.
        assertThat(rollup.get("teams").findValuesAsString("teamId")).containsExactly(paris, newYork);
        assertThat(rollup.get("teams")
                        .get(0)
                        .get("figures")
                        .get("forecast")
                        .get("attainment")
                        .decimalValue())
                .isEqualByComparingTo("0.24");
        assertThat(rollup.get("teams")
                        .get(1)
                        .get("figures")
                        .get("forecast")
                        .get("attainment")
                        .decimalValue())
                .isEqualByComparingTo("0.1667");
        assertThat(total(rollup.get("teams").get(1).get("figures").get("revenueWon")))
                .isEqualByComparingTo("4750");
        // The units under it, each its teams' total.
        assertThat(rollup.get("units").findValuesAsString("unitId")).containsExactly(americas, europe);
        assertThat(total(rollup.get("units").get(1).get("figures").get("revenueWon")))
                .isEqualByComparingTo("10000");
        // Last week: the rate of its last day (Sunday 22nd) is 0.90: the open pipeline is 20,000 + 7,200.
        JsonNode lastWeek = get("/units/" + company + "/rollup?date=2026-11-20", director);
        assertThat(lastWeek.get("rateDay").asString()).isEqualTo("2026-11-22");
        assertThat(total(lastWeek.get("total").get("open"))).isEqualByComparingTo("27200");
        // A week of September, before any rate: the dollars are shown as they are, the missing rate named, no total.
        JsonNode september = get("/units/" + company + "/rollup?date=2026-09-16", director);
        JsonNode open = september.get("total").get("open");
        assertThat(open.get("total").isNull()).isTrue();
        assertThat(open.get("missing").get(0).asString()).isEqualTo("USD");
        assertThat(open.get("amounts").get("USD").decimalValue()).isEqualByComparingTo("8000");
        // A unit in dollars: Americas' own total needs no rate.
        assertThat(total(get("/units/" + americas + "/rollup", director)
                        .get("total")
                        .get("revenueWon")))
                .isEqualByComparingTo("5000");
        // Europe's director reads Europe, not the Americas.
        String europeDirector = TestTokens.director("dir-e-" + s, europe);
        assertThat(Http.get(api("/units/" + americas + "/rollup"), "Authorization", "Bearer " + europeDirector)
                        .status())
                .isEqualTo(403);
        assertThat(Http.get(api("/units/" + company + "/rollup"), "Authorization", "Bearer " + europeDirector)
                        .status())
                .isEqualTo(403);

        // The calls of the quarter at three levels: Ana for herself (12,000 EUR), Paris's manager (10,000 EUR), New
        // York's (6,000 USD), Europe's director (15,000 EUR), the company's (20,000 EUR).
        call("/reps/" + ana, TestTokens.rep(ana, paris), "12000", "EUR");
        call("/teams/" + paris, TestTokens.manager("mgr-p-" + s, paris), "10000", "EUR");
        call("/teams/" + newYork, TestTokens.manager("mgr-n-" + s, newYork), "6000", "USD");
        call("/units/" + europe, europeDirector, "15000", "EUR");
        call("/units/" + company, director, "20000", "EUR");
        assertThat(Http.put(
                                api("/units/" + americas + "/forecast/call"),
                                "{\"amount\":1,\"currency\":\"USD\"}",
                                "Authorization",
                                "Bearer " + europeDirector)
                        .status())
                .isEqualTo(403);
        JsonNode hierarchy = get("/units/" + company + "/forecast", director);
        assertThat(hierarchy.get("calls").get(0).get("amount").decimalValue()).isEqualByComparingTo("20000");
        assertThat(hierarchy.get("units").get(1).get("unitId").asString()).isEqualTo(europe);
        assertThat(hierarchy.get("units").get(1).get("call").get("amount").decimalValue())
                .isEqualByComparingTo("15000");
        assertThat(hierarchy.get("units").get(0).get("call").isNull()).isTrue();
        JsonNode parisLine = hierarchy.get("teams").get(0);
        assertThat(parisLine.get("teamId").asString()).isEqualTo(paris);
        assertThat(parisLine.get("call").get("amount").decimalValue()).isEqualByComparingTo("10000");
        assertThat(parisLine.get("repCalls").get(0).get("subjectId").asString()).isEqualTo(ana);
        assertThat(parisLine.get("repCalls").get(0).get("managerId").asString()).isEqualTo(ana);
        assertThat(get("/teams/" + paris + "/forecast", director)
                        .get("repCalls")
                        .get(0)
                        .get("amount")
                        .decimalValue())
                .isEqualByComparingTo("12000");
        assertThat(hierarchy.get("accuracy")).isEmpty();

        // The quarter over, each call is judged against what closed (the unit's at the rate of 31 December, 0.95):
        // the company 1 - |20,000 - 16,750| / 16,750 = 0.8060; Europe 1 - 3,000 / 12,000 = 0.75; Paris's manager
        // 1 - 2,000 / 12,000 = 0.8333; New York's 1 - 1,000 / 5,000 = 0.8; Ana 1 - 0 / 12,000 = 1.
        clock.set(Instant.parse("2027-01-04T09:00:00Z"));
        JsonNode judged =
                get("/units/" + company + "/forecast?date=2026-12-15", director).get("accuracy");
        assertThat(accuracyOf(judged, "UNIT", company)).isEqualByComparingTo("0.8060");
        assertThat(accuracyOf(judged, "UNIT", europe)).isEqualByComparingTo("0.75");
        assertThat(accuracyOf(judged, "TEAM", paris)).isEqualByComparingTo("0.8333");
        assertThat(accuracyOf(judged, "TEAM", newYork)).isEqualByComparingTo("0.8");
        assertThat(accuracyOf(judged, "REP", ana)).isEqualByComparingTo("1");
        assertThat(get("/reps/" + ana + "/forecast/calls?date=2026-12-15", TestTokens.rep(ana, paris))
                        .get("accuracy")
                        .get(0)
                        .get("accuracy")
                        .decimalValue())
                .isEqualByComparingTo("1");
        assertThat(get("/teams/" + paris + "/forecast/accuracy?level=rep", director)
                        .get(0)
                        .get("subjectId")
                        .asString())
                .isEqualTo(ana);
        clock.set(NOW);

        // The Americas moved under Europe while Europe's director's token lives: it reads New York now; moved back,
        // not.
        String nyKpis = api("/teams/" + newYork + "/kpis?period=week");
        assertThat(Http.get(nyKpis, "Authorization", "Bearer " + europeDirector).status())
                .isEqualTo(403);
        KafkaProbe.publish(e(americas(europe, Instant.now())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(nyKpis, "Authorization", "Bearer " + europeDirector)
                                .status()
                        == 200);
        KafkaProbe.publish(e(americas(company, Instant.now().plusMillis(1))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(nyKpis, "Authorization", "Bearer " + europeDirector)
                                .status()
                        == 403);
        assertThat(Http.get(api("/units/" + americas + "/rollup"), "Authorization", "Bearer " + europeDirector)
                        .status())
                .isEqualTo(403);
    }

    private UnitChanged americas(String parent, Instant at) {
        return new UnitChanged(
                americas, "Americas", parent, List.of(), List.of(newYork), "USD", Language.en, "America/New_York", at);
    }

    private void call(String path, String token, String amount, String currency) {
        Http.Answer answer = Http.put(
                api(path + "/forecast/call"),
                "{\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}",
                "Authorization",
                "Bearer " + token);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
    }

    private static BigDecimal accuracyOf(JsonNode accuracy, String level, String subject) {
        for (JsonNode line : accuracy) {
            if (line.get("level").asString().equals(level)
                    && line.get("subjectId").asString().equals(subject)) {
                return line.get("accuracy").decimalValue();
            }
        }
        throw new AssertionError("No accuracy for " + level + " " + subject + " in " + accuracy);
    }
}
