package io.salespulse.activity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.account.AccountEvent;
import io.salespulse.contracts.account.AccountHealthUpdated;
import io.salespulse.contracts.account.ContractChange;
import io.salespulse.contracts.account.ContractChanged;
import io.salespulse.contracts.account.RenewalOpened;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A contract's successive snapshots and the facts they make, whichever CRM sent them. */
class ContractFactsTest {

    static final LocalDate START = LocalDate.parse("2026-01-01");
    static final LocalDate END = LocalDate.parse("2026-12-31");

    ContractUpdate state;

    static ContractUpdate snapshot(
            String arr, String currency, LocalDate start, LocalDate end, boolean churned, String renewal, String at) {
        return new ContractUpdate(
                "c-1",
                "acme",
                "Acme",
                "csm-1",
                Money.of(arr, currency),
                start,
                end,
                churned,
                renewal,
                Instant.parse(at));
    }

    List<AccountEvent> apply(ContractUpdate update) {
        ContractFacts.Result result = ContractFacts.apply(state, update);
        state = result.state();
        return result.facts();
    }

    static List<ContractChange> changes(List<AccountEvent> facts) {
        return facts.stream()
                .filter(ContractChanged.class::isInstance)
                .map(f -> ((ContractChanged) f).change())
                .toList();
    }

    @Test
    void aContractStartsExpandsContractsRenewsAndChurns() {
        List<AccountEvent> started = apply(snapshot("12000", "EUR", START, END, false, null, "2026-01-01T09:00:00Z"));
        assertThat(started)
                .containsExactly(new ContractChanged(
                        "acme",
                        "Acme",
                        "c-1",
                        ContractChange.STARTED,
                        Money.of("12000", "EUR"),
                        null,
                        START,
                        END,
                        "csm-1",
                        Instant.parse("2026-01-01T09:00:00Z")));

        List<AccountEvent> expanded = apply(snapshot("15000", "EUR", START, END, false, null, "2026-03-01T09:00:00Z"));
        assertThat(changes(expanded)).containsExactly(ContractChange.EXPANDED);
        assertThat(((ContractChanged) expanded.get(0)).previousArr()).isEqualTo(Money.of("12000", "EUR"));

        assertThat(changes(apply(snapshot("14000", "EUR", START, END, false, null, "2026-04-01T09:00:00Z"))))
                .containsExactly(ContractChange.CONTRACTED);
        // Nothing changed: nothing to tell.
        assertThat(apply(snapshot("14000", "EUR", START, END, false, null, "2026-04-02T09:00:00Z")))
                .isEmpty();

        List<AccountEvent> renewed =
                apply(snapshot("16000", "EUR", END.plusDays(1), END.plusYears(1), false, null, "2026-12-20T09:00:00Z"));
        assertThat(changes(renewed)).containsExactly(ContractChange.RENEWED);
        ContractChanged renewal = (ContractChanged) renewed.get(0);
        assertThat(renewal.arr()).isEqualTo(Money.of("16000", "EUR"));
        assertThat(renewal.previousArr()).isEqualTo(Money.of("14000", "EUR"));

        List<AccountEvent> churned =
                apply(snapshot("16000", "EUR", END.plusDays(1), END.plusYears(1), true, null, "2027-06-01T09:00:00Z"));
        assertThat(changes(churned)).containsExactly(ContractChange.CHURNED);
        assertThat(((ContractChanged) churned.get(0)).arr().amount()).isZero();
        assertThat(((ContractChanged) churned.get(0)).previousArr()).isEqualTo(Money.of("16000", "EUR"));
        // Told once: the same churned snapshot again says nothing.
        assertThat(apply(snapshot(
                        "16000", "EUR", END.plusDays(1), END.plusYears(1), true, null, "2027-06-02T09:00:00Z")))
                .isEmpty();
    }

