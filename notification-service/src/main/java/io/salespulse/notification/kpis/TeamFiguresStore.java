package io.salespulse.notification.kpis;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.KpiEvent;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.kpi.PipelineReviewed;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.kit.mongo.LatestState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * What the weekly digest needs of kpi-service's figures: each rep's totals per day (the latest
 * {@link RepDayKpisUpdated} of the day), each objective's latest {@link ObjectiveProgressed}, and each team's weekly
 * {@link PipelineReviewed}. Redelivered or
 * out-of-order events never move a figure back.
 */
@Component
public class TeamFiguresStore {

    static final String REP_DAYS = "rep_days";
    static final String OBJECTIVES = "objectives";

    private final MongoTemplate mongo;

    TeamFiguresStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(REP_DAYS)
                .createIndex(new Index().on("repId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
        mongo.indexOps(OBJECTIVES).createIndex(new Index().on("teamId", Sort.Direction.ASC));
    }

    /** A rep's figures of a day as stored here, under {@code rep|day}: the day's activity counts beside who and when. */
    record RepDayFigures(
            String repId,
            String teamId,
            LocalDate day,
            long calls,
            long connectedCalls,
            long talkTimeSeconds,
            long emails,
            long meetingsBooked,
            long meetingsScheduled,
            long meetingsHeld,
            long dealsCreated,
            long dealsAdvanced,
            long dealsWon,
            long dealsLost) {

        static RepDayFigures of(RepDayKpisUpdated day) {
            DailyActivity a = day.activity();
            return new RepDayFigures(
                    day.repId(),
                    day.teamId(),
                    day.day(),
                    a.calls(),
                    a.connectedCalls(),
                    a.talkTimeSeconds(),
                    a.emails(),
                    a.meetingsBooked(),
                    a.meetingsScheduled(),
                    a.meetingsHeld(),
                    a.dealsCreated(),
                    a.dealsAdvanced(),
                    a.dealsWon(),
                    a.dealsLost());
        }

        long[] counts() {
            return new long[] {
                calls,
                connectedCalls,
                talkTimeSeconds,
                emails,
                meetingsBooked,
                meetingsScheduled,
                meetingsHeld,
                dealsCreated,
                dealsAdvanced,
                dealsWon,
                dealsLost
            };
        }
    }

    void record(EventEnvelope envelope) {
        KpiEvent event = envelope.dataAs(KpiEvent.class);
        if (event instanceof RepDayKpisUpdated day) {
            LatestState.replaceIfNotOlder(
                    mongo,
                    REP_DAYS,
                    day.repId() + "|" + day.day(),
                    day.occurredAt().toEpochMilli(),
                    RepDayFigures.of(day));
        } else if (event instanceof ObjectiveProgressed objective) {
            // A cancellation is final: figures computed before it and published after it do not bring the objective
            // back.
            if (objective.status() == ObjectiveStatus.CANCELLED) {
                LatestState.replace(mongo, OBJECTIVES, objective.objectiveId(), objective); // final whatever its time
            } else if (!mongo.exists(
                    query(where("_id").is(objective.objectiveId()).and("status").is(ObjectiveStatus.CANCELLED.name())),
                    OBJECTIVES)) {
                LatestState.replaceIfNotOlder(
                        mongo,
                        OBJECTIVES,
                        objective.objectiveId(),
                        objective.occurredAt().toEpochMilli(),
                        objective);
            }
        } else if (event instanceof PipelineReviewed review) {
            String id = review.teamId() + "|" + review.weekStart();
            StoredReview held = mongo.findById(id, StoredReview.class);
            if (held == null || !held.occurredAt().isAfter(review.occurredAt())) {
                mongo.save(new StoredReview(
                        id,
                        review.teamId(),
                        review.weekStart().toString(),
                        EventCodec.toJson(review),
                        review.occurredAt()));
            }
        }
    }

    /** A team's weekly pipeline review as kpi-service published it (the latest, should it come twice). */
    @org.springframework.data.mongodb.core.mapping.Document("pipeline_reviews")
    record StoredReview(
            @org.springframework.data.annotation.Id String id,
            String teamId,
            String weekStart,
            byte[] event,
            Instant occurredAt) {}

    /** The pipeline review of a team's week starting {@code monday}, once kpi-service has published it. */
    public java.util.Optional<PipelineReviewed> review(String teamId, LocalDate monday) {
        return java.util.Optional.ofNullable(mongo.findById(teamId + "|" + monday, StoredReview.class))
                .map(stored -> (PipelineReviewed)
                        EventCodec.fromJson(io.salespulse.contracts.EventType.PIPELINE_REVIEWED, stored.event()));
    }

    /** A rep's totals over the days {@code from} to {@code to} inclusive. */
    public DailyActivity repTotals(String repId, LocalDate from, LocalDate to) {
        return sum(mongo.find(
                query(where("repId").is(repId).and("day").gte(from).lte(to)), RepDayFigures.class, REP_DAYS));
    }

    /**
     * Each of these reps' totals over the days {@code from} to {@code to} and over the last of them alone, read in one
     * query: index 0 the whole span, index 1 its last day. A rep without figures has none in the map.
     */
    public java.util.Map<String, DailyActivity[]> spanAndLastDay(
            Collection<String> repIds, LocalDate from, LocalDate to) {
        java.util.Map<String, List<RepDayFigures>> byRep = new java.util.HashMap<>();
        for (RepDayFigures day : mongo.find(
                query(where("repId").in(repIds).and("day").gte(from).lte(to)), RepDayFigures.class, REP_DAYS)) {
            byRep.computeIfAbsent(day.repId(), rep -> new ArrayList<>()).add(day);
        }
        java.util.Map<String, DailyActivity[]> totals = new java.util.HashMap<>();
        byRep.forEach((rep, days) -> totals.put(rep, new DailyActivity[] {
            sum(days), sum(days.stream().filter(day -> to.equals(day.day())).toList())
        }));
        return totals;
    }

    private static DailyActivity sum(List<RepDayFigures> days) {
        long[] sum = new long[11];
        for (RepDayFigures day : days) {
            long[] values = day.counts();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += values[i];
            }
        }
        return new DailyActivity(
                sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7], sum[8], sum[9], sum[10]);
    }

    /** The objectives of these teams (theirs and their reps'): those still running, and those that changed since a time. */
    public List<ObjectiveProgressed> objectivesOf(Collection<String> teamIds, Instant since) {
        List<ObjectiveProgressed> objectives = new ArrayList<>();
        for (ObjectiveProgressed objective :
                mongo.find(query(where("teamId").in(teamIds)), ObjectiveProgressed.class, OBJECTIVES)) {
            boolean running = objective.elapsed() == null || objective.elapsed().compareTo(BigDecimal.ONE) < 0;
            if (running || !objective.occurredAt().isBefore(since)) {
                objectives.add(objective);
            }
        }
        return objectives;
    }
}
