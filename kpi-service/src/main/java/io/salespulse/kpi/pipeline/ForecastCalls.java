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
import org.springframework.stereotype.Component;

/**
 * The managers' forecast calls: each week of a forecast period, a team's manager says what the team will have won by
 * the period's end (the {@code forecast_calls} collection). Calling again the same week replaces the call, visibly:
 * the new call says which one it replaces, and the history keeps both (the replaced one marked so). Once the period
 * is over, the last call of each week is judged against what was won.
 */
@Component
public class ForecastCalls {

    /**
     * A call as stored (amounts Decimal128, days ISO text).
     *
     * @param week       the Monday of the week it was made
     * @param replaces   the call of the same week it replaced (its amount, currency and time), or null
     * @param replacedAt when a later call of the same week replaced this one (null: it is the week's call)
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
            Instant replacedAt) {}

    /** What a call replaced: the earlier call of the same week. */
    public record Replaced(BigDecimal amount, String currency, Instant at) {}

    /**
     * How close one manager's calls came to what was won: each call's accuracy is {@code 1 - |call - won| / won}
     * (at least 0; with nothing won, 1 for a call of 0, else 0), and the mean of them.
     *
     * @param calls    the calls judged (periods over)
     * @param accuracy the mean accuracy
     * @param judged   each call with what was won and its accuracy
     */
    public record Accuracy(String managerId, int calls, BigDecimal accuracy, List<Judged> judged) {}

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

    ForecastCalls(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Call.class)
                .createIndex(new Index().on("teamId", Sort.Direction.ASC).on("periodTo", Sort.Direction.ASC));
    }

    /**
     * Records a manager's call for this week. One made earlier the same week is kept in the history as replaced (under
     * its own id, first, so that a crash between the two writes loses nothing), and the new call names it.
     */
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
        // As stored (to the millisecond): the answer says what a later read will.
        Instant at = when.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String id = String.join("|", teamId, from.toString(), to.toString(), week.toString(), managerId);
        Call earlier = mongo.findById(id, Call.class);
        Replaced replaces = null;
        if (earlier != null) {
            mongo.save(new Call(
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
                    at));
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
                null);
        mongo.save(call);
        return call;
    }

    /** A team's calls for a period, replaced ones included, oldest first (by week, manager, time). */
    public List<Call> of(String teamId, LocalDate from, LocalDate to) {
        return mongo.find(
                query(where("teamId")
                                .is(teamId)
                                .and("periodFrom")
                                .is(from.toString())
                                .and("periodTo")
                                .is(to.toString()))
                        .with(Sort.by("week", "managerId", "at")),
                Call.class);
    }

    /**
     * Each manager's accuracy over the team's periods that ended before {@code today} (at most {@code periods} of the
     * latest), {@code won} telling what the team won in a period and currency.
     */
    public List<Accuracy> accuracy(
            String teamId, LocalDate today, int periods, BiFunction<Call, String, BigDecimal> won) {
        // The last call of each week: replaced ones are history, not judged.
        List<Call> calls = mongo.find(
                query(where("teamId")
                                .is(teamId)
                                .and("periodTo")
                                .lt(today.toString())
                                .and("replacedAt")
                                .is(null))
                        .with(Sort.by(Sort.Direction.DESC, "periodTo")),
                Call.class);
        List<String> kept = calls.stream()
                .map(c -> c.periodFrom() + "|" + c.periodTo())
                .distinct()
                .limit(periods)
                .toList();
        Map<String, List<Judged>> byManager = new TreeMap<>();
        Map<String, BigDecimal> wonCache = new TreeMap<>();
        for (Call call : calls) {
            if (!kept.contains(call.periodFrom() + "|" + call.periodTo())) {
                continue;
            }
            BigDecimal actual = wonCache.computeIfAbsent(
                    call.periodFrom() + "|" + call.periodTo() + "|" + call.currency(),
                    key -> won.apply(call, call.currency()));
            byManager
                    .computeIfAbsent(call.managerId(), m -> new ArrayList<>())
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
        byManager.forEach((manager, judged) -> {
            BigDecimal mean = judged.stream()
                    .map(Judged::accuracy)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(judged.size()), 4, RoundingMode.HALF_UP);
            accuracy.add(new Accuracy(manager, judged.size(), mean, judged));
        });
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