    @Test
    void arrDownToNothingIsAChurnAndAStaleSnapshotChangesNothing() {
        apply(snapshot("12000", "EUR", START, END, false, null, "2026-02-01T09:00:00Z"));
        assertThat(apply(snapshot("9000", "EUR", START, END, false, null, "2026-01-15T09:00:00Z")))
                .isEmpty();
        assertThat(state.arr()).isEqualTo(Money.of("12000", "EUR"));
        assertThat(changes(apply(snapshot("0", "EUR", START, END, false, null, "2026-05-01T09:00:00Z"))))
                .containsExactly(ContractChange.CHURNED);
        // Signed again later: a new start.
        assertThat(changes(apply(snapshot("8000", "EUR", START, END, false, null, "2026-07-01T09:00:00Z"))))
                .containsExactly(ContractChange.STARTED);
    }

    @Test
    void aContractFirstSeenChurnedTellsNothing() {
        assertThat(apply(snapshot("12000", "EUR", START, END, true, null, "2026-02-01T09:00:00Z")))
                .isEmpty();
        assertThat(state.churned()).isTrue();
    }

    @Test
    void aCurrencyChangeEndsTheContractInTheOldCurrencyAndStartsItInTheNew() {
        apply(snapshot("12000", "EUR", START, END, false, null, "2026-02-01T09:00:00Z"));
        assertThat(changes(apply(snapshot("13000", "USD", START, END, false, null, "2026-03-01T09:00:00Z"))))
                .containsExactly(ContractChange.CHURNED, ContractChange.STARTED);
    }

    @Test
    void aRenewalDealIsToldOnceAndTheDealThatRenewedItIsNotANewOne() {
        apply(snapshot("12000", "EUR", START, END, false, null, "2026-02-01T09:00:00Z"));
        List<AccountEvent> opened = apply(snapshot("12000", "EUR", START, END, false, "d-9", "2026-10-01T09:00:00Z"));
        assertThat(opened)
                .containsExactly(new RenewalOpened(
                        "acme",
                        "c-1",
                        "d-9",
                        "csm-1",
                        END,
                        Money.of("12000", "EUR"),
                        Instant.parse("2026-10-01T09:00:00Z")));
        assertThat(apply(snapshot("12500", "EUR", START, END, false, "d-9", "2026-10-02T09:00:00Z")))
                .allMatch(ContractChanged.class::isInstance);
        assertThat(changes(apply(snapshot(
                        "12500", "EUR", END.plusDays(1), END.plusYears(1), false, "d-9", "2026-12-01T09:00:00Z"))))
                .containsExactly(ContractChange.RENEWED);
        assertThat(apply(snapshot(
                        "12500", "EUR", END.plusDays(1), END.plusYears(1), false, "d-9", "2027-01-05T09:00:00Z")))
                .isEmpty();
        // Next year's renewal is a new deal.
        assertThat(apply(snapshot(
                        "12500", "EUR", END.plusDays(1), END.plusYears(1), false, "d-10", "2027-10-01T09:00:00Z")))
                .singleElement()
                .isInstanceOf(RenewalOpened.class);
    }

    @Test
    void aHealthScoreIsToldWhenItChangesWithTheScoreBefore() {
        HealthFacts.Result first = HealthFacts.apply(
                null, new HealthFacts.Update("acme", "csm-1", 80, Instant.parse("2026-11-01T09:00:00Z")));
        assertThat(first.facts())
                .containsExactly(
                        new AccountHealthUpdated("acme", "csm-1", 80, null, Instant.parse("2026-11-01T09:00:00Z")));
        HealthFacts.Result same = HealthFacts.apply(
                first.state(), new HealthFacts.Update("acme", "csm-1", 80, Instant.parse("2026-11-02T09:00:00Z")));
        assertThat(same.facts()).isEmpty();
        HealthFacts.Result drop = HealthFacts.apply(
                first.state(), new HealthFacts.Update("acme", "csm-1", 60, Instant.parse("2026-11-03T09:00:00Z")));
        assertThat(drop.facts())
                .containsExactly(
                        new AccountHealthUpdated("acme", "csm-1", 60, 80, Instant.parse("2026-11-03T09:00:00Z")));
        HealthFacts.Result stale = HealthFacts.apply(
                drop.state(), new HealthFacts.Update("acme", "csm-1", 90, Instant.parse("2026-11-02T12:00:00Z")));
        assertThat(stale.facts()).isEmpty();
        assertThat(stale.state().score()).isEqualTo(60);
    }
}
