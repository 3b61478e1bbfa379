package io.salespulse.coaching.signals.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.coaching.customers.CustomerAccount;
import io.salespulse.coaching.customers.CustomerAccount.Contract;
import io.salespulse.coaching.customers.CustomerAccount.Score;
import io.salespulse.coaching.customers.CustomerBook;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.account.ContractChange;
import io.salespulse.contracts.account.ContractChanged;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer success rules at their boundaries (defaults: 90, 30, 50, 90 days; 30 days, 10 000; 15 points). */
class AccountRulesTest {

    static final RuleSettings.Accounts S = RuleSettings.Accounts.DEFAULTS;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    static CustomerAccount account(
            LocalDate termEnd,
            String arr,
            List<Score> health,
            List<Score> nps,
            Instant lastTouch,
            Instant lastMeeting) {
        return new CustomerAccount(
                "acme",
                "Acme",
                "zoe",
                List.of(new Contract("c-1", new BigDecimal(arr), "EUR", termEnd.minusYears(1), termEnd, false, null)),
                health,
                nps,
                lastTouch,
                lastMeeting,
                daysAgo(400),
                null,
                null,
                null);
    }

    static BigDecimal value(List<Evidence> evidence, String name) {
        return evidence.stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .map(Evidence::value)
                .orElse(null);
    }

