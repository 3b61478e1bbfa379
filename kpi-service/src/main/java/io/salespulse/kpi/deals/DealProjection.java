package io.salespulse.kpi.deals;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealAmountChanged;
import io.salespulse.contracts.deal.DealCloseDateMoved;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealEvent;
import io.salespulse.contracts.deal.DealForecastCategoryChanged;
import io.salespulse.contracts.deal.DealLost;
import io.salespulse.contracts.deal.DealOwnerChanged;
import io.salespulse.contracts.deal.DealSourced;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.kpi.activity.Measures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each deal as kpi-service sees it (the {@code deals} view): owner, stage, amount, expected close date, status.
 * Facts only ever {@code $set} what they say, and a deal's facts arrive in order on its partition, so replaying them
 * gives the same view. Each stage change's duration is kept too (the {@code stage_durations} view) for the median
 * days per stage. Both are typed documents mapped by Spring Data ({@link StoredDeal}, {@link StageDuration}).
 */
@Component
public class DealProjection {

    /**
     * A deal as stored. Days are ISO dates (compared as text); amounts are Decimal128; {@code amountCents} is the
     * hundredths an earlier build stored, read until the deal's amount next changes.
     */
    @Document("deals")
    record StoredDeal(
            @Id String dealId,
            String ownerRepId,
            String name,
            String stage,
            String status,
            BigDecimal amount,
            Long amountCents,
            String currency,
            String expectedCloseDate,
            Instant createdAt,
            Instant stageSince,
            Instant closedAt,
            String closedDay,
            Instant wonCreatedAt,
            String closedTeamId,
            String forecastCategory,
            String sourcedByRepId,
            String lostReason) {}

    /** How long a deal stayed in a stage it left (one per stage change event: a redelivery is the same document). */
    @Document("stage_durations")
    public record StageDuration(
            @Id String eventId, String teamId, String repId, DealStage stage, long days, String day) {}

    private final MongoTemplate mongo;

    DealProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(StoredDeal.class)
                .createIndex(new Index().on("ownerRepId", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
        mongo.indexOps(StageDuration.class)
                .createIndex(new Index().on("teamId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
    }

    /**
     * A deal as viewed here. {@code name} and {@code stageSince} are null for a deal stored before they were kept;
     * {@code crmForecastCategory} is the CRM's own category (null: the stage's default applies, see {@link #forecastCategory()}).
     */
    public record Deal(
            String dealId,
            String ownerRepId,
            String name,
            DealStage stage,
            Money amount,
            LocalDate expectedCloseDate,
            Instant createdAt,
            Instant stageSince,
            String status,
            Instant closedAt,
            ForecastCategory crmForecastCategory,
            String sourcedByRepId,
            String lostReason) {

        /** Where the deal stands in the forecast: closed when won, left out when lost, else the CRM's own or its stage's. */
        public ForecastCategory forecastCategory() {
            if ("WON".equals(status)) {
                return ForecastCategory.CLOSED;
            }
            if ("LOST".equals(status)) {
                return ForecastCategory.OMITTED;
            }
            return crmForecastCategory != null ? crmForecastCategory : ForecastCategory.ofStage(stage);
        }
    }

    public void apply(EventEnvelope envelope, String teamOfOwner, LocalDate day) {
        DealEvent fact = envelope.dataAs(DealEvent.class);
        Update set = new Update();
        if (fact instanceof DealCreated created) {
            set.set("ownerRepId", created.ownerRepId())
                    .set("stage", created.stage().name())
                    .set("createdAt", created.occurredAt())
                    .set("status", status(created.stage()))
                    .max("stageSince", created.occurredAt());
            if (created.name() != null) {
                set.set("name", created.name());
            }
            money(set, created.amount());
            if (created.expectedCloseDate() != null) {
                set.set("expectedCloseDate", created.expectedCloseDate().toString());
            }
        } else if (fact instanceof DealStageChanged moved) {
            set.set("stage", moved.to().name())
                    .set("status", status(moved.to()))
                    .max("stageSince", moved.occurredAt());
            money(set, moved.amount());
            recordDuration(envelope.id(), teamOfOwner, moved, day);
        } else if (fact instanceof DealAmountChanged changed) {
            money(set, changed.current());
        } else if (fact instanceof DealCloseDateMoved moved) {
            set.set("expectedCloseDate", moved.current().toString());
        } else if (fact instanceof DealOwnerChanged owner) {
            set.set("ownerRepId", owner.ownerRepId());
        } else if (fact instanceof DealWon won) {
            set.set("status", "WON")
                    .set("stage", DealStage.WON.name())
                    .set("closedAt", won.occurredAt())
                    .set("closedDay", day.toString())
                    .set("wonCreatedAt", won.createdAt())
                    .set("closedTeamId", teamOfOwner);
            money(set, won.amount());
        } else if (fact instanceof DealLost lost) {
            set.set("status", "LOST")
                    .set("stage", DealStage.LOST.name())
                    .set("closedAt", lost.occurredAt())
                    .set("closedDay", day.toString())
                    .set("closedTeamId", teamOfOwner);
            if (lost.reason() != null) {
                set.set("lostReason", lost.reason());
            }
        } else if (fact instanceof DealForecastCategoryChanged category) {
            if (category.current() == null) {
                set.unset("forecastCategory");
            } else {
                set.set("forecastCategory", category.current().name());
            }
        } else if (fact instanceof DealSourced sourced) {
            set.set("sourcedByRepId", sourced.sdrRepId());
        }
        mongo.upsert(query(where("_id").is(fact.dealId())), set, StoredDeal.class);
    }

    /** A rep's deals closed, and stage durations recorded, before their team was known get it (see {@code TeamAttribution}). */
    public void attributeToTeam(String repId, String teamId) {
        mongo.updateMulti(
                query(where("ownerRepId")
                        .is(repId)
                        .and("closedAt")
                        .ne(null)
                        .and("closedTeamId")
                        .is(null)),
                new Update().set("closedTeamId", teamId),
                StoredDeal.class);
        mongo.updateMulti(
                query(where("repId").is(repId).and("teamId").is(null)),
                new Update().set("teamId", teamId),
                StageDuration.class);
    }

    private void recordDuration(String eventId, String teamId, DealStageChanged moved, LocalDate day) {
        try {
            mongo.insert(new StageDuration(
                    eventId, teamId, moved.ownerRepId(), moved.from(), moved.daysInPreviousStage(), day.toString()));
        } catch (DuplicateKeyException e) {
            // counted already (a redelivery)
        }
    }

    /** A deal, if known. */
    public java.util.Optional<Deal> find(String dealId) {
        return java.util.Optional.ofNullable(mongo.findById(dealId, StoredDeal.class))
                .map(DealProjection::view);
    }

    /** Deals by id (those known). */
    public List<Deal> find(java.util.Collection<String> dealIds) {
        return read(where("_id").in(dealIds));
    }

    /**
     * Credits a deal to the SDR who booked a meeting on it, unless the deal already names who sourced it (the first
     * one stays); returns whether it did. A deal not known yet is not created for it.
     */
    public boolean attributeIfUnsourced(String dealId, String sdrRepId) {
        return mongo.updateFirst(
                                query(where("_id")
                                        .is(dealId)
                                        .and("sourcedByRepId")
                                        .isNull()),
                                new Update().set("sourcedByRepId", sdrRepId),
                                StoredDeal.class)
                        .getModifiedCount()
                > 0;
    }

    /** Open deals owned by these reps. */
    public List<Deal> openDealsOf(List<String> repIds) {
        return read(where("status").is("OPEN").and("ownerRepId").in(repIds));
    }

    /** Deals won by these reps and closed from..to (days in the team's zone). */
    public List<Deal> wonBy(List<String> repIds, LocalDate from, LocalDate to) {
        return read(where("status")
                .is("WON")
                .and("ownerRepId")
                .in(repIds)
                .and("closedDay")
                .gte(from.toString())
                .lte(to.toString()));
    }

    /** Days spent in each stage left by a team's deals from..to. */
    public List<StageDuration> stageDurations(String teamId, LocalDate from, LocalDate to) {
        return mongo.find(
                query(where("teamId").is(teamId).and("day").gte(from.toString()).lte(to.toString())),
                StageDuration.class);
    }

    /**
     * One page of the deals a filter matches, as the endpoint answers: closed deals the latest closed first, open ones
     * the longest in their stage first.
     */
    public <T> org.springframework.http.ResponseEntity<List<T>> page(
            Criteria filter,
            boolean closed,
            io.salespulse.kit.web.Paging paging,
            java.util.function.Function<Deal, T> view) {
        return closed
                ? paging.newestFirst(
                        mongo,
                        "deals",
                        filter,
                        StoredDeal.class,
                        "closedAt",
                        StoredDeal::closedAt,
                        StoredDeal::dealId,
                        stored -> view.apply(view(stored)))
                : paging.oldestFirst(
                        mongo,
                        "deals",
                        filter,
                        StoredDeal.class,
                        "stageSince",
                        StoredDeal::stageSince,
                        StoredDeal::dealId,
                        stored -> view.apply(view(stored)));
    }

    private List<Deal> read(Criteria criteria) {
        return mongo.find(query(criteria), StoredDeal.class).stream()
                .map(DealProjection::view)
                .toList();
    }

    private static Deal view(StoredDeal stored) {
        BigDecimal amount = stored.amount() != null
                ? stored.amount()
                : stored.amountCents() != null ? Measures.amount(stored.amountCents()) : null;
        return new Deal(
                stored.dealId(),
                stored.ownerRepId(),
                stored.name(),
                stored.stage() == null ? DealStage.NEW : DealStage.valueOf(stored.stage()),
                stored.currency() == null || amount == null ? null : new Money(amount, stored.currency()),
                stored.expectedCloseDate() == null ? null : LocalDate.parse(stored.expectedCloseDate()),
                stored.wonCreatedAt() != null ? stored.wonCreatedAt() : stored.createdAt(),
                stored.stageSince(),
                stored.status(),
                stored.closedAt(),
                stored.forecastCategory() == null ? null : ForecastCategory.valueOf(stored.forecastCategory()),
                stored.sourcedByRepId(),
                stored.lostReason());
    }

    private static void money(Update set, Money money) {
        if (money != null) {
            set.set("amount", money.amount()).unset("amountCents").set("currency", money.currency());
        }
    }

    private static String status(DealStage stage) {
        return stage == DealStage.WON ? "WON" : stage == DealStage.LOST ? "LOST" : "OPEN";
    }
}
