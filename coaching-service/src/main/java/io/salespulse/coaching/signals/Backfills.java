package io.salespulse.coaching.signals;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.contracts.org.Backfill;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The backfills of history the rules wait for (the {@code backfills} collection, from the org topic): while one runs
 * for a team, and for {@code windows.backfill-settle} after it completes (the KPIs computed from the history are on
 * their way), the team's rules are quiet; then the team is judged once, as it now is, so that only what is still true
 * is raised, and told. A backfill never completed stops holding its teams after {@code windows.backfill-max-quiet}.
 */
@Component
class Backfills {

    /** A backfill as the rules follow it; {@code judgedAt} once its teams were judged. */
    @Document("backfills")
    record Window(
            @Id String backfillId, List<String> teamIds, Instant startedAt, Instant completedAt, Instant judgedAt) {}

    private final MongoTemplate mongo;
    private final RuleSettings.Windows windows;

    Backfills(MongoTemplate mongo, RuleSettings rules) {
        this.mongo = mongo;
        this.windows = rules.windows();
        mongo.indexOps(Window.class).createIndex(new Index().on("teamIds", Sort.Direction.ASC));
    }

    /** A backfill started, restarted or completed. */
    void record(Backfill backfill) {
        Window held = mongo.findById(backfill.backfillId(), Window.class);
        boolean restarted = held == null || !backfill.startedAt().equals(held.startedAt());
        Update update = new Update()
                .set("teamIds", backfill.teamIds())
                .set("startedAt", backfill.startedAt())
                .set("completedAt", backfill.completedAt());
        if (restarted) {
            update.unset("judgedAt");
        }
        mongo.upsert(query(where("_id").is(backfill.backfillId())), update, Window.class);
    }

    /** Whether the team's rules are quiet now (a backfill of it runs, or has just completed). */
    boolean quiet(String teamId, Instant now) {
        return teamId != null
                && mongo.find(query(where("teamIds").is(teamId).and("judgedAt").isNull()), Window.class).stream()
                        .anyMatch(window -> holds(window, now));
    }

    /** The backfills whose teams are due to be judged: completed and settled, or given up. */
    List<Window> due(Instant now) {
        return mongo.find(query(where("judgedAt").isNull()), Window.class).stream()
                .filter(window -> !holds(window, now))
                .toList();
    }

    void judged(String backfillId, Instant now) {
        mongo.updateFirst(query(where("_id").is(backfillId)), new Update().set("judgedAt", now), Window.class);
    }

    private boolean holds(Window window, Instant now) {
        return window.completedAt() == null
                ? now.isBefore(window.startedAt().plus(windows.backfillMaxQuiet()))
                : now.isBefore(window.completedAt().plus(windows.backfillSettle()));
    }
}
