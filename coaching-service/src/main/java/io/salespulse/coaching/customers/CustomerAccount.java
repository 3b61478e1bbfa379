package io.salespulse.coaching.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer account as the customer success rules read it: its contracts, its health scores and NPS answers of the
 * last months, its last touch and last meeting held, when it became a customer and when it left.
 *
 * @param accountId      the account
 * @param name           its name in the CRM
 * @param csmRepId       its CSM
 * @param contracts      its contracts as they stand
 * @param health         its health scores, oldest first (the last {@link CustomerBook#KEPT_DAYS} days, and the one
 *                       before them)
 * @param nps            its NPS answers, oldest first (the last {@link CustomerBook#KEPT_DAYS} days)
 * @param lastTouchAt    its last call, email or meeting
 * @param lastMeetingAt  its last meeting held
 * @param customerSince  when its first contract started (the first fact seen)
 * @param churnedAt      when its last running contract churned (null while it has one)
 * @param churnedArr     the ARR that left then
 * @param churnedCurrency its currency
 */
@Document("customer_accounts")
public record CustomerAccount(
        @Id String accountId,
        String name,
        String csmRepId,
        List<Contract> contracts,
        List<Score> health,
        List<Score> nps,
        Instant lastTouchAt,
        Instant lastMeetingAt,
        Instant customerSince,
        Instant churnedAt,
        BigDecimal churnedArr,
        String churnedCurrency) {

    /**
     * A contract as it stands.
     *
     * @param renewalDealId its open renewal's deal (cleared by a renewal or a churn)
     */
    public record Contract(
            String contractId,
            BigDecimal arr,
            String currency,
            LocalDate termStart,
            LocalDate termEnd,
            boolean churned,
            String renewalDealId) {}

    /** A score given at a time (a health score, an NPS answer). */
    public record Score(int score, Instant at) {}

    public CustomerAccount {
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
        health = health == null ? List.of() : List.copyOf(health);
        nps = nps == null ? List.of() : List.copyOf(nps);
    }

    /** Its running contracts. */
    public List<Contract> running() {
        return contracts.stream().filter(c -> !c.churned()).toList();
    }

    /** Its running ARR per currency. */
    public Map<String, BigDecimal> arr() {
        return running().stream()
                .collect(Collectors.groupingBy(
                        Contract::currency,
                        TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO, Contract::arr, BigDecimal::add)));
    }

    /** Its largest running ARR in one currency, if any. */
    public Optional<Map.Entry<String, BigDecimal>> mainArr() {
        return arr().entrySet().stream().max(Map.Entry.comparingByValue());
    }

    /** The running contract whose term ends first. */
    public Optional<Contract> nextRenewal() {
        return running().stream().min(Comparator.comparing(Contract::termEnd));
    }

    /** Its health score now, if the CRM gives one. */
    public Optional<Score> healthNow() {
        return health.isEmpty() ? Optional.empty() : Optional.of(health.get(health.size() - 1));
    }
}
