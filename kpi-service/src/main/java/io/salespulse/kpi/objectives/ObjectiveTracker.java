package io.salespulse.kpi.objectives;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.objective.ObjectiveCancelled;
import io.salespulse.contracts.objective.ObjectiveEvent;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.contracts.objective.ObjectiveUpdated;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.kit.calendar.WorkingCalendar;
import io.salespulse.kit.kafka.EventPublisher;
import io.salespulse.kit.kafka.InvalidEventException;
import io.salespulse.kit.mongo.LatestState;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kpi.accounts.AccountBook;
import io.salespulse.kpi.accounts.Owner;
import io.salespulse.kpi.accounts.RetentionMath;
import io.salespulse.kpi.activity.Measures;
import io.salespulse.kpi.activity.RepDay;
import io.salespulse.kpi.activity.RepDayStore;
import io.salespulse.kpi.changes.FigureChanges;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Objectives: kept from the objectives topic, their figures computed from the rep-day views, and a
 * {@link ObjectiveProgressed} published whenever an objective's actual or status changes (after counting, and on a
 * schedule since time passing moves the elapsed share and so the status).
 */
@Service
public class ObjectiveTracker {

    static final String COLLECTION = "objectives";
    static final String SOURCE = "/kpi-service";
    static final String CANCELLED_AT = "cancelledAt";

    private final MongoTemplate mongo;
    private final RepDayStore repDays;
    private final AccountBook accounts;
    private final RosterStore roster;
    private final WorkingCalendar calendar;
    private final EventPublisher publisher;
    private final Clock clock;

    private final FigureChanges changes;

    ObjectiveTracker(
            MongoTemplate mongo,
            RepDayStore repDays,
            AccountBook accounts,
            RosterStore roster,
            WorkingCalendar calendar,
            EventPublisher publisher,
            FigureChanges changes,
            Clock clock) {
        this.changes = changes;
        this.calendar = calendar;
        this.mongo = mongo;
        this.repDays = repDays;
        this.accounts = accounts;
        this.roster = roster;
        this.publisher = publisher;
        this.clock = clock;
        mongo.indexOps(TrackedObjective.class)
                .createIndex(new Index().on("scope", Sort.Direction.ASC).on("scopeId", Sort.Direction.ASC));
    }

    /**
     * An objective as stored, under its id: its definition's fields (the latest, kept by {@link LatestState}), when it
     * was cancelled, and what was last published of it (status, actual, and target with period), so that only a
     * change is published again. A cancellation arriving before its objective is stored alone ({@code cancelledAt}).
     */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record TrackedObjective(
            @Id String objectiveId,
            ObjectiveScope scope,
            String scopeId,
            ObjectiveMetric metric,
            BigDecimal target,
            String currency,
            LocalDate periodStart,
            LocalDate periodEnd,
            Instant occurredAt,
            Instant cancelledAt,
            String lastStatus,
            String lastActual,
            String lastTarget) {

        /** A definition to store, with what was last published of the objective held before. */
        static TrackedObjective of(ObjectiveSet o, TrackedObjective held) {
            return new TrackedObjective(
                    o.objectiveId(),
                    o.scope(),
                    o.scopeId(),
                    o.metric(),
                    o.target(),
                    o.currency(),
                    o.periodStart(),
                    o.periodEnd(),
                    o.occurredAt(),
                    null,
                    held == null ? null : held.lastStatus(),
                    held == null ? null : held.lastActual(),
                    held == null ? null : held.lastTarget());
        }

        ObjectiveSet definition() {
            return new ObjectiveSet(
                    objectiveId, scope, scopeId, metric, target, currency, periodStart, periodEnd, occurredAt);
        }
    }

    /** An objective with its figures as of a date. */
    public record Tracked(ObjectiveSet objective, String teamId, ObjectiveMath.Figures figures) {}

    /** An objective set, adjusted (its whole definition replaced) or cancelled. */
    void apply(ObjectiveEvent event) {
        applyDefinition(event);
        changes.anyTeam();
    }

