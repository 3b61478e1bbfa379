package io.salespulse.activity.roster;

import io.salespulse.kit.mongo.Documents;
import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.org.OrgEvent;
import io.salespulse.contracts.org.Backfill;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

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

    private final MongoTemplate mongo;
    private final AcceptedEventLog acceptedEvents;
    private final Clock clock;

    RosterService(MongoTemplate mongo, AcceptedEventLog acceptedEvents, Clock clock) {
        this.mongo = mongo;
        this.acceptedEvents = acceptedEvents;
        this.clock = clock;
        mongo.getCollection(REPS).createIndex(new Document("teamId", 1));
        mongo.getCollection(REPS).createIndex(new Document("externalKeys", 1));
        mongo.getCollection(ABSENCES).createIndex(new Document("repId", 1).append("from", 1));
    }

    /** Records an absence (new, changed or cancelled): durable on its way to the org topic first, then stored. */
    RepAbsence saveAbsence(RepAbsence absence) {
        publish(absence);
        store(ABSENCES, absence.absenceId(), absence, null);
        return absence;
    }

    Optional<RepAbsence> absence(String absenceId) {
        return find(ABSENCES, Filters.eq("_id", absenceId), RepAbsence.class).stream().findFirst();
    }

    /**
     * The absences in force of these reps that touch from..to, soonest first, at most {@code limit}.
     * Dates are stored as ISO text, so comparing the text compares the days.
     */
    List<RepAbsence> absences(java.util.Collection<String> repIds, java.time.LocalDate from, java.time.LocalDate to, int limit) {
        org.bson.conversions.Bson filter = Filters.and(Filters.in("repId", repIds), Filters.eq("cancelled", false),
                Filters.lte("from", to.toString()), Filters.gte("to", from.toString()));
        return mongo.getCollection(ABSENCES).find(filter).sort(new Document("from", 1).append("_id", 1)).limit(limit)
                .map(doc -> Documents.read(doc, RepAbsence.class)).into(new java.util.ArrayList<>());
    }

    /** Records a backfill's state: durable on its way to the org topic first, then stored. */
    Backfill saveBackfill(Backfill backfill) {
        publish(backfill);
        store(BACKFILLS, backfill.backfillId(), backfill, null);
        return backfill;
    }

    Optional<Backfill> backfill(String backfillId) {
        return find(BACKFILLS, Filters.eq("_id", backfillId), Backfill.class).stream().findFirst();
    }

    TeamChanged saveTeam(TeamChanged team) {
        publish(team);
        store(TEAMS, team.teamId(), team, null);
        return team;
    }

    RepChanged saveRep(RepChanged rep) {
        publish(rep);
        List<String> externalKeys = rep.externalIds() == null ? List.of()
                : rep.externalIds().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
        store(REPS, rep.repId(), rep, externalKeys);
        return rep;
    }

    public Optional<TeamChanged> team(String teamId) {
        return find(TEAMS, Filters.eq("_id", teamId), TeamChanged.class).stream().findFirst();
    }

    public Optional<RepChanged> rep(String repId) {
        return find(REPS, Filters.eq("_id", repId), RepChanged.class).stream().findFirst();
    }

    public List<RepChanged> repsOf(String teamId) {
        return find(REPS, Filters.eq("teamId", teamId), RepChanged.class);
    }

    /** A page of a team's reps, in id order, as the list endpoint answers it. */
    <T> org.springframework.http.ResponseEntity<List<T>> pageOfTeam(String teamId, io.salespulse.kit.web.Paging paging,
                                                                   java.util.function.Function<RepChanged, T> view) {
        return paging.byId(mongo.getCollection(REPS), Filters.eq("teamId", teamId), doc -> view.apply(Documents.read(doc, RepChanged.class)));
    }

    /** A page of the teams, in id order; {@code only} null for every team, else just these. */
    <T> org.springframework.http.ResponseEntity<List<T>> pageOfTeams(java.util.Set<String> only, io.salespulse.kit.web.Paging paging,
                                                                    java.util.function.Function<TeamChanged, T> view) {
        org.bson.conversions.Bson filter = only == null ? new Document() : Filters.in("_id", only);
        return paging.byId(mongo.getCollection(TEAMS), filter, doc -> view.apply(Documents.read(doc, TeamChanged.class)));
    }

    /** The SalesPulse rep whose id in a CRM ({@code hubspot}, {@code pipedrive}, ...) is this one. */
    public Optional<RepChanged> repByExternalId(String crm, String externalId) {
        return find(REPS, Filters.eq("externalKeys", crm + ":" + externalId), RepChanged.class).stream().findFirst();
    }

    Clock clock() {
        return clock;
    }

    private void publish(OrgEvent event) {
        acceptedEvents.appendOwn(SOURCE, "roster", event);
    }

    private void store(String collection, String id, OrgEvent event, List<String> externalKeys) {
        Document doc = Documents.of(event);
        doc.put("_id", id);
        if (externalKeys != null) {
            doc.put("externalKeys", externalKeys);
        }
        mongo.getCollection(collection).replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }

    private <T> List<T> find(String collection, org.bson.conversions.Bson filter, Class<T> type) {
        return mongo.getCollection(collection).find(filter).sort(new Document("_id", 1)).map(doc -> Documents.read(doc, type)).into(new java.util.ArrayList<>());
    }
}
