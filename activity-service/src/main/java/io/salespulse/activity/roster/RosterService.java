package io.salespulse.activity.roster;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.org.Backfill;
import io.salespulse.contracts.org.OrgEvent;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.kit.mongo.LatestState;
import io.salespulse.kit.roster.OrgTree;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

/**
 * The roster, owned here: teams and reps as their latest {@link TeamChanged} / {@link RepChanged} state. A change is
 * first made durable in the accepted-event log (so it will reach the compacted org topic), then stored for reads;
 * a crash between the two loses nothing the caller was told was saved.
 */
@Service
public class RosterService {

    static final String SOURCE = "/activity-service/roster";
    static final String TEAMS = "teams";
    static final String REPS = "reps";
    static final String ABSENCES = "absences";
    static final String BACKFILLS = "backfills";
    static final String UNITS = "units";
    private static final String EXTERNAL_KEYS = "externalKeys";

    private final MongoTemplate mongo;
    private final AcceptedEventLog acceptedEvents;
    private final Clock clock;

    RosterService(MongoTemplate mongo, AcceptedEventLog acceptedEvents, Clock clock) {
        this.mongo = mongo;
        this.acceptedEvents = acceptedEvents;
        this.clock = clock;
        mongo.indexOps(REPS).createIndex(new Index().on("teamId", Sort.Direction.ASC));
        mongo.indexOps(REPS).createIndex(new Index().on(EXTERNAL_KEYS, Sort.Direction.ASC));
        mongo.indexOps(ABSENCES)
                .createIndex(new Index().on("repId", Sort.Direction.ASC).on("from", Sort.Direction.ASC));
    }

    /**
     * When a change made now happens: now, or the millisecond after the record's last change when the clock has not
     * passed it, so that each change of a record has its own revision ({@code RosterController.revisionOf}).
     */
    public Instant nextChange(Optional<Instant> last) {
        Instant now = clock.instant();
        return last.filter(at -> now.toEpochMilli() <= at.toEpochMilli())
                .map(at -> at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusMillis(1))
                .orElse(now);
    }

    /** Records an absence (new, changed or cancelled): durable on its way to the org topic first, then stored. */
    RepAbsence saveAbsence(RepAbsence absence) {
        publish(absence);
        store(ABSENCES, absence.absenceId(), absence, null);
        return absence;
    }

    Optional<RepAbsence> absence(String absenceId) {
        return byId(ABSENCES, absenceId, RepAbsence.class);
    }

    /**
     * The absences in force of these reps that touch from..to, soonest first, at most {@code limit}.
     * Days are stored as ISO text, so comparing the text compares the days.
     */
    List<RepAbsence> absences(
            java.util.Collection<String> repIds, java.time.LocalDate from, java.time.LocalDate to, int limit) {
        return mongo.find(
                query(where("repId")
                                .in(repIds)
                                .and("cancelled")
                                .is(false)
                                .and("from")
                                .lte(to)
                                .and("to")
                                .gte(from))
                        .with(Sort.by("from", "_id"))
                        .limit(limit),
                RepAbsence.class,
                ABSENCES);
    }

    /** Records a backfill's state: durable on its way to the org topic first, then stored. */
    Backfill saveBackfill(Backfill backfill) {
        publish(backfill);
        store(BACKFILLS, backfill.backfillId(), backfill, null);
        return backfill;
    }

    Optional<Backfill> backfill(String backfillId) {
        return byId(BACKFILLS, backfillId, Backfill.class);
    }

    TeamChanged saveTeam(TeamChanged team) {
        publish(team);
        store(TEAMS, team.teamId(), team, null);
        return team;
    }

    RepChanged saveRep(RepChanged rep) {
        publish(rep);
        List<String> externalKeys = rep.externalIds() == null
                ? List.of()
                : rep.externalIds().entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue())
                        .toList();
        store(REPS, rep.repId(), rep, externalKeys);
        return rep;
    }

    /** Records a unit's state: durable on its way to the org topic first, then stored. */
    UnitChanged saveUnit(UnitChanged unit) {
        publish(unit);
        store(UNITS, unit.unitId(), unit, null);
        return unit;
    }

    Optional<UnitChanged> unit(String unitId) {
        return byId(UNITS, unitId, UnitChanged.class);
    }

    /** The organisation's tree as stored here (a few hundred units at most: read whole). */
    public OrgTree tree() {
        return new OrgTree(mongo.findAll(UnitChanged.class, UNITS));
    }

    public Optional<TeamChanged> team(String teamId) {
        return byId(TEAMS, teamId, TeamChanged.class);
    }

    public Optional<RepChanged> rep(String repId) {
        return byId(REPS, repId, RepChanged.class);
    }

    public List<RepChanged> repsOf(String teamId) {
        return mongo.find(query(where("teamId").is(teamId)).with(Sort.by("_id")), RepChanged.class, REPS);
    }

    /** A page of a team's reps, in id order, as the list endpoint answers it. */
    <T> org.springframework.http.ResponseEntity<List<T>> pageOfTeam(
            String teamId, io.salespulse.kit.web.Paging paging, java.util.function.Function<RepChanged, T> view) {
        return paging.byId(mongo, REPS, where("teamId").is(teamId), RepChanged.class, RepChanged::repId, view);
    }

    /** A page of the teams, in id order; {@code only} null for every team, else just these. */
    <T> org.springframework.http.ResponseEntity<List<T>> pageOfTeams(
            java.util.Set<String> only,
            io.salespulse.kit.web.Paging paging,
            java.util.function.Function<TeamChanged, T> view) {
        return paging.byId(
                mongo,
                TEAMS,
                only == null ? null : where("_id").in(only),
                TeamChanged.class,
                TeamChanged::teamId,
                view);
    }

    /** The SalesPulse rep whose id in a CRM ({@code hubspot}, {@code pipedrive}, ...) is this one. */
    public Optional<RepChanged> repByExternalId(String crm, String externalId) {
        return Optional.ofNullable(mongo.findOne(
                query(where(EXTERNAL_KEYS).is(crm + ":" + externalId)).with(Sort.by("_id")), RepChanged.class, REPS));
    }

    Clock clock() {
        return clock;
    }

    private void publish(OrgEvent event) {
        acceptedEvents.appendOwn(SOURCE, "roster", event);
    }

    /** Stored as the event itself, under its id; a rep also with {@code crm:id} keys to find it by a CRM's id. */
    private void store(String collection, String id, OrgEvent event, List<String> externalKeys) {
        LatestState.replace(
                mongo, collection, id, event, externalKeys == null ? Map.of() : Map.of(EXTERNAL_KEYS, externalKeys));
    }

    private <T> Optional<T> byId(String collection, String id, Class<T> type) {
        return Optional.ofNullable(mongo.findById(id, type, collection));
    }
}
