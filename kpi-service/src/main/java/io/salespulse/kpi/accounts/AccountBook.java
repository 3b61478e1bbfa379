package io.salespulse.kpi.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.account.AccountEvent;
import io.salespulse.contracts.account.AccountHealthUpdated;
import io.salespulse.contracts.account.ContractChange;
import io.salespulse.contracts.account.ContractChanged;
import io.salespulse.contracts.account.NpsAnswered;
import io.salespulse.contracts.account.RenewalOpened;
import io.salespulse.contracts.activity.ActivityEvent;
import io.salespulse.contracts.activity.MeetingHeld;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.roster.RosterStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The customer accounts as kpi-service sees them: every contract fact (the {@code contract_facts} view, what the
 * retention figures read), each contract's current state ({@code contracts}: ARR, term, open renewal), each account's
 * health, last touch and last meeting ({@code accounts}), and the NPS answers ({@code nps_answers}). Each fact carries
 * the CSM and team it happened under, so history stays with the team it happened in. Facts of one account arrive in
 * order on its partition and are written idempotently: a replay gives the same views.
 */
@Component
public class AccountBook {

    /** A contract fact as stored (the event id is its key: a redelivery is the same document). */
    @Document("contract_facts")
    public record StoredFact(
            @Id String eventId,
            String accountId,
            String contractId,
            ContractChange change,
            BigDecimal arr,
            BigDecimal previousArr,
            String currency,
            String termEnd,
            String csmRepId,
            String teamId,
            Instant at,
            String day) {

        RetentionMath.Fact fact() {
            return new RetentionMath.Fact(
                    accountId,
                    contractId,
                    change,
                    arr,
                    previousArr,
                    currency,
                    LocalDate.parse(termEnd),
                    csmRepId,
                    teamId,
                    at,
                    LocalDate.parse(day));
        }
    }

    /** A contract as it stands. */
    @Document("contracts")
    public record StoredContract(
            @Id String contractId,
            String accountId,
            String csmRepId,
            String teamId,
            BigDecimal arr,
            String currency,
            String termStart,
            String termEnd,
            boolean churned,
            String renewalDealId,
            Instant changedAt) {}

    /** An account as it stands. */
    @Document("accounts")
    public record StoredAccount(
            @Id String accountId,
            String name,
            String csmRepId,
            String teamId,
            Integer health,
            Integer previousHealth,
            Instant healthAt,
            Instant lastTouchAt,
            Instant lastMeetingAt) {}

    /** An NPS answer (its comment is never received). */
    @Document("nps_answers")
    public record StoredAnswer(
            @Id String id, String accountId, String csmRepId, String teamId, int score, Instant at, String day) {}

    private final MongoTemplate mongo;
    private final RosterStore roster;

