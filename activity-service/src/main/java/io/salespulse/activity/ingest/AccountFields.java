package io.salespulse.activity.ingest;

import io.salespulse.activity.accounts.ContractFacts;
import io.salespulse.activity.accounts.ContractUpdate;
import io.salespulse.activity.accounts.HealthFacts;
import io.salespulse.activity.outbox.AggregateLog;
import io.salespulse.contracts.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/**
 * A customer account's fields, read and bounded the same way whichever CRM sends them, and the inbound events they
 * make: a contract's snapshot and a health score are applied to their aggregate's state (see {@link ContractFacts},
 * {@link HealthFacts}), so every CRM's contracts give the same facts.
 */
public final class AccountFields {

    /** How long one contract term may run. */
    static final Period MAX_TERM = Period.ofYears(10);

    /** The earliest term start taken: older contracts are history nobody reports on. */
    static final LocalDate EARLIEST_TERM = LocalDate.of(2000, 1, 1);

    /** A contract's status in a snapshot. */
    enum ContractStatus {
        ACTIVE,
        CHURNED
    }

    private AccountFields() {}

    /**
     * A contract snapshot from {@code data}: {@code contractId}, {@code accountId}, {@code accountName},
     * {@code csmRepId} (already mapped to a rep by the caller when it comes from a CRM), {@code arr} and
     * {@code currency}, {@code termStart} and {@code termEnd}, {@code status} ({@code ACTIVE} or {@code CHURNED}) and
     * {@code renewalDealId}; every problem is added to the reader's list.
     */
    public static ContractUpdate contract(FieldReader data, String csmRepId, Instant time) {
        String contractId = data.text("contractId", true);
        String accountId = data.text("accountId", true);
        String accountName = data.text("accountName", false);
        BigDecimal arr = data.nonNegativeDecimal("arr", true);
        String currency = data.currency("currency", true);
        LocalDate start = data.date("termStart", true);
        LocalDate end = data.date("termEnd", true);
        terms(data, start, end);
        ContractStatus status = data.enumValue("status", ContractStatus.class, false);
        String renewalDealId = data.text("renewalDealId", false);
        return new ContractUpdate(
                contractId,
                accountId,
                accountName,
                csmRepId,
                arr == null || currency == null ? null : new Money(arr, currency),
                start,
                end,
                status == ContractStatus.CHURNED,
                renewalDealId,
                time);
    }

    /** A term's days: its end after its start, from {@link #EARLIEST_TERM}, at most {@link #MAX_TERM} long. */
    static void terms(FieldReader data, LocalDate start, LocalDate end) {
        if (start != null && start.isBefore(EARLIEST_TERM)) {
            data.problem("termStart", "must not be before " + EARLIEST_TERM);
        }
        if (start != null && end != null && !end.isAfter(start)) {
            data.problem("termEnd", "must be after termStart");
        } else if (start != null && end != null && end.isAfter(start.plus(MAX_TERM))) {
            data.problem("termEnd", "must be at most " + MAX_TERM.getYears() + " years after termStart");
        }
    }

    /** A health score from {@code score}: a whole number from 0 to 100. */
    public static Integer healthScore(FieldReader data) {
        return data.boundedInt("score", true, 100);
    }

    /** An NPS answer's score from {@code score}: a whole number from 0 to 10. */
    public static Integer npsScore(FieldReader data) {
        return data.boundedInt("score", true, 10);
    }

    /** A contract's snapshot, to be applied to the contract's state. */
    public static Inbound contractInbound(String source, String eventId, ContractUpdate update) {
        return contractStep(source, eventId, update.contractId(), previous -> ContractFacts.apply(previous, update));
    }

    /** A deal of a CRM's renewal pipeline naming a contract: its renewal, to be applied to the contract's state. */
    public static Inbound renewalInbound(String source, String eventId, String contractId, String dealId, Instant at) {
        return contractStep(source, eventId, contractId, previous -> ContractFacts.renewalNamed(previous, dealId, at));
    }

    /**
     * An inbound event applied to a contract's state (null the first time) by one of {@link ContractFacts}' rules:
     * the state it leads to and the facts it tells, in one append to the accepted-event log.
     */
    public static Inbound contractStep(
            String source,
            String eventId,
            String contractId,
            java.util.function.Function<ContractUpdate, ContractFacts.Result> rule) {
        return new Inbound.Assembled<>(
                source, eventId, ContractUpdate.aggregateOf(contractId), ContractUpdate.class, previous -> {
                    ContractFacts.Result result = rule.apply(previous);
                    return new AggregateLog.Step<>(result.state(), result.facts());
                });
    }

    /** The first day of a year-long term ending on {@code end}: a contract term a CRM gives without its start. */
    public static LocalDate yearEndingOn(LocalDate end) {
        return end.minusYears(1).plusDays(1);
    }

    /** A health score, to be applied to the account's last score. */
    public static Inbound healthInbound(String source, String eventId, HealthFacts.Update update) {
        return new Inbound.Assembled<>(source, eventId, update.aggregate(), HealthFacts.State.class, previous -> {
            HealthFacts.Result result = HealthFacts.apply(previous, update);
            return new AggregateLog.Step<>(result.state(), result.facts());
        });
    }
}
