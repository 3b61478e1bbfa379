package io.salespulse.activity.deals;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.CloseDateDirection;
import io.salespulse.contracts.deal.DealAmountChanged;
import io.salespulse.contracts.deal.DealCloseDateMoved;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealForecastCategoryChanged;
import io.salespulse.contracts.deal.DealLost;
import io.salespulse.contracts.deal.DealOwnerChanged;
import io.salespulse.contracts.deal.DealSourced;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.deal.ForecastCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DealFactsTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Money EUR_24K = Money.of("24000", "EUR");

    private static DealUpdate snapshot(DealStage stage, Money amount, String closeDate, Instant at) {
        return DealUpdate.snapshot(
                "d-1",
                "ae-1",
                "ext-1",
                "Acme",
                stage,
                amount,
                closeDate == null ? null : LocalDate.parse(closeDate),
                null,
                null,
                at);
    }

    private static DealState created() {
        return DealFacts.apply(null, snapshot(DealStage.QUALIFIED, EUR_24K, "2026-12-19", T0))
                .state();
    }

    @Test
    void firstUpdateCreatesTheDeal() {
        DealFacts.Result result = DealFacts.apply(null, snapshot(DealStage.QUALIFIED, EUR_24K, "2026-12-19", T0));
        assertThat(result.facts())
                .containsExactly(new DealCreated(
                        "d-1", "ae-1", "Acme", DealStage.QUALIFIED, EUR_24K, LocalDate.parse("2026-12-19"), T0));
        assertThat(result.state().stageSince()).isEqualTo(T0);
    }

    @Test
    void aDealCreatedBeforeItsOwnerIsKnownIsToldOnceItIsAsItThenStands() {
        // HubSpot: the creation, then each property in its own notification (here in separate batches).
        DealState created = DealFacts.apply(
                        null,
                        new DealUpdate("d-1", Set.of(), null, null, null, null, null, null, null, T0, T0, null, null))
                .state();
        DealFacts.Result staged = DealFacts.apply(
                created,
                DealUpdate.partial(
                        "d-1", Set.of(DealField.STAGE), null, null, null, DealStage.PROPOSAL, null, null, null, T0));
        assertThat(staged.facts()).as("no team to tell yet").isEmpty();
        DealFacts.Result priced = DealFacts.apply(
                staged.state(),
                DealUpdate.partial(
                        "d-1",
                        Set.of(DealField.AMOUNT),
                        null,
                        null,
                        null,
                        null,
                        EUR_24K,
                        null,
                        null,
                        T0.plusSeconds(1)));
        assertThat(priced.facts()).isEmpty();
        DealFacts.Result owned = DealFacts.apply(
                priced.state(),
                DealUpdate.partial(
                        "d-1",
                        Set.of(DealField.OWNER),
                        "ae-1",
                        "ext-1",
                        null,
                        null,
                        null,
                        null,
                        null,
                        T0.plusSeconds(2)));
        // Created when the CRM created it, in its stage and at its amount: not a move from NEW, not a zero amount.
        assertThat(owned.facts())
                .containsExactly(new DealCreated("d-1", "ae-1", null, DealStage.PROPOSAL, EUR_24K, null, T0));
        Instant later = T0.plusSeconds(3 * 86400);
        assertThat(DealFacts.apply(
                                owned.state(),
                                DealUpdate.partial(
                                        "d-1",
                                        Set.of(DealField.STAGE),
                                        null,
                                        null,
                                        null,
                                        DealStage.WON,
                                        null,
                                        null,
                                        null,
                                        later))
                        .facts())
                .containsExactly(
                        new DealStageChanged("d-1", "ae-1", DealStage.PROPOSAL, DealStage.WON, 3, EUR_24K, later),
                        new DealWon("d-1", "ae-1", EUR_24K, T0, later));
    }

    @Test
    void aDealWonBeforeItsOwnerIsKnownIsToldWonWhenItWasWon() {
        DealState created = DealFacts.apply(
                        null,
                        new DealUpdate(
                                "d-1",
                                Set.of(DealField.STAGE, DealField.AMOUNT),
                                null,
                                null,
                                null,
                                DealStage.WON,
                                EUR_24K,
                                null,
                                null,
                                T0,
                                T0,
                                null,
                                null))
                .state();
        assertThat(DealFacts.apply(
                                created,
                                DealUpdate.partial(
                                        "d-1",
                                        Set.of(DealField.OWNER),
                                        "ae-1",
                                        "ext-1",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        T0.plusSeconds(60)))
                        .facts())
                .containsExactly(
                        new DealCreated("d-1", "ae-1", null, DealStage.WON, EUR_24K, null, T0),
                        new DealWon("d-1", "ae-1", EUR_24K, T0, T0));
    }

    @Test
    void stageMoveTellsTheDaysSpentInTheOldStage() {
        Instant nineDaysLater = T0.plusSeconds(9 * 86400 + 3600);
        DealFacts.Result result =
                DealFacts.apply(created(), snapshot(DealStage.PROPOSAL, EUR_24K, "2026-12-19", nineDaysLater));
        assertThat(result.facts())
                .containsExactly(new DealStageChanged(
                        "d-1", "ae-1", DealStage.QUALIFIED, DealStage.PROPOSAL, 9, EUR_24K, nineDaysLater));
        assertThat(result.state().stageSince()).isEqualTo(nineDaysLater);
    }

    @Test
    void wonAndLostAreFactsOfTheirOwn() {
        Instant later = T0.plusSeconds(86400);
        assertThat(DealFacts.apply(created(), snapshot(DealStage.WON, EUR_24K, "2026-12-19", later))
                        .facts())
                .hasSize(2)
                .last()
                .isEqualTo(new DealWon("d-1", "ae-1", EUR_24K, T0, later));
        DealUpdate lost = DealUpdate.snapshot(
                "d-1",
                "ae-1",
                "ext-1",
                "Acme",
                DealStage.LOST,
                EUR_24K,
                LocalDate.parse("2026-12-19"),
                "Budget frozen",
                null,
                later);
        assertThat(DealFacts.apply(created(), lost).facts())
                .last()
                .isEqualTo(new DealLost("d-1", "ae-1", EUR_24K, DealStage.QUALIFIED, "Budget frozen", later));
    }

    @Test
    void closeDatePushesAreCounted() {
        DealState state = created();
        DealFacts.Result first =
                DealFacts.apply(state, snapshot(DealStage.QUALIFIED, EUR_24K, "2027-01-15", T0.plusSeconds(60)));
        DealFacts.Result pulled = DealFacts.apply(
                first.state(), snapshot(DealStage.QUALIFIED, EUR_24K, "2027-01-10", T0.plusSeconds(120)));
        DealFacts.Result second = DealFacts.apply(
                pulled.state(), snapshot(DealStage.QUALIFIED, EUR_24K, "2027-02-01", T0.plusSeconds(180)));
        assertThat(first.facts()).singleElement().isInstanceOfSatisfying(DealCloseDateMoved.class, m -> {
            assertThat(m.direction()).isEqualTo(CloseDateDirection.PUSHED);
            assertThat(m.pushCount()).isEqualTo(1);
        });
        assertThat(pulled.facts())
                .singleElement()
                .extracting(f -> ((DealCloseDateMoved) f).direction())
                .isEqualTo(CloseDateDirection.PULLED);
        assertThat(second.facts())
                .singleElement()
                .extracting(f -> ((DealCloseDateMoved) f).pushCount())
                .isEqualTo(2);
    }

    @Test
    void anOlderUpdateNeverMovesTheDealBack() {
        Instant later = T0.plusSeconds(3 * 86400);
        DealState inProposal = DealFacts.apply(created(), snapshot(DealStage.PROPOSAL, EUR_24K, "2026-12-19", later))
                .state();
        // A delivery from before the move arrives late.
        DealFacts.Result late = DealFacts.apply(
                inProposal,
                snapshot(DealStage.DISCOVERY, Money.of("1000", "EUR"), "2026-12-01", T0.plusSeconds(86400)));
        assertThat(late.facts()).isEmpty();
        assertThat(late.state()).isEqualTo(inProposal);
    }

    @Test
    void partialUpdatesTouchOnlyTheirField() {
        Instant later = T0.plusSeconds(60);
        DealUpdate amountOnly = DealUpdate.partial(
                "d-1", Set.of(DealField.AMOUNT), null, null, null, null, Money.of("30000", "EUR"), null, null, later);
        DealFacts.Result result = DealFacts.apply(created(), amountOnly);
        assertThat(result.facts())
                .containsExactly(new DealAmountChanged(
                        "d-1", "ae-1", DealStage.QUALIFIED, EUR_24K, Money.of("30000", "EUR"), later));
        assertThat(result.state().ownerRepId()).isEqualTo("ae-1");
        assertThat(result.state().stage()).isEqualTo(DealStage.QUALIFIED);
    }

    @Test
    void ownerChangeIsAFactAndLaterFactsCarryTheNewOwner() {
        Instant later = T0.plusSeconds(60);
        DealUpdate handOver = DealUpdate.snapshot(
                "d-1",
                "ae-2",
                "ext-2",
                "Acme",
                DealStage.PROPOSAL,
                EUR_24K,
                LocalDate.parse("2026-12-19"),
                null,
                null,
                later);
        DealFacts.Result result = DealFacts.apply(created(), handOver);
        assertThat(result.facts().get(0)).isEqualTo(new DealOwnerChanged("d-1", "ae-1", "ae-2", later));
        assertThat(((DealStageChanged) result.facts().get(1)).ownerRepId()).isEqualTo("ae-2");
    }

    @Test
    void sameSnapshotAgainTellsNothing() {
        DealState state = created();
        assertThat(DealFacts.apply(
                                state,
                                snapshot(
                                        DealStage.QUALIFIED,
                                        Money.of("24000.00", "EUR"),
                                        "2026-12-19",
                                        T0.plusSeconds(5)))
                        .facts())
                .isEmpty();
    }

    @Test
    void theCrmsForecastCategoryAndTheSourcingSdrAreFactsTooOnlyWhenTheyChange() {
        DealUpdate withCategory = snapshot(DealStage.QUALIFIED, EUR_24K, "2026-12-19", T0)
                .withForecastCategory(ForecastCategory.BEST_CASE)
                .withSourcedBy("sdr-1");
        DealFacts.Result created = DealFacts.apply(null, withCategory);
        assertThat(created.facts())
                .hasSize(3)
                .contains(
                        new DealForecastCategoryChanged("d-1", "ae-1", null, ForecastCategory.BEST_CASE, T0),
                        new DealSourced("d-1", "ae-1", "sdr-1", T0));

        Instant later = T0.plusSeconds(3600);
        DealUpdate same = snapshot(DealStage.QUALIFIED, EUR_24K, "2026-12-19", later)
                .withForecastCategory(ForecastCategory.BEST_CASE)
                .withSourcedBy("sdr-1");
        assertThat(DealFacts.apply(created.state(), same).facts()).isEmpty();

        DealUpdate commit = snapshot(DealStage.QUALIFIED, EUR_24K, "2026-12-19", later)
                .withForecastCategory(ForecastCategory.COMMIT);
        DealFacts.Result committed = DealFacts.apply(created.state(), commit);
        assertThat(committed.facts())
                .containsExactly(new DealForecastCategoryChanged(
                        "d-1", "ae-1", ForecastCategory.BEST_CASE, ForecastCategory.COMMIT, later));

        Instant older = T0.plusSeconds(60);
        DealUpdate stale =
                snapshot(DealStage.QUALIFIED, EUR_24K, "2026-12-19", older).withForecastCategory(null);
        assertThat(DealFacts.apply(committed.state(), stale).facts())
                .as("an older update never moves the category back")
                .isEmpty();
        DealUpdate cleared = snapshot(DealStage.QUALIFIED, EUR_24K, "2026-12-19", later.plusSeconds(60))
                .withForecastCategory(null);
        assertThat(DealFacts.apply(committed.state(), cleared).facts())
                .containsExactly(new DealForecastCategoryChanged(
                        "d-1", "ae-1", ForecastCategory.COMMIT, null, later.plusSeconds(60)));
    }
}
