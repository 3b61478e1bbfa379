package io.salespulse.coaching.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.activity.ActivityEvent;
import io.salespulse.contracts.deal.DealCloseDateMoved;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealEvent;
import io.salespulse.contracts.deal.DealLost;
import io.salespulse.contracts.deal.DealOwnerChanged;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.kit.mongo.Counts;
import io.salespulse.kit.mongo.LatestState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The facts the signal rules read, kept in coaching-service's own database: each rep's daily activity (the latest
 * version of each rep-day), each objective's latest progress (and the attainment before it, for milestones), each
 * deal's state (stage and since when, last linked activity, close-date pushes, won amount), and how long deals stayed
 * in each stage. Every write keeps the newest state or sets what the fact says, so redelivery and replays change nothing.
 */
@Component
public class CoachingFactsStore {

    static final String REP_DAYS = "rep_days";
    static final String OBJECTIVES = "objectives";
    static final String OBJECTIVE_DEFS = "objective_definitions";
    private static final String CANCELLED_AT = "cancelledAt";

    /**
     * A deal as the rules need it, a typed document mapped by Spring Data: its open amount, stage and since when, last
     * linked activity, close-date pushes, and what it was won for. Amounts are Decimal128 (earlier text or double
     * amounts are still read).
     */
    @org.springframework.data.mongodb.core.mapping.Document("deals")
    record DealFacts(
            @Id String dealId,
            String ownerRepId,
            String name,
            BigDecimal amount,
            String currency,
            String expectedCloseDate,
            String stage,
            Instant stageSince,
            Boolean open,
            Instant lastActivityAt,
            Integer pushes,
            Instant wonAt,
            String wonTeamId,
            BigDecimal wonAmount,
            String wonCurrency) {}

    /** Days a team's deal spent in a stage it left (one per stage change event: a redelivery is the same document). */
    @org.springframework.data.mongodb.core.mapping.Document("stage_durations")
    record StageDuration(@Id String eventId, String teamId, String repId, String stage, long days, Instant at) {}

    private final MongoTemplate mongo;

    CoachingFactsStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(REP_DAYS)
                .createIndex(new Index().on("repId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
        mongo.indexOps(DealFacts.class).createIndex(new Index().on("ownerRepId", Sort.Direction.ASC));
        mongo.indexOps(DealFacts.class)
                .createIndex(new Index().on("wonTeamId", Sort.Direction.ASC).on("wonAt", Sort.Direction.ASC));
        mongo.indexOps(StageDuration.class)
                .createIndex(new Index()
                        .on("teamId", Sort.Direction.ASC)
                        .on("stage", Sort.Direction.ASC)
                        .on("at", Sort.Direction.ASC));
        mongo.indexOps(OBJECTIVES).createIndex(new Index().on("scopeId", Sort.Direction.ASC));
    }

    public void recordRepDay(RepDayKpisUpdated day) {
        DailyActivity a = day.activity();
        // The rep-day's counts only grow: a higher total is a newer state of the same day.
        long version = a.calls()
                + a.emails()
                + a.meetingsBooked()
                + a.meetingsScheduled()
                + a.meetingsHeld()
                + a.dealsCreated()
                + a.dealsAdvanced()
                + a.dealsWon()
                + a.dealsLost();
        LatestState.replaceIfNotOlder(mongo, REP_DAYS, day.repId() + "|" + day.day(), version, day);
    }

    /**
     * Records an objective's progress, when it is news: empty for one older than the progress held (arriving late), and
     * for any after the objective's cancellation (final: figures computed before it and published after it are not a
     * new state of a cancelled objective). Else what it is compared with: the attainment held before (null the first time).
     */
    public Optional<Recorded> recordObjective(ObjectiveProgressed progress) {
        HeldProgress held = mongo.findById(progress.objectiveId(), HeldProgress.class, OBJECTIVES);
        if (held != null && held.status() == ObjectiveStatus.CANCELLED) {
            return Optional.empty();
        }
        if (progress.status() == ObjectiveStatus.CANCELLED) {
            // Final whatever its time: figures stamped later than the cancellation may have arrived before it.
            LatestState.replace(mongo, OBJECTIVES, progress.objectiveId(), progress);
            return Optional.of(new Recorded(held == null ? null : held.attainment()));
        }
        if (held != null
                && held.stateOrder() != null
                && held.stateOrder() > progress.occurredAt().toEpochMilli()) {
            return Optional.empty();
        }
        LatestState.replaceIfNotOlder(
                mongo, OBJECTIVES, progress.objectiveId(), progress.occurredAt().toEpochMilli(), progress);
        return Optional.of(new Recorded(held == null ? null : held.attainment()));
    }

    /** A progress recorded as the objective's latest, and the attainment held before it (null the first time). */
    public record Recorded(BigDecimal attainmentBefore) {}

    /**
     * What a new progress is compared with, read in one lookup: the attainment and status held, and its order
     * ({@link LatestState#ORDER}).
     */
    record HeldProgress(BigDecimal attainment, ObjectiveStatus status, Long stateOrder) {}

    /** An activity linked to a deal keeps the deal alive. */
    public void recordActivity(ActivityEvent activity) {
        if (activity.dealId() != null) {
            mongo.upsert(
                    query(where("_id").is(activity.dealId())),
                    new Update().max("lastActivityAt", activity.occurredAt()),
                    DealFacts.class);
        }
    }

    public void recordDeal(EventEnvelope envelope, String ownerTeamId) {
        DealEvent fact = envelope.dataAs(DealEvent.class);
        Update set = new Update().max("lastActivityAt", fact.occurredAt());
        if (fact.ownerRepId() != null) {
            set.set("ownerRepId", fact.ownerRepId());
        }
        if (fact instanceof DealCreated created) {
            amount(set, created.amount());
            if (created.name() != null) {
                set.set("name", created.name());
            }
            if (created.expectedCloseDate() != null) {
                set.set("expectedCloseDate", created.expectedCloseDate().toString());
            }
            set.set("stage", created.stage().name())
                    .set("stageSince", created.occurredAt())
                    .set("open", !created.stage().isClosed());
        } else if (fact instanceof io.salespulse.contracts.deal.DealAmountChanged changed) {
            amount(set, changed.current());
        } else if (fact instanceof DealStageChanged moved) {
            amount(set, moved.amount());
            set.set("stage", moved.to().name())
                    .set("stageSince", moved.occurredAt())
                    .set("open", !moved.to().isClosed());
            try {
                mongo.insert(new StageDuration(
                        envelope.id(),
                        ownerTeamId,
                        fact.ownerRepId(),
                        moved.from().name(),
                        moved.daysInPreviousStage(),
                        moved.occurredAt()));
            } catch (DuplicateKeyException duplicate) {
                // recorded already
            }
        } else if (fact instanceof DealCloseDateMoved moved) {
            set.set("pushes", moved.pushCount())
                    .set("expectedCloseDate", moved.current().toString());
        } else if (fact instanceof DealOwnerChanged owner) {
            set.set("ownerRepId", owner.ownerRepId());
        } else if (fact instanceof DealWon won) {
            set.set("open", false).set("wonAt", won.occurredAt()).set("wonTeamId", ownerTeamId);
            if (won.amount() != null) {
                set.set("wonAmount", won.amount().amount())
                        .set("wonCurrency", won.amount().currency());
            }
        } else if (fact instanceof DealLost) {
            set.set("open", false);
        }
        mongo.upsert(query(where("_id").is(fact.dealId())), set, DealFacts.class);
    }

    /**
     * A rep's team learned after some of their deal facts (the org and deals topics are not ordered together: a backfill
     * started right after the rep was created, say): their wins and stage durations recorded without a team get it, so
     * that the team's big-win sample and stage medians count them. Answers how many wins got their team.
     */
    public long attributeToTeam(String repId, String teamId) {
        if (repId == null || teamId == null) {
            return 0;
        }
        long wins = mongo.updateMulti(
                        query(where("ownerRepId")
                                .is(repId)
                                .and("wonAt")
                                .ne(null)
                                .and("wonTeamId")
                                .is(null)),
                        new Update().set("wonTeamId", teamId),
                        DealFacts.class)
                .getModifiedCount();
        mongo.updateMulti(
                query(where("repId").is(repId).and("teamId").is(null)),
                new Update().set("teamId", teamId),
                StageDuration.class);
        return wins;
    }

    /** The team a deal was won for, once won and its owner's team known. */
    public Optional<String> wonTeamOf(String dealId) {
        return Optional.ofNullable(mongo.findById(dealId, DealFacts.class)).map(DealFacts::wonTeamId);
    }

    private List<ObjectiveProgressed> progress(Criteria criteria) {
        return mongo.find(query(criteria), ObjectiveProgressed.class, OBJECTIVES);
    }

    /** The latest progress of a rep's objectives. */
    public List<ObjectiveProgressed> objectivesOf(String repId) {
        return progress(where("scope")
                .is(ObjectiveScope.REP)
                .and("scopeId")
                .is(repId)
                .and("status")
                .ne(ObjectiveStatus.CANCELLED));
    }

    private static void amount(Update set, io.salespulse.contracts.Money money) {
        if (money != null) {
            set.set("amount", money.amount()).set("currency", money.currency());
        }
    }

    /**
     * An objective set, adjusted or cancelled: the definition is replaced by the latest (by when it happened); a
     * cancelled one stays cancelled. Its open signals are resolved by the last figures kpi-service publishes for it
     * ({@code CANCELLED}).
     */
    public void recordObjective(io.salespulse.contracts.objective.ObjectiveEvent event) {
        if (event instanceof io.salespulse.contracts.objective.ObjectiveCancelled cancelled) {
            mongo.upsert(
                    query(where("_id").is(cancelled.objectiveId())),
                    new Update().set(CANCELLED_AT, cancelled.occurredAt()),
                    OBJECTIVE_DEFS);
            return;
        }
        io.salespulse.contracts.objective.ObjectiveSet objective =
                event instanceof io.salespulse.contracts.objective.ObjectiveUpdated updated
                        ? updated.definition()
                        : (io.salespulse.contracts.objective.ObjectiveSet) event;
        if (!objective.hasBoundedPeriod()) {
            throw new io.salespulse.kit.kafka.InvalidEventException(
                    "Objective " + objective.objectiveId() + " has an unbounded period");
        }
        if (Counts.any(
                mongo,
                query(where("_id").is(objective.objectiveId()).and(CANCELLED_AT).ne(null)),
                OBJECTIVE_DEFS)) {
            return;
        }
        LatestState.replaceIfNotOlder(
                mongo,
                OBJECTIVE_DEFS,
                objective.objectiveId(),
                objective.occurredAt().toEpochMilli(),
                objective);
    }

    /** An objective's definition, if known. */
    public Optional<io.salespulse.contracts.objective.ObjectiveSet> objectiveSet(String objectiveId) {
        return Optional.ofNullable(mongo.findOne(
                query(where("_id").is(objectiveId).and(CANCELLED_AT).is(null)),
                io.salespulse.contracts.objective.ObjectiveSet.class,
                OBJECTIVE_DEFS));
    }

    /** The latest progress of a team's objectives (its own and its reps'), cancelled ones left out. */
    public List<ObjectiveProgressed> objectivesOfTeam(String teamId) {
        return progress(where("teamId").is(teamId).and("status").ne(ObjectiveStatus.CANCELLED));
    }

    /** The latest progress of the revenue objectives of these reps and this team. */
    public List<ObjectiveProgressed> revenueObjectives(String teamId, List<String> repIds) {
        return progress(where("metric")
                .is(ObjectiveMetric.REVENUE_WON)
                .and("status")
                .ne(ObjectiveStatus.CANCELLED)
                .orOperator(
                        where("scope").is(ObjectiveScope.TEAM).and("scopeId").is(teamId),
                        where("scope").is(ObjectiveScope.REP).and("scopeId").in(repIds)));
    }

    /** Open pipeline of these reps in a currency expected to close by a date. */
    public BigDecimal openExpected(List<String> repIds, String currency, LocalDate by) {
        return mongo
                .find(
                        query(where("open")
                                .is(true)
                                .and("ownerRepId")
                                .in(repIds)
                                .and("currency")
                                .is(currency)
                                .and("expectedCloseDate")
                                .lte(by.toString())),
                        DealFacts.class)
                .stream()
                .map(DealFacts::amount)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A rep's daily activity from..to. */
    public Map<LocalDate, DailyActivity> repDays(String repId, LocalDate from, LocalDate to) {
        Map<LocalDate, DailyActivity> days = new HashMap<>();
        repDayFigures(repId, from, to).forEach((day, figures) -> days.put(day, figures.activity()));
        return days;
    }

    /** A rep's days from..to with their figures as kpi-service published them: activity, and by hour when kept. */
    public Map<LocalDate, RepDayKpisUpdated> repDayFigures(String repId, LocalDate from, LocalDate to) {
        Map<LocalDate, RepDayKpisUpdated> days = new HashMap<>();
        if (to.isBefore(from)) {
            return days; // an empty range reads nothing
        }
        for (RepDayKpisUpdated day : mongo.find(
                query(where("repId").is(repId).and("day").gte(from).lte(to)), RepDayKpisUpdated.class, REP_DAYS)) {
            days.put(day.day(), day);
        }
        return days;
    }

    /** How many rep-days this service knows of a rep. */
    public long repDaysOf(String repId) {
        return Counts.count(mongo, query(where("repId").is(repId)), REP_DAYS);
    }

    /** A deal as the rules see it. */
    public Optional<DealView> deal(String dealId) {
        return Optional.ofNullable(mongo.findById(dealId, DealFacts.class)).map(CoachingFactsStore::view);
    }

    /** The open deals of these reps. */
    public List<DealView> openDealsOf(List<String> repIds) {
        return mongo.find(query(where("open").is(true).and("ownerRepId").in(repIds)), DealFacts.class).stream()
                .map(CoachingFactsStore::view)
                .toList();
    }

    /** The owner of a deal, if known. */
    public Optional<String> ownerOf(String dealId) {
        return Optional.ofNullable(mongo.findById(dealId, DealFacts.class)).map(DealFacts::ownerRepId);
    }

    /** Won amounts of a team's deals in a currency won from {@code since} to {@code until} (both included), this deal excluded. */
    public List<BigDecimal> wonAmounts(
            String teamId, String currency, Instant since, Instant until, String exceptDealId) {
        return mongo
                .find(
                        query(where("wonTeamId")
                                .is(teamId)
                                .and("wonCurrency")
                                .is(currency)
                                .and("wonAt")
                                .gte(since)
                                .lte(until)
                                .and("_id")
                                .ne(exceptDealId)),
                        DealFacts.class)
                .stream()
                .map(DealFacts::wonAmount)
                .toList();
    }

    /** A team's deal won with an amount: what the big-win rule judges. */
    public record Win(
            String dealId, String ownerRepId, String teamId, io.salespulse.contracts.Money amount, Instant wonAt) {}

    /** The team's wins with an amount since a time. */
    public List<Win> winsSince(String teamId, Instant since) {
        return mongo
                .find(
                        query(where("wonTeamId")
                                .is(teamId)
                                .and("wonAt")
                                .gte(since)
                                .and("wonAmount")
                                .ne(null)),
                        DealFacts.class)
                .stream()
                .filter(deal -> deal.wonCurrency() != null)
                .map(deal -> new Win(
                        deal.dealId(),
                        deal.ownerRepId(),
                        deal.wonTeamId(),
                        new io.salespulse.contracts.Money(deal.wonAmount(), deal.wonCurrency()),
                        deal.wonAt()))
                .toList();
    }

    /** The median days a team's deals spent in a stage since a time (null without data). */
    public BigDecimal medianDaysInStage(String teamId, String stage, Instant since) {
        List<Long> days = mongo
                .find(
                        query(where("teamId")
                                .is(teamId)
                                .and("stage")
                                .is(stage)
                                .and("at")
                                .gte(since)),
                        StageDuration.class)
                .stream()
                .map(StageDuration::days)
                .toList();
        return io.salespulse.kit.figures.Figures.median(days);
    }

    private static DealView view(DealFacts deal) {
        return new DealView(
                deal.dealId(),
                Boolean.TRUE.equals(deal.open()),
                deal.stage(),
                deal.stageSince(),
                deal.lastActivityAt(),
                deal.pushes() == null ? 0 : deal.pushes(),
                deal.name(),
                deal.amount() == null || deal.currency() == null
                        ? null
                        : new io.salespulse.contracts.Money(deal.amount(), deal.currency()),
                deal.expectedCloseDate() == null ? null : LocalDate.parse(deal.expectedCloseDate()));
    }
}