    private void applyDefinition(ObjectiveEvent event) {
        if (event instanceof ObjectiveUpdated updated) {
            set(updated.definition());
        } else if (event instanceof ObjectiveCancelled cancelled) {
            cancel(cancelled);
        } else {
            set((ObjectiveSet) event);
        }
    }

    /**
     * Cancelling is final: the objective's last figures go out once more with status {@code CANCELLED} (so what
     * follows its progress closes what it opened), then it is no longer counted, listed or judged.
     */
    void cancel(ObjectiveCancelled cancelled) {
        TrackedObjective held = mongo.findById(cancelled.objectiveId(), TrackedObjective.class);
        if (held == null) {
            mongo.upsert(
                    byId(cancelled.objectiveId()),
                    new Update().set(CANCELLED_AT, cancelled.occurredAt()),
                    TrackedObjective.class);
            return;
        }
        if (held.cancelledAt() != null) {
            return;
        }
        ObjectiveSet objective = held.definition();
        String teamId = teamOf(objective);
        Instant stamp = clock.instant();
        ObjectiveMath.Figures figures = figures(objective, LocalDate.now(clock.withZone(zoneOf(teamId))));
        publish(
                objective.objectiveId() + "|cancelled",
                objective,
                teamId,
                figures,
                ObjectiveStatus.CANCELLED,
                held.lastStatus(),
                stamp);
        mongo.updateFirst(
                byId(objective.objectiveId()),
                new Update()
                        .set(CANCELLED_AT, cancelled.occurredAt())
                        .set("lastStatus", ObjectiveStatus.CANCELLED.name()),
                TrackedObjective.class);
    }

    void set(ObjectiveSet objective) {
        if (!objective.hasBoundedPeriod()) {
            // Counting working days over centuries would hold the partition: such a record is refused for good.
            throw new InvalidEventException(
                    "Objective " + objective.objectiveId() + " has a period longer than " + ObjectiveSet.MAX_PERIOD
                            + " or ill formed: " + objective.periodStart() + ".." + objective.periodEnd());
        }
        TrackedObjective held = mongo.findById(objective.objectiveId(), TrackedObjective.class);
        if (held != null && held.cancelledAt() != null) {
            return; // cancelled for good
        }
        if (LatestState.replaceIfNotOlder(
                mongo,
                COLLECTION,
                objective.objectiveId(),
                objective.occurredAt().toEpochMilli(),
                TrackedObjective.of(objective, held))) {
            progress(objective);
        }
    }

    /** The team an objective belongs to. */
    String teamOf(ObjectiveSet objective) {
        return objective.scope() == ObjectiveScope.TEAM
                ? objective.scopeId()
                : roster.rep(objective.scopeId()).map(RepChanged::teamId).orElse(null);
    }

    /** A team's objectives (its own and its reps') whose period contains the date, with figures as of that date. */
    public List<Tracked> ofTeam(String teamId, LocalDate date) {
        List<String> reps =
                roster.repsOf(teamId).stream().map(RepChanged::repId).toList();
        List<Tracked> tracked = new ArrayList<>();
        for (ObjectiveSet objective : find(ofTeam(teamId, reps)
                .and("periodStart")
                .lte(date)
                .and("periodEnd")
                .gte(date))) {
            tracked.add(new Tracked(objective, teamId, figures(objective, date)));
        }
        return tracked;
    }

    /** The most upcoming objectives a team lists (its ramps included: a year of weekly objectives per rep fits). */
    static final int MAX_UPCOMING = 500;

