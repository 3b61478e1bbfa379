package io.salespulse.coaching.customers;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.contracts.account.AccountEvent;
import io.salespulse.contracts.account.AccountHealthUpdated;
import io.salespulse.contracts.account.ContractChange;
import io.salespulse.contracts.account.ContractChanged;
import io.salespulse.contracts.account.NpsAnswered;
import io.salespulse.contracts.account.RenewalOpened;
import io.salespulse.contracts.activity.ActivityEvent;
import io.salespulse.contracts.activity.MeetingHeld;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The customer accounts as the customer success rules read them ({@link CustomerAccount}), from the accounts topic
 * and the activities that name an account. One account's facts arrive in order on its partition and are the only
 * writer of its contracts, scores and churn; touches only ever raise the last touch ({@code $max}), so the two never
 * undo each other.
 */
@Component
public class CustomerBook {

    /** How long health scores and NPS answers are kept: what the rules look back on, with room. */
    public static final Duration KEPT_DAYS = Duration.ofDays(400);

    /**
     * What a contract fact was news of, with what the account held before it.
     *
     * @param fact            the fact
     * @param previousTermEnd the contract's term end before it (null when it started)
     * @param arrBefore       the account's running ARR in the fact's currency before it
     * @param arrAfter        ...and after it
     */
    public record News(ContractChanged fact, LocalDate previousTermEnd, BigDecimal arrBefore, BigDecimal arrAfter) {}

    private final MongoTemplate mongo;

    CustomerBook(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(CustomerAccount.class).createIndex(new Index().on("csmRepId", Sort.Direction.ASC));
    }

    /** Records an account fact; returns the contract fact it was, with the account before and after it. */
    public Optional<News> apply(AccountEvent event) {
        CustomerAccount account = find(event.accountId())
                .orElse(new CustomerAccount(
                        event.accountId(), null, null, null, null, null, null, null, null, null, null, null));
        List<CustomerAccount.Contract> contracts = new ArrayList<>(account.contracts());
        List<CustomerAccount.Score> health = new ArrayList<>(account.health());
        List<CustomerAccount.Score> nps = new ArrayList<>(account.nps());
        String name = account.name();
        Instant since = account.customerSince();
        Instant churnedAt = account.churnedAt();
        BigDecimal churnedArr = account.churnedArr();
        String churnedCurrency = account.churnedCurrency();
        News news = null;
        if (event instanceof ContractChanged fact) {
            String currency = fact.arr().currency();
            BigDecimal before = account.arr().getOrDefault(currency, BigDecimal.ZERO);
            CustomerAccount.Contract previous = contracts.stream()
                    .filter(c -> c.contractId().equals(fact.contractId()))
                    .findFirst()
                    .orElse(null);
            contracts.remove(previous);
            boolean churned = fact.change() == ContractChange.CHURNED;
            boolean keepsRenewal =
                    fact.change() == ContractChange.EXPANDED || fact.change() == ContractChange.CONTRACTED;
            contracts.add(new CustomerAccount.Contract(
                    fact.contractId(),
                    churned ? BigDecimal.ZERO : fact.arr().amount(),
                    currency,
                    fact.termStart(),
                    fact.termEnd(),
                    churned,
                    keepsRenewal && previous != null ? previous.renewalDealId() : null));
            contracts.sort(Comparator.comparing(CustomerAccount.Contract::contractId));
            if (fact.accountName() != null) {
                name = fact.accountName();
            }
            if (since == null
                    || fact.change() == ContractChange.STARTED
                            && fact.occurredAt().isBefore(since)) {
                since = fact.occurredAt();
            }
            boolean anyRunning = contracts.stream().anyMatch(c -> !c.churned());
            if (churned && !anyRunning) {
                churnedAt = fact.occurredAt();
                churnedArr = before;
                churnedCurrency = currency;
            } else if (anyRunning) {
                churnedAt = null;
                churnedArr = null;
                churnedCurrency = null;
            }
            BigDecimal after = contracts.stream()
                    .filter(c -> !c.churned() && c.currency().equals(currency))
                    .map(CustomerAccount.Contract::arr)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            news = new News(fact, previous == null ? null : previous.termEnd(), before, after);
        } else if (event instanceof RenewalOpened opened) {
            contracts.replaceAll(c -> c.contractId().equals(opened.contractId()) && !c.churned()
                    ? new CustomerAccount.Contract(
                            c.contractId(), c.arr(), c.currency(), c.termStart(), c.termEnd(), false, opened.dealId())
                    : c);
        } else if (event instanceof AccountHealthUpdated score) {
            add(health, new CustomerAccount.Score(score.score(), score.occurredAt()));
        } else if (event instanceof NpsAnswered answer) {
            add(nps, new CustomerAccount.Score(answer.score(), answer.occurredAt()));
        }
        Update update = new Update()
                .set("contracts", contracts)
                .set("health", kept(health, event.occurredAt()))
                .set("nps", kept(nps, event.occurredAt()))
                .set("customerSince", since)
                .set("churnedAt", churnedAt)
                .set("churnedArr", churnedArr)
                .set("churnedCurrency", churnedCurrency);
        if (name != null) {
            update.set("name", name);
        }
        if (event.csmRepId() != null) {
            update.set("csmRepId", event.csmRepId());
        }
        mongo.upsert(query(where("_id").is(event.accountId())), update, CustomerAccount.class);
        return Optional.ofNullable(news);
    }

    /** A customer touch: a call, an email or a meeting that names an account. */
    public void touched(ActivityEvent activity) {
        if (activity.accountId() == null) {
            return;
        }
        Update touch = new Update().max("lastTouchAt", activity.occurredAt());
        if (activity instanceof MeetingHeld) {
            touch.max("lastMeetingAt", activity.occurredAt());
        }
        mongo.upsert(query(where("_id").is(activity.accountId())), touch, CustomerAccount.class);
    }

    /** An account, if known. */
    public Optional<CustomerAccount> find(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, CustomerAccount.class));
    }

    /** The accounts these CSMs own. */
    public List<CustomerAccount> ofCsms(Collection<String> repIds) {
        return repIds.isEmpty() ? List.of() : mongo.find(query(where("csmRepId").in(repIds)), CustomerAccount.class);
    }

    /** A score in time order; the same score at the same time again (a redelivery) is one. */
    private static void add(List<CustomerAccount.Score> scores, CustomerAccount.Score score) {
        if (scores.contains(score)) {
            return;
        }
        scores.add(score);
        scores.sort(Comparator.comparing(CustomerAccount.Score::at));
    }

    /** The scores of the kept span up to {@code now}, and the last one before it (the score in force at its start). */
    private static List<CustomerAccount.Score> kept(List<CustomerAccount.Score> scores, Instant now) {
        Instant cut = now.minus(KEPT_DAYS);
        int first = 0;
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).at().isBefore(cut)) {
                first = i;
            }
        }
        return List.copyOf(scores.subList(first, scores.size()));
    }
}
