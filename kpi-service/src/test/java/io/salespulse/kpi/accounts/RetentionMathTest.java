package io.salespulse.kpi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.account.ContractChange;
import io.salespulse.kpi.accounts.RetentionMath.Fact;
import io.salespulse.kpi.accounts.RetentionMath.Retention;
import io.salespulse.kpi.accounts.RetentionMath.Revenue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cohort with expansion, contraction and churn in two currencies over the fourth quarter of 2026, every figure
 * worked out by hand below.
 *
 * <pre>
 * account  CSM      currency  at 1 Oct  in the quarter                                   at 31 Dec
 * Acme     Zoé      EUR       100 000   expanded to 120 000 (5 Nov, handed to Léo then)  120 000
 * Bolt     Zoé      EUR        50 000   renewed at 40 000 (25 Oct; term ended 31 Oct)     40 000
 * Cargo    Zoé      EUR        30 000   churned (30 Nov, the day its term ended)               0
 * Gale     Léo      EUR        10 000   term ended 15 Nov, neither renewed nor churned    10 000
 * Dune     Léo      EUR             -   new customer, started 15 Nov at 25 000             25 000
 * Eagle    Léo      USD        80 000   contracted to 60 000 (10 Oct), second contract     75 000
 *                                       started 1 Dec at 15 000
 * Fjord    Max (another team) USD 70 000, churned 20 Oct: not the team's
 *
 * EUR: start 190 000, expansion 20 000, contraction 10 000, churn 30 000
 *      GRR (190 000 - 10 000 - 30 000) / 190 000 = 150/190 = 0.7895; NRR 170/190 = 0.8947; new ARR 25 000
 * USD: start 80 000, expansion 15 000, contraction 20 000, churn 0
 *      GRR 60/80 = 0.7500; NRR 75/80 = 0.9375
 * Logos: Acme, Bolt, Cargo, Gale, Eagle at the start; Cargo gone: 4/5 = 0.8000
 * Terms ending in the quarter: Bolt renewed, Cargo churned, Gale overdue, Acme (31 Dec) pending on 7 Dec: 1/3 = 0.3333
 * Zoé alone: EUR start 180 000 (Acme stays hers: she owned it on 1 Oct), GRR 140/180 = 0.7778, NRR 160/180 = 0.8889
 * </pre>
 */
class RetentionMathTest {

    static final LocalDate FROM = LocalDate.parse("2026-10-01");
    static final LocalDate TO = LocalDate.parse("2026-12-31");
    static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    final List<Fact> facts = new ArrayList<>();

    void fact(
            String account,
            String contract,
            ContractChange change,
            String arr,
            String before,
            String currency,
            String termEnd,
            String csm,
            String team,
            String day) {
        LocalDate date = LocalDate.parse(day);
        facts.add(new Fact(
                account,
                contract,
                change,
                new BigDecimal(arr),
                new BigDecimal(before),
                currency,
                LocalDate.parse(termEnd),
                csm,
                team,
                date.atTime(10, 0).toInstant(ZoneOffset.UTC),
                date));
    }

    RetentionMathTest() {
        fact("acme", "a1", ContractChange.STARTED, "100000", "0", "EUR", "2026-12-31", "zoe", "paris", "2026-01-10");
        fact(
                "acme",
                "a1",
                ContractChange.EXPANDED,
                "120000",
                "100000",
                "EUR",
                "2026-12-31",
                "leo",
                "paris",
                "2026-11-05");
        fact("bolt", "b1", ContractChange.STARTED, "50000", "0", "EUR", "2026-10-31", "zoe", "paris", "2025-11-01");
        fact("bolt", "b1", ContractChange.RENEWED, "40000", "50000", "EUR", "2027-10-31", "zoe", "paris", "2026-10-25");
        fact("cargo", "c1", ContractChange.STARTED, "30000", "0", "EUR", "2026-11-30", "zoe", "paris", "2025-12-01");
        fact("cargo", "c1", ContractChange.CHURNED, "0", "30000", "EUR", "2026-11-30", "zoe", "paris", "2026-11-30");
        fact("gale", "g1", ContractChange.STARTED, "10000", "0", "EUR", "2026-11-15", "leo", "paris", "2025-11-16");
        fact("dune", "d1", ContractChange.STARTED, "25000", "0", "EUR", "2027-11-14", "leo", "paris", "2026-11-15");
        fact("eagle", "e1", ContractChange.STARTED, "80000", "0", "USD", "2027-02-28", "leo", "paris", "2026-03-01");
        fact(
                "eagle",
                "e1",
                ContractChange.CONTRACTED,
                "60000",
                "80000",
                "USD",
                "2027-02-28",
                "leo",
                "paris",
                "2026-10-10");
        fact("eagle", "e2", ContractChange.STARTED, "15000", "0", "USD", "2027-11-30", "leo", "paris", "2026-12-01");
        fact("fjord", "f1", ContractChange.STARTED, "70000", "0", "USD", "2027-01-31", "max", "new-york", "2026-02-01");
        fact("fjord", "f1", ContractChange.CHURNED, "0", "70000", "USD", "2027-01-31", "max", "new-york", "2026-10-20");
    }