    AccountBook(MongoTemplate mongo, RosterStore roster) {
        this.mongo = mongo;
        this.roster = roster;
        mongo.indexOps(StoredFact.class).createIndex(new Index().on("teamId", Sort.Direction.ASC));
        mongo.indexOps(StoredFact.class).createIndex(new Index().on("csmRepId", Sort.Direction.ASC));
        mongo.indexOps(StoredFact.class).createIndex(new Index().on("contractId", Sort.Direction.ASC));
        mongo.indexOps(StoredContract.class).createIndex(new Index().on("teamId", Sort.Direction.ASC));
        mongo.indexOps(StoredContract.class).createIndex(new Index().on("accountId", Sort.Direction.ASC));
        mongo.indexOps(StoredAccount.class).createIndex(new Index().on("teamId", Sort.Direction.ASC));
        mongo.indexOps(StoredAnswer.class)
                .createIndex(new Index().on("teamId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
    }

    /** Records an account fact. */
    public void apply(EventEnvelope envelope) {
        AccountEvent fact = envelope.dataAs(AccountEvent.class);
        String team = teamOf(fact.csmRepId());
        String day = fact.occurredAt()
                .atZone(roster.zoneOf(fact.csmRepId() == null ? ActivityEvent.UNATTRIBUTED : fact.csmRepId()))
                .toLocalDate()
                .toString();
        Update account = new Update().set("csmRepId", fact.csmRepId()).set("teamId", team);
        if (fact instanceof ContractChanged changed) {
            insert(new StoredFact(
                    envelope.id(),
                    changed.accountId(),
                    changed.contractId(),
                    changed.change(),
                    changed.arr().amount(),
                    changed.previousArr() == null
                            ? BigDecimal.ZERO
                            : changed.previousArr().amount(),
                    changed.arr().currency(),
                    changed.termEnd().toString(),
                    changed.csmRepId(),
                    team,
                    changed.occurredAt(),
                    day));
            Update contract = new Update()
                    .set("accountId", changed.accountId())
                    .set("csmRepId", changed.csmRepId())
                    .set("teamId", team)
                    .set(
                            "arr",
                            changed.change() == ContractChange.CHURNED
                                    ? BigDecimal.ZERO
                                    : changed.arr().amount())
                    .set("currency", changed.arr().currency())
                    .set("termStart", changed.termStart().toString())
                    .set("termEnd", changed.termEnd().toString())
                    .set("churned", changed.change() == ContractChange.CHURNED)
                    .set("changedAt", changed.occurredAt());
            if (changed.change() == ContractChange.RENEWED
                    || changed.change() == ContractChange.CHURNED
                    || changed.change() == ContractChange.STARTED) {
                contract.unset("renewalDealId");
            }
            mongo.upsert(query(where("_id").is(changed.contractId())), contract, StoredContract.class);
            if (changed.accountName() != null) {
                account.set("name", changed.accountName());
            }
        } else if (fact instanceof RenewalOpened opened) {
            mongo.updateFirst(
                    query(where("_id").is(opened.contractId()).and("churned").is(false)),
                    new Update().set("renewalDealId", opened.dealId()),
                    StoredContract.class);
        } else if (fact instanceof AccountHealthUpdated health) {
            mongo.updateFirst(
                    query(where("_id")
                            .is(health.accountId())
                            .orOperator(
                                    where("healthAt").is(null),
                                    where("healthAt").lte(health.occurredAt()))),
                    new Update()
                            .set("health", health.score())
                            .set("previousHealth", health.previousScore())
                            .set("healthAt", health.occurredAt()),
                    StoredAccount.class);
            account.setOnInsert("health", health.score())
                    .setOnInsert("previousHealth", health.previousScore())
                    .setOnInsert("healthAt", health.occurredAt());
        } else if (fact instanceof NpsAnswered answer) {
            insert(new StoredAnswer(
                    answer.accountId() + "|" + answer.answerId(),
                    answer.accountId(),
                    answer.csmRepId(),
                    team,
                    answer.score(),
                    answer.occurredAt(),
                    day));
        }
        mongo.upsert(query(where("_id").is(fact.accountId())), account, StoredAccount.class);
    }

    /** A customer touch: a call, an email or a meeting linked to an account. */
    public void touched(List<ActivityEvent> activities) {
        Map<String, Instant> touches = new HashMap<>();
        Map<String, Instant> meetings = new HashMap<>();
        for (ActivityEvent activity : activities) {
            if (activity.accountId() != null) {
                touches.merge(activity.accountId(), activity.occurredAt(), AccountBook::later);
                if (activity instanceof MeetingHeld) {
                    meetings.merge(activity.accountId(), activity.occurredAt(), AccountBook::later);
                }
            }
        }
        if (touches.isEmpty()) {
            return;
        }
        // One round trip for the batch: the latest touch of each account ($max keeps it whatever the order).
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredAccount.class);
        touches.forEach((account, at) -> {
            Update touch = new Update().max("lastTouchAt", at);
            if (meetings.containsKey(account)) {
                touch.max("lastMeetingAt", meetings.get(account));
            }
            writes.upsert(query(where("_id").is(account)), touch);
        });
        writes.execute();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Every fact of the contracts an owner ever held (each fact as it happened, whoever held the contract then): what
     * {@link RetentionMath} reads, with {@link Owner#owns} to tell which were theirs.
     */
    public List<RetentionMath.Fact> facts(Owner owner) {
        Collection<String> contractIds =
                mongo.findDistinct(query(owner.criteria()), "contractId", StoredFact.class, String.class);
        if (contractIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("contractId").in(contractIds)), StoredFact.class).stream()
                .map(StoredFact::fact)
                .toList();
    }

    /** The contracts running now under an owner. */
    public List<StoredContract> runningContracts(Owner owner) {
        return mongo.find(query(owner.criteria().and("churned").is(false)), StoredContract.class);
    }

    /** The accounts under an owner now. */
    public List<StoredAccount> accounts(Owner owner) {
        return mongo.find(query(owner.criteria()), StoredAccount.class);
    }

    /** The NPS answers given under an owner over days {@code from} to {@code to}. */
    public List<StoredAnswer> answers(Owner owner, LocalDate from, LocalDate to) {
        return mongo.find(
                query(owner.criteria().and("day").gte(from.toString()).lte(to.toString())), StoredAnswer.class);
    }

    /** Facts recorded before the CSM's team was known get it (see {@code TeamAttribution}). */
    public void attributeToTeam(String repId, String teamId) {
        for (Class<?> view : List.of(StoredFact.class, StoredContract.class, StoredAccount.class, StoredAnswer.class)) {
            mongo.updateMulti(
                    query(where("csmRepId").is(repId).and("teamId").is(null)),
                    new Update().set("teamId", teamId),
                    view);
        }
    }

    private void insert(Object document) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException redelivered) {
            // recorded already
        }
    }

    private String teamOf(String repId) {
        return repId == null
                ? null
                : roster.teamOf(repId).map(TeamChanged::teamId).orElse(null);
    }
}
