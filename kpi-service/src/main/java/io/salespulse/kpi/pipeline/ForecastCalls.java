package io.salespulse.kpi.pipeline;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The forecast calls of every level (docs/kpis-and-signals.md, "Forecast hierarchy"): each week of a forecast period,
 * a rep says what it will have won by the period's end (or its manager says it for it), a team's manager what the team
 * will have, a director what its unit will have. Each level has its collection ({@link Level#collection}). Calling
 * again the same week replaces the call, visibly: the new call says which one it replaces, and the history keeps both
 * (the replaced one marked so). Once the period is over, the last call of each week is judged against what was won.
 */
@Component
public class ForecastCalls {

    /** Who a call is for. */
    public enum Level {
        /** A rep's own call (or its manager's for it). */
        REP("rep_forecast_calls"),
        /** A manager's call for its team. */
        TEAM("forecast_calls"),
        /** A director's call for its unit. */
        UNIT("unit_forecast_calls");

        private final String collection;

        Level(String collection) {
            this.collection = collection;
        }

        /** Where its calls are kept. */
        public String collection() {
            return collection;
        }

        /** The field naming what a call is for: a team's calls (kept since before the other levels) by its team. */
        String subjectField() {
            return this == TEAM ? "teamId" : "subjectId";
        }
    }

    /**
     * A call as stored (amounts Decimal128, days ISO text).
     *
     * @param teamId     the team (of the rep, for a rep's call; none for a unit's)
     * @param managerId  who called (the token's subject: a manager, a rep, a director)
     * @param week       the Monday of the week it was made
     * @param replaces   the call of the same week it replaced (its amount, currency and time), or null
     * @param replacedAt when a later call of the same week replaced this one (null: it is the week's call)
     * @param level      who it is for (null in calls made before there were levels: a team's)
     * @param subjectId  the rep, team or unit it is for
     */
    @Document("forecast_calls")
    public record Call(
            @Id String id,
            String teamId,
            String periodFrom,
            String periodTo,
            String week,
            String managerId,
            BigDecimal amount,
            String currency,
            String note,
            Instant at,
            Replaced replaces,
            Instant replacedAt,
            Level level,
            String subjectId) {

        /** The rep, team or unit it is for. */
        public String subject() {
            return subjectId == null ? teamId : subjectId;
        }
    }

    /** What a call replaced: the earlier call of the same week. */
    public record Replaced(BigDecimal amount, String currency, Instant at) {}

    /**
     * How close one caller's calls for one rep, team or unit came to what was won: each call's accuracy is
     * {@code 1 - |call - won| / won} (at least 0; with nothing won, 1 for a call of 0, else 0), and the mean of them.
     * A unit's call whose won amount could not be converted (a missing rate) is not judged.
     *
     * @param managerId who called
     * @param level     for whom
     * @param subjectId the rep, team or unit
     * @param calls     the calls judged (periods over)
     * @param accuracy  the mean accuracy
     * @param judged    each call with what was won and its accuracy
     */
    public record Accuracy(
            String managerId, Level level, String subjectId, int calls, BigDecimal accuracy, List<Judged> judged) {}

    /** One call against what was won. */
    public record Judged(
            LocalDate periodFrom,
            LocalDate periodTo,
            LocalDate week,
            String currency,
            BigDecimal call,
            BigDecimal won,
            BigDecimal accuracy) {}

    private final MongoTemplate mongo;

    private final io.salespulse.kpi.changes.FigureChanges changes;

    ForecastCalls(MongoTemplate mongo, io.salespulse.kpi.changes.FigureChanges changes) {
        this.mongo = mongo;
        this.changes = changes;
        for (Level level : Level.values()) {
            mongo.indexOps(level.collection())
                    .createIndex(new Index().on("teamId", Sort.Direction.ASC).on("periodTo", Sort.Direction.ASC));
            if (level != Level.TEAM) {
                mongo.indexOps(level.collection())
                        .createIndex(
                                new Index().on("subjectId", Sort.Direction.ASC).on("periodTo", Sort.Direction.ASC));
            }
        }
    }

    /** Records a manager's call for its team this week ({@link #put(Level, String, String, LocalDate, LocalDate, LocalDate, String, BigDecimal, String, String, Instant)}). */
    public Call put(
            String teamId,
            LocalDate from,
            LocalDate to,
            LocalDate week,
            String managerId,
            BigDecimal amount,
            String currency,
            String note,
            Instant when) {
        return put(Level.TEAM, teamId, teamId, from, to, week, managerId, amount, currency, note, when);
    }

    /**
     * Records a call for this week. One made earlier the same week by the same caller is kept in the history as
     * replaced (under its own id, first, so that a crash between the two writes loses nothing), and the new call names
     * it.
     */
    public Call put(
            Level level,
            String subjectId,
            String teamId,
            LocalDate from,
            LocalDate to,
            LocalDate week,
            String managerId,
            BigDecimal amount,
            String currency,
            String note,
            Instant when) {
        // As stored (to the millisecond): the answer says what a later read will.
        Instant at = when.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String id = String.join("|", subjectId, from.toString(), to.toString(), week.toString(), managerId);
        Call earlier = mongo.findById(id, Call.class, level.collection());
        Replaced replaces = null;
        if (earlier != null) {
            mongo.save(
                    new Call(
                            id + "|" + earlier.at().toEpochMilli(),
                            earlier.teamId(),
                            earlier.periodFrom(),
                            earlier.periodTo(),
                            earlier.week(),
                            earlier.managerId(),
                            earlier.amount(),
                            earlier.currency(),
                            earlier.note(),
                            earlier.at(),
                            earlier.replaces(),
                            at,
                            level,
                            subjectId),
                    level.collection());
            replaces = new Replaced(earlier.amount(), earlier.currency(), earlier.at());
        }
        Call call = new Call(
                id,
                teamId,
                from.toString(),
                to.toString(),
                week.toString(),
                managerId,
                amount,
                currency,
                note,
                at,
                replaces,
                null,
                level,
                subjectId);
        mongo.save(call, level.collection());
        changes.anyTeam();
        return call;
    }

    /** A team's calls for a period, replaced ones included, oldest first (by week, manager, time). */
    public List<Call> of(String teamId, LocalDate from, LocalDate to) {
        return of(Level.TEAM, teamId, from, to);
    }

    /** The calls for a rep, team or unit for a period, replaced ones included, oldest first. */
    public List<Call> of(Level level, String subjectId, LocalDate from, LocalDate to) {
        return of(level, where(level.subjectField()).is(subjectId), from, to);
    }

    /** The calls of a team's reps for a period, replaced ones included, oldest first. */
    public List<Call> ofRepsOf(String teamId, LocalDate from, LocalDate to) {
        return of(Level.REP, where("teamId").is(teamId), from, to);
    }

    private List<Call> of(Level level, Criteria which, LocalDate from, LocalDate to) {
        return mongo.find(
                query(which.and("periodFrom")
                                .is(from.toString())
                                .and("periodTo")
                                .is(to.toString()))
                        .with(Sort.by("week", "managerId", "at")),
                Call.class,
                level.collection());
    }

    /** The call in force of each subject among {@code calls}: its latest week's, not replaced. */
    public static Map<String, Call> latest(List<Call> calls) {
        Map<String, Call> latest = new TreeMap<>();
        for (Call call : calls) {
            if (call.replacedAt() == null) {
                latest.merge(
                        call.subject(),
                        call,
                        (a, b) ->
                                b.week().compareTo(a.week()) > 0 || b.week().equals(a.week()) && b.at().isAfter(a.at())
                                        ? b
                                        : a);
            }
        }
        return latest;
    }

    /**
     * Each manager's accuracy over the team's periods that ended before {@code today} (at most {@code periods} of the
     * latest), {@code won} telling what the team won in a period and currency.
     */
    public List<Accuracy> accuracy(
            String teamId, LocalDate today, int periods, BiFunction<Call, String, BigDecimal> won) {
        return accuracy(Level.TEAM, where("teamId").is(teamId), today, periods, won);
    }

    /**
     * Each caller's accuracy for each subject of the level that {@code which} selects, over the periods that ended
     * before {@code today} (at most {@code periods} of the latest); {@code won} tells what the call's subject won in its
     * period and a currency (null: it cannot be told, and the call is not judged).
     */
    public List<Accuracy> accuracy(
            Level level, Criteria which, LocalDate today, int periods, BiFunction<Call, String, BigDecimal> won) {
        // The last call of each week: replaced ones are history, not judged.
        List<Call> calls = mongo.find(
                query(which.and("periodTo")
                                .lt(today.toString())
                                .and("replacedAt")
                                .is(null))
                        .with(Sort.by(Sort.Direction.DESC, "periodTo")),
                Call.class,
                level.collection());
        List<String> kept = calls.stream()
                .map(c -> c.periodFrom() + "|" + c.periodTo())
                .distinct()
                .limit(periods)
                .toList();
        Map<List<String>, List<Judged>> byManager = new java.util.LinkedHashMap<>();
        Map<String, BigDecimal> wonCache = new TreeMap<>();
        for (Call call : calls) {
            if (!kept.contains(call.periodFrom() + "|" + call.periodTo())) {
                continue;
            }
            String key = call.subject() + "|" + call.periodFrom() + "|" + call.periodTo() + "|" + call.currency();
            if (!wonCache.containsKey(key)) {
                wonCache.put(key, won.apply(call, call.currency()));
            }
            BigDecimal actual = wonCache.get(key);
            if (actual == null) {
                continue;
            }
            byManager
                    .computeIfAbsent(List.of(call.managerId(), call.subject()), m -> new ArrayList<>())
                    .add(new Judged(
                            LocalDate.parse(call.periodFrom()),
                            LocalDate.parse(call.periodTo()),
                            LocalDate.parse(call.week()),
                            call.currency(),
                            call.amount(),
                            actual,
                            accuracy(call.amount(), actual)));
        }
        List<Accuracy> accuracy = new ArrayList<>();
        byManager.forEach((callerAndSubject, judged) -> {
            String manager = callerAndSubject.get(0);
            String subject = callerAndSubject.get(1);
            BigDecimal mean = judged.stream()
                    .map(Judged::accuracy)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(judged.size()), 4, RoundingMode.HALF_UP);
            accuracy.add(new Accuracy(manager, level, subject, judged.size(), mean, judged));
        });
        accuracy.sort(java.util.Comparator.comparing(Accuracy::subjectId).thenComparing(Accuracy::managerId));
        return accuracy;
    }

    /** {@code 1 - |call - won| / won}, at least 0; with nothing won, 1 for a call of 0, else 0. */
    static BigDecimal accuracy(BigDecimal call, BigDecimal won) {
        if (won.signum() == 0) {
            return call.signum() == 0 ? BigDecimal.ONE.setScale(4) : BigDecimal.ZERO.setScale(4);
        }
        BigDecimal miss = call.subtract(won).abs().divide(won, 4, RoundingMode.HALF_UP);
        return BigDecimal.ONE.subtract(miss).max(BigDecimal.ZERO).setScale(4, RoundingMode.HALF_UP);
    }
}