    static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theTeamsCohortInEachCurrency() {
        Retention paris = RetentionMath.of(facts, FROM, TO, f -> "paris".equals(f.teamId()), TODAY);

        assertThat(paris.revenue()).hasSize(2);
        Revenue eur = paris.revenue().get(0);
        assertThat(eur.currency()).isEqualTo("EUR");
        assertThat(eur.startingArr()).isEqualByComparingTo("190000");
        assertThat(eur.expansion()).isEqualByComparingTo("20000");
        assertThat(eur.contraction()).isEqualByComparingTo("10000");
        assertThat(eur.churn()).isEqualByComparingTo("30000");
        assertThat(eur.endingArr()).isEqualByComparingTo("170000");
        assertThat(eur.grr()).isEqualTo(n("0.7895"));
        assertThat(eur.nrr()).isEqualTo(n("0.8947"));
        assertThat(eur.newArr()).isEqualByComparingTo("25000");

        Revenue usd = paris.revenue().get(1);
        assertThat(usd.currency()).isEqualTo("USD");
        assertThat(usd.startingArr()).isEqualByComparingTo("80000");
        assertThat(usd.expansion()).isEqualByComparingTo("15000");
        assertThat(usd.contraction()).isEqualByComparingTo("20000");
        assertThat(usd.churn()).isEqualByComparingTo("0");
        assertThat(usd.grr()).isEqualTo(n("0.7500"));
        assertThat(usd.nrr()).isEqualTo(n("0.9375"));

        assertThat(paris.logos()).isEqualTo(new RetentionMath.Logos(5, 4, n("0.8000")));
        assertThat(paris.renewals()).isEqualTo(new RetentionMath.Renewals(4, 1, 1, 1, 1, n("0.3333")));
    }

    @Test
    void aCsmKeepsTheAccountsSheOwnedAtTheStart() {
        Retention zoe = RetentionMath.of(facts, FROM, TO, f -> "zoe".equals(f.csmRepId()), TODAY);
        assertThat(zoe.revenue()).singleElement().satisfies(eur -> {
            assertThat(eur.startingArr()).isEqualByComparingTo("180000");
            assertThat(eur.grr()).isEqualTo(n("0.7778"));
            assertThat(eur.nrr()).isEqualTo(n("0.8889"));
        });
        assertThat(zoe.logos()).isEqualTo(new RetentionMath.Logos(3, 2, n("0.6667")));
    }

    @Test
    void theOtherTeamOnlyLostItsCustomer() {
        Retention newYork = RetentionMath.of(facts, FROM, TO, f -> "new-york".equals(f.teamId()), TODAY);
        assertThat(newYork.revenue()).singleElement().satisfies(usd -> {
            assertThat(usd.grr()).isEqualTo(n("0.0000"));
            assertThat(usd.nrr()).isEqualTo(n("0.0000"));
            assertThat(usd.churn()).isEqualByComparingTo("70000");
        });
    }

    @Test
    void aLateRenewalStillRenewsTheTermThatEndedInTheSpan() {
        fact("gale", "g1", ContractChange.RENEWED, "10000", "10000", "EUR", "2027-11-15", "leo", "paris", "2027-01-10");
        Retention paris =
                RetentionMath.of(facts, FROM, TO, f -> "paris".equals(f.teamId()), LocalDate.parse("2027-01-11"));
        // Acme's term ended 31 Dec with nothing since: overdue now.
        assertThat(paris.renewals()).isEqualTo(new RetentionMath.Renewals(4, 2, 1, 1, 0, n("0.5000")));
        // And the renewal, after the span, changes none of the span's revenue.
        assertThat(paris.revenue().get(0).grr()).isEqualTo(n("0.7895"));
    }

    @Test
    void noCustomerAtTheStartMeansNoRatioNotZero() {
        Retention none = RetentionMath.of(facts, FROM, TO, f -> "lyon".equals(f.teamId()), TODAY);
        assertThat(none.revenue()).isEmpty();
        assertThat(none.logos().rate()).isNull();
        assertThat(none.renewals().rate()).isNull();
    }

    @Test
    void theArrRenewedIsEachRenewalsArrAfterIt() {
        assertThat(RetentionMath.renewedArr(facts, FROM, TO, f -> "paris".equals(f.teamId())))
                .containsOnlyKeys("EUR")
                .hasEntrySatisfying("EUR", arr -> assertThat(arr).isEqualByComparingTo("40000"));
        assertThat(RetentionMath.renewedArr(facts, FROM, TO, f -> "leo".equals(f.csmRepId())))
                .isEmpty();
        assertThat(RetentionMath.renewedArr(facts, FROM, LocalDate.parse("2026-10-24"), f -> true))
                .isEmpty();
    }
}
