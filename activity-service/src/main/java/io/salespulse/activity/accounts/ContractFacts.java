package io.salespulse.activity.accounts;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.account.AccountEvent;
import io.salespulse.contracts.account.ContractChange;
import io.salespulse.contracts.account.ContractChanged;
import io.salespulse.contracts.account.RenewalOpened;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a CRM's snapshot of a contract with the state held and tells the facts: started, renewed (its term end moved
 * later), expanded or contracted (its ARR moved within a term), churned, a renewal opened. Every CRM's contracts go
 * through here, so the same contract history gives the same facts whichever CRM told it. Pure: every rule is a unit
 * test.
 */
public final class ContractFacts {

    private ContractFacts() {}

    /**
     * @param state the contract as last known after the update: the snapshot itself ({@code previous} when it is
     *              stale; when it churned, at the ARR it churned from)
     * @param facts what happened, in the order consumers should apply it
     */
    public record Result(ContractUpdate state, List<AccountEvent> facts) {}

    /** The facts an update of a contract makes, given its previous state ({@code null} the first time). */
    public static Result apply(ContractUpdate previous, ContractUpdate u) {
        if (previous != null && u.occurredAt().isBefore(previous.occurredAt())) {
            return new Result(previous, List.of());
        }
        ContractUpdate state = u;
        List<AccountEvent> facts = new ArrayList<>();
        boolean wasRunning = previous != null && !previous.churned();
        boolean running = !u.churned() && u.arr().amount().signum() > 0;
        if (!running) {
            state = new ContractUpdate(
                    u.contractId(),
                    u.accountId(),
                    u.accountName(),
                    u.csmRepId(),
                    wasRunning ? previous.arr() : u.arr(),
                    u.termStart(),
                    u.termEnd(),
                    true,
                    u.renewalDealId(),
                    u.occurredAt());
            if (wasRunning) {
                facts.add(changed(u, ContractChange.CHURNED, zero(previous.arr()), previous.arr()));
            }
            return new Result(state, facts);
        }
        if (!wasRunning) {
            facts.add(changed(u, ContractChange.STARTED, u.arr(), null));
        } else if (!previous.arr().currency().equals(u.arr().currency())) {
            // For the figures, a contract whose currency changes ends in the old one and begins in the new one.
            facts.add(changed(u, ContractChange.CHURNED, zero(previous.arr()), previous.arr()));
            facts.add(changed(u, ContractChange.STARTED, u.arr(), null));
        } else if (u.termEnd().isAfter(previous.termEnd())) {
            facts.add(changed(u, ContractChange.RENEWED, u.arr(), previous.arr()));
        } else {
            int moved = u.arr().amount().compareTo(previous.arr().amount());
            if (moved > 0) {
                facts.add(changed(u, ContractChange.EXPANDED, u.arr(), previous.arr()));
            } else if (moved < 0) {
                facts.add(changed(u, ContractChange.CONTRACTED, u.arr(), previous.arr()));
            }
        }
        // A renewal is told once per deal: the deal a renewing snapshot still names is the one that renewed it.
        boolean renewedNow = wasRunning && u.termEnd().isAfter(previous.termEnd());
        String namedBefore = previous == null ? null : previous.renewalDealId();
        if (u.renewalDealId() != null && !u.renewalDealId().equals(namedBefore) && !renewedNow) {
            facts.add(new RenewalOpened(
                    u.accountId(),
                    u.contractId(),
                    u.renewalDealId(),
                    u.csmRepId(),
                    u.termEnd(),
                    u.arr(),
                    u.occurredAt()));
        }
        return new Result(state, facts);
    }

    /**
     * A CRM names a deal of its renewal pipeline for the contract: told once per deal, while the contract runs. A deal
     * naming a contract not known yet (or ended) changes nothing (the state stays {@code previous}, null if unknown).
     */
    public static Result renewalNamed(ContractUpdate previous, String dealId, Instant at) {
        if (previous == null
                || previous.churned()
                || dealId.equals(previous.renewalDealId())
                || at.isBefore(previous.occurredAt())) {
            return new Result(previous, List.of());
        }
        // The same contract naming the deal: a renewal told, nothing else changed.
        return apply(previous, previous.withRenewal(dealId, at));
    }

    private static Money zero(Money like) {
        return new Money(BigDecimal.ZERO.setScale(like.amount().scale()), like.currency());
    }

    private static ContractChanged changed(ContractUpdate u, ContractChange change, Money arr, Money previousArr) {
        return new ContractChanged(
                u.accountId(),
                u.accountName(),
                u.contractId(),
                change,
                arr,
                previousArr,
                u.termStart(),
                u.termEnd(),
                u.csmRepId(),
                u.occurredAt());
    }
}