    @Test
    void aRenewalWithinNinetyDaysWithoutAMeetingInThirtyIsAtRisk() {
        CustomerAccount quiet = account(TODAY.plusDays(60), "60000", List.of(), List.of(), daysAgo(2), daysAgo(31));
        var found = AccountRules.renewalAtRisk(S, quiet, NOW, PARIS, TODAY).orElseThrow();
        assertThat(found.severity()).isEqualTo(Severity.WARNING);
        assertThat(value(found.evidence(), "daysToRenewal")).isEqualByComparingTo("60");
        assertThat(value(found.evidence(), "daysSinceMeeting")).isEqualByComparingTo("31");
        assertThat(value(found.evidence(), "arr")).isEqualByComparingTo("60000");
        // Met 30 days ago: not at risk; 91 days away: not watched yet; due in 30 days: critical.
        assertThat(AccountRules.renewalAtRisk(
                        S,
                        account(TODAY.plusDays(60), "60000", List.of(), List.of(), null, daysAgo(30)),
                        NOW,
                        PARIS,
                        TODAY))
                .isEmpty();
        assertThat(AccountRules.renewalAtRisk(
                        S, account(TODAY.plusDays(91), "60000", List.of(), List.of(), null, null), NOW, PARIS, TODAY))
                .isEmpty();
        assertThat(AccountRules.renewalAtRisk(
                                S,
                                account(TODAY.plusDays(30), "60000", List.of(), List.of(), null, null),
                                NOW,
                                PARIS,
                                TODAY)
                        .orElseThrow()
                        .severity())
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aLowHealthOrARecentDetractorPutsARenewalAtRiskEvenWithMeetings() {
        CustomerAccount low = account(
                TODAY.plusDays(80), "60000", List.of(new Score(49, daysAgo(3))), List.of(), daysAgo(1), daysAgo(1));
        assertThat(value(
                        AccountRules.renewalAtRisk(S, low, NOW, PARIS, TODAY)
                                .orElseThrow()
                                .evidence(),
                        "healthScore"))
                .isEqualByComparingTo("49");
        CustomerAccount fine = account(
                TODAY.plusDays(80), "60000", List.of(new Score(50, daysAgo(3))), List.of(), daysAgo(1), daysAgo(1));
        assertThat(AccountRules.renewalAtRisk(S, fine, NOW, PARIS, TODAY)).isEmpty();
        CustomerAccount detractor = account(
                TODAY.plusDays(80), "60000", List.of(), List.of(new Score(6, daysAgo(90))), daysAgo(1), daysAgo(1));
        assertThat(value(
                        AccountRules.renewalAtRisk(S, detractor, NOW, PARIS, TODAY)
                                .orElseThrow()
                                .evidence(),
                        "npsScore"))
                .isEqualByComparingTo("6");
        CustomerAccount oldDetractor = account(
                TODAY.plusDays(80), "60000", List.of(), List.of(new Score(6, daysAgo(91))), daysAgo(1), daysAgo(1));
        assertThat(AccountRules.renewalAtRisk(S, oldDetractor, NOW, PARIS, TODAY))
                .isEmpty();
    }

    @Test
    void anAccountWorthKeepingWithoutATouchForThirtyDaysHasGoneQuiet() {
        assertThat(AccountRules.goneQuiet(
                        S,
                        account(TODAY.plusDays(200), "10000", List.of(), List.of(), daysAgo(30), null),
                        PARIS,
                        TODAY))
                .isPresent();
        assertThat(AccountRules.goneQuiet(
                        S,
                        account(TODAY.plusDays(200), "10000", List.of(), List.of(), daysAgo(29), null),
                        PARIS,
                        TODAY))
                .isEmpty();
        assertThat(AccountRules.goneQuiet(
                        S, account(TODAY.plusDays(200), "9999", List.of(), List.of(), daysAgo(90), null), PARIS, TODAY))
                .isEmpty();
        // Never touched: counted from when it became a customer.
        assertThat(value(
                        AccountRules.goneQuiet(
                                        S,
                                        account(TODAY.plusDays(200), "20000", List.of(), List.of(), null, null),
                                        PARIS,
                                        TODAY)
                                .orElseThrow()
                                .evidence(),
                        "daysSinceTouch"))
                .isEqualByComparingTo("400");
    }

    @Test
    void aFallOfFifteenPointsWithinThirtyDaysIsAHealthDrop() {
        List<Score> falling =
                List.of(new Score(80, daysAgo(40)), new Score(70, daysAgo(20)), new Score(65, daysAgo(1)));
        var drop = AccountRules.healthDrop(S, account(TODAY.plusDays(200), "1", falling, List.of(), null, null), NOW)
                .orElseThrow();
        // 80 was in force when the window began (its next score came after): 80 - 65 = 15.
        assertThat(value(drop.evidence(), "healthBefore")).isEqualByComparingTo("80");
        assertThat(value(drop.evidence(), "healthDrop")).isEqualByComparingTo("15");
        assertThat(drop.severity()).isEqualTo(Severity.WARNING);
        List<Score> aged = List.of(new Score(80, daysAgo(40)), new Score(66, daysAgo(35)), new Score(65, daysAgo(1)));
        assertThat(AccountRules.healthDrop(S, account(TODAY.plusDays(200), "1", aged, List.of(), null, null), NOW))
                .isEmpty();
        List<Score> collapse = List.of(new Score(90, daysAgo(10)), new Score(60, daysAgo(1)));
        assertThat(AccountRules.healthDrop(S, account(TODAY.plusDays(200), "1", collapse, List.of(), null, null), NOW)
                        .orElseThrow()
                        .severity())
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aLostCustomerIsToldForTwoWeeksWithItsHistory() {
        CustomerAccount lost = new CustomerAccount(
                "acme",
                "Acme",
                "zoe",
                List.of(new Contract("c-1", BigDecimal.ZERO, "EUR", TODAY.minusYears(1), TODAY, true, null)),
                List.of(new Score(35, daysAgo(20))),
                List.of(new Score(3, daysAgo(50))),
                daysAgo(45),
                daysAgo(60),
                daysAgo(730),
                daysAgo(13),
                new BigDecimal("30000"),
                "EUR");
        var told = AccountRules.churned(S, lost, NOW, PARIS, TODAY).orElseThrow();
        assertThat(told.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(value(told.evidence(), "arrLost")).isEqualByComparingTo("30000");
        assertThat(value(told.evidence(), "customerDays")).isEqualByComparingTo("717");
        assertThat(value(told.evidence(), "daysSinceTouch")).isEqualByComparingTo("45");
        assertThat(value(told.evidence(), "healthScore")).isEqualByComparingTo("35");
        assertThat(value(told.evidence(), "npsScore")).isEqualByComparingTo("3");
        assertThat(AccountRules.churned(S, lost, NOW.plus(Duration.ofDays(2)), PARIS, TODAY.plusDays(2)))
                .isEmpty();
    }

    static CustomerBook.News news(
            ContractChange change, String before, String after, LocalDate previousEnd, Instant at) {
        return new CustomerBook.News(
                new ContractChanged(
                        "acme",
                        "Acme",
                        "c-1",
                        change,
                        Money.of(after, "EUR"),
                        Money.of(before, "EUR"),
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2027-12-31"),
                        "zoe",
                        at),
                previousEnd,
                new BigDecimal(before),
                new BigDecimal(after));
    }

    @Test
    void growthIsRecognisedOnceWhileNewsAndAnEarlyRenewalFromThirtyDaysAhead() {
        var grown = AccountRules.expansion(S, news(ContractChange.EXPANDED, "48000", "60000", null, daysAgo(1)), NOW)
                .orElseThrow();
        assertThat(value(grown.evidence(), "arrAdded")).isEqualByComparingTo("12000");
        assertThat(AccountRules.expansion(S, news(ContractChange.EXPANDED, "48000", "60000", null, daysAgo(8)), NOW))
                .isEmpty();
        assertThat(AccountRules.expansion(S, news(ContractChange.RENEWED, "48000", "40000", null, daysAgo(1)), NOW))
                .isEmpty();
        Instant signed = Instant.parse("2026-12-01T10:00:00Z");
        var early = AccountRules.earlyRenewal(
                        S,
                        news(ContractChange.RENEWED, "48000", "48000", LocalDate.parse("2026-12-31"), signed),
                        NOW,
                        PARIS)
                .orElseThrow();
        assertThat(value(early.evidence(), "daysEarly")).isEqualByComparingTo("30");
        assertThat(AccountRules.earlyRenewal(
                        S,
                        news(ContractChange.RENEWED, "48000", "48000", LocalDate.parse("2026-12-30"), signed),
                        NOW,
                        PARIS))
                .isEmpty();
    }
}