    /**
     * A team's objectives (its own and its reps') whose period starts after the date, soonest first: set, not started
     * yet (next month's, a ramp's later weeks). Their figures are nothing counted yet.
     */
    public List<Tracked> upcomingOfTeam(String teamId, LocalDate date) {
        List<String> reps =
                roster.repsOf(teamId).stream().map(RepChanged::repId).toList();
        return find(ofTeam(teamId, reps).and("periodStart").gt(date)).stream()
                .sorted(java.util.Comparator.comparing(ObjectiveSet::periodStart)
                        .thenComparing(ObjectiveSet::objectiveId))
                .limit(MAX_UPCOMING)
                .map(objective -> new Tracked(objective, teamId, figures(objective, date)))
                .toList();
    }

    /** A team's objectives (its own and its reps') whose whole period lies within from..to. */
    public List<ObjectiveSet> ofTeamWithin(String teamId, LocalDate from, LocalDate to) {
        List<String> reps =
                roster.repsOf(teamId).stream().map(RepChanged::repId).toList();
        return find(ofTeam(teamId, reps)
                .and("periodStart")
                .gte(from)
                .and("periodEnd")
                .lte(to));
    }

    /** Figures of an objective as of the end of {@code date} (as of now when date is today). */
    public ObjectiveMath.Figures figures(ObjectiveSet objective, LocalDate date) {
        String teamId = teamOf(objective);
        ZoneId zone = zoneOf(teamId);
        // A team objective counts the team's working days; a rep's, the rep's (its absences left out).
        java.util.function.Predicate<LocalDate> workingDay =
                objective.scope() == ObjectiveScope.REP ? calendar.ofRep(objective.scopeId()) : calendar.ofTeam(teamId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate through = date.isBefore(objective.periodEnd()) ? date : objective.periodEnd();
        // An objective that has not started (a week of a ramp, next month's) has nothing counted yet.
        List<RepDay> days = objective.scope() == ObjectiveScope.REP
                ? repDays.days(objective.scopeId(), objective.periodStart(), through)
                : repDays.teamDays(objective.scopeId(), objective.periodStart(), through);
        LocalDate elapsedThrough = date.isBefore(today) ? date : today.minusDays(1);
        if (objective.metric().isRatio()) {
            return ObjectiveMath.ratioFigures(
                    ratio(objective, through, today),
                    objective.target(),
                    objective.periodStart(),
                    objective.periodEnd(),
                    elapsedThrough,
                    workingDay);
        }
        BigDecimal actual = objective.metric() == ObjectiveMetric.ARR_RENEWED
                ? renewed(objective, through)
                : actual(objective, days);
        return ObjectiveMath.figures(
                actual, objective.target(), objective.periodStart(), objective.periodEnd(), elapsedThrough, workingDay);
    }

    /** The ARR the objective's CSM (or team) renewed from its start through {@code through}, in its currency. */
    private BigDecimal renewed(ObjectiveSet objective, LocalDate through) {
        Owner owner = ownerOf(objective);
        return RetentionMath.renewedArr(accounts.facts(owner), objective.periodStart(), through, owner::owns)
                .getOrDefault(objective.currency(), BigDecimal.ZERO);
    }

    /**
     * A ratio objective's share from its start through {@code through}: the NRR or GRR in its currency, or the renewal
     * rate, of the CSM's accounts (or the team's), as the customer success figures compute them; null without one yet.
     */
    private BigDecimal ratio(ObjectiveSet objective, LocalDate through, LocalDate today) {
        Owner owner = ownerOf(objective);
        RetentionMath.Retention retention = RetentionMath.of(
                accounts.facts(owner),
                objective.periodStart(),
                through.isBefore(objective.periodStart()) ? objective.periodStart() : through,
                owner::owns,
                today);
        return switch (objective.metric()) {
            case RENEWAL_RATE -> retention.renewals().rate();
            case NRR, GRR ->
                retention.revenue().stream()
                        .filter(r -> r.currency().equals(objective.currency()))
                        .findFirst()
                        .map(r -> objective.metric() == ObjectiveMetric.NRR ? r.nrr() : r.grr())
                        .orElse(null);
            default -> throw new IllegalArgumentException(objective.metric() + " is not a ratio");
        };
    }

    /** Whose customers an objective is about: its CSM's, or its team's. */
    private static Owner ownerOf(ObjectiveSet objective) {
        return objective.scope() == ObjectiveScope.REP
                ? Owner.csm(objective.scopeId())
                : Owner.team(objective.scopeId());
    }

    /**
     * After contract facts: the customer success objectives (renewed ARR, retention, renewal rate) of the CSMs and
     * teams concerned (they move with contracts, not with rep-days).
     */
    @org.springframework.context.event.EventListener
    void onCustomers(io.salespulse.kpi.accounts.CustomersChanged changed) {
        reevaluateCustomerObjectives(changed.csms(), changed.teams());
    }

    void reevaluateCustomerObjectives(Set<String> csms, Set<String> teams) {
        find(new Criteria()
                        .orOperator(
                                where("scope")
                                        .is(ObjectiveScope.REP)
                                        .and("scopeId")
                                        .in(csms),
                                where("scope")
                                        .is(ObjectiveScope.TEAM)
                                        .and("scopeId")
                                        .in(teams))
                        .and("metric")
                        .in(
                                ObjectiveMetric.ARR_RENEWED,
                                ObjectiveMetric.NRR,
                                ObjectiveMetric.GRR,
                                ObjectiveMetric.RENEWAL_RATE)
                        .and("periodEnd")
                        .gte(LocalDate.now(clock).minusDays(400)))
                .forEach(this::progress);
    }

    static BigDecimal actual(ObjectiveSet objective, List<RepDay> days) {
        String key = measure(objective.metric(), objective.currency());
        long sum = days.stream().mapToLong(day -> day.get(key)).sum();
        return objective.metric().isAmount() ? Measures.amount(sum) : BigDecimal.valueOf(sum);
    }

    static String measure(ObjectiveMetric metric, String currency) {
        return switch (metric) {
            case CALLS -> "calls";
            case CONNECTED_CALLS -> "connectedCalls";
            case EMAILS -> "emails";
            case MEETINGS_BOOKED -> "meetingsBooked";
            case MEETINGS_HELD -> "meetingsHeld";
            case DEALS_CREATED -> "dealsCreated";
            case DEALS_WON -> "dealsWon";
            case PIPELINE_CREATED -> Measures.money(Measures.PIPELINE_CREATED, currency);
            case REVENUE_WON -> Measures.money(Measures.REVENUE_WON, currency);
            // Not a rep-day measure: renewals come from the customer accounts.
            case ARR_RENEWED -> Measures.money("arrRenewed", currency);
            case NRR -> "nrr";
            case GRR -> "grr";
            case RENEWAL_RATE -> "renewalRate";
        };
    }

    /**
     * After counting: the objectives of the reps and teams whose days changed, found with one query per batch (an
     * objective of those owners running over the batch's days; one not actually touched is re-evaluated to no effect).
     */
    public void reevaluate(List<RepDay> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Set<String> reps = new java.util.HashSet<>();
        Set<String> teams = new java.util.HashSet<>();
        LocalDate first = changed.get(0).day();
        LocalDate last = first;
        for (RepDay day : changed) {
            reps.add(day.repId());
            if (day.teamId() != null) {
                teams.add(day.teamId());
            }
            first = day.day().isBefore(first) ? day.day() : first;
            last = day.day().isAfter(last) ? day.day() : last;
        }
        find(new Criteria()
                        .orOperator(
                                where("scope")
                                        .is(ObjectiveScope.REP)
                                        .and("scopeId")
                                        .in(reps),
                                where("scope")
                                        .is(ObjectiveScope.TEAM)
                                        .and("scopeId")
                                        .in(teams))
                        .and("periodStart")
                        .lte(last)
                        .and("periodEnd")
                        .gte(first))
                .forEach(this::progress);
    }

    /** Time moves the elapsed share: every objective still running is looked at again. */
    @Scheduled(fixedDelayString = "${salespulse.objectives.reevaluate-every-ms:900000}", initialDelay = 60_000)
    void reevaluateRunning() {
        find(where("periodEnd").gte(LocalDate.now(clock).minusDays(1))).forEach(this::progress);
        changes.anyTeam();
    }

    private ZoneId zoneOf(String teamId) {
        return roster.team(teamId).map(team -> ZoneId.of(team.timezone())).orElse(ZoneOffset.UTC);
    }

    private void progress(ObjectiveSet objective) {
        String teamId = teamOf(objective);
        // Stamped before the figures are read: two threads (or instances) judging one objective at once publish in
        // any order, and the one that read later data carries the later time, which is what consumers keep. A count
        // written after both is followed by its own judgement, stamped after it.
        Instant stamp = clock.instant();
        ObjectiveMath.Figures figures = figures(objective, LocalDate.now(clock.withZone(zoneOf(teamId))));
        TrackedObjective held = mongo.findById(objective.objectiveId(), TrackedObjective.class);
        if (held != null && held.cancelledAt() != null) {
            return; // cancelled since it was found: judged no more (coaching-service also ignores figures after a
            // cancellation)
        }
        String lastStatus = held == null ? null : held.lastStatus();
        String lastActual = held == null ? null : held.lastActual();
        String lastTarget = held == null ? null : held.lastTarget();
        String actual = figures.actual().stripTrailingZeros().toPlainString();
        // The target and period as judged: an adjusted objective is published again even when status and actual hold.
        String target = objective.target().stripTrailingZeros().toPlainString() + "|" + objective.periodStart() + "|"
                + objective.periodEnd();
        if (Objects.equals(lastStatus, figures.status().name())
                && Objects.equals(lastActual, actual)
                && Objects.equals(lastTarget, target)) {
            return;
        }
        publish(
                objective.objectiveId() + "|" + figures.status() + "|" + actual + "|" + figures.elapsed() + "|"
                        + target,
                objective,
                teamId,
                figures,
                figures.status(),
                lastStatus,
                stamp);
        // Never over a cancellation stored meanwhile: its CANCELLED stays the last word.
        mongo.updateFirst(
                query(where("_id").is(objective.objectiveId()).and(CANCELLED_AT).is(null)),
                new Update()
                        .set("lastStatus", figures.status().name())
                        .set("lastActual", actual)
                        .set("lastTarget", target),
                TrackedObjective.class);
    }

    /** Publishes an objective's figures with a status, under an event id derived from {@code identity}. */
    private void publish(
            String identity,
            ObjectiveSet objective,
            String teamId,
            ObjectiveMath.Figures figures,
            ObjectiveStatus status,
            String lastStatus,
            Instant stamp) {
        String id = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8))
                .toString();
        publisher.publishAll(List.of(EventEnvelope.of(
                id,
                SOURCE,
                new ObjectiveProgressed(
                        objective.objectiveId(),
                        objective.scope(),
                        objective.scopeId(),
                        teamId,
                        objective.metric(),
                        objective.target(),
                        figures.actual(),
                        figures.attainment(),
                        figures.elapsed(),
                        figures.projection(),
                        figures.pace(),
                        status,
                        lastStatus == null ? null : ObjectiveStatus.valueOf(lastStatus),
                        stamp))));
    }

    /** A team's own objectives and its reps'. */
    private static Criteria ofTeam(String teamId, List<String> reps) {
        return new Criteria()
                .orOperator(
                        where("scope").is(ObjectiveScope.TEAM).and("scopeId").is(teamId),
                        where("scope").is(ObjectiveScope.REP).and("scopeId").in(reps));
    }

    /** The objectives a criteria matches, cancelled ones left out. */
    private List<ObjectiveSet> find(Criteria criteria) {
        return mongo.find(query(criteria.and(CANCELLED_AT).is(null)), TrackedObjective.class).stream()
                .map(TrackedObjective::definition)
                .toList();
    }

    private static Query byId(String objectiveId) {
        return query(where("_id").is(objectiveId));
    }
}
