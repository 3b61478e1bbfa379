package io.salespulse.kit.roster;

import io.salespulse.contracts.org.OrgEvent;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.kit.mongo.LatestState;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A service's own copy of the roster, built from the compacted org topic: kept in memory for the hot path (the time
 * zone of each event's rep) and in the service's database so a restart does not need the topic replayed.
 * An older state of a team or rep never overwrites a newer one. Each is stored as the event itself (a typed
 * document mapped by Spring Data), under its id.
 */
public class RosterStore {

    static final String TEAMS = "roster_teams";
    static final String REPS = "roster_reps";
    static final String ABSENCES = "roster_absences";
    static final String UNITS = "roster_units";

    private final MongoTemplate mongo;
    private final Map<String, TeamChanged> teams = new ConcurrentHashMap<>();
    private final Map<String, RepChanged> reps = new ConcurrentHashMap<>();
    private final Map<String, UnitChanged> units = new ConcurrentHashMap<>();
    private volatile OrgTree tree = OrgTree.EMPTY;
    // Absences by id, and the ones in force (not cancelled) by rep: the hot path asks per rep.
    private final Map<String, RepAbsence> absences = new ConcurrentHashMap<>();
    private final Map<String, List<RepAbsence>> absencesByRep = new ConcurrentHashMap<>();

    public RosterStore(MongoTemplate mongo) {
        this.mongo = mongo;
        load();
    }

    private void load() {
        mongo.findAll(TeamChanged.class, TEAMS).forEach(team -> teams.put(team.teamId(), team));
        mongo.findAll(RepChanged.class, REPS).forEach(rep -> reps.put(rep.repId(), rep));
        mongo.findAll(RepAbsence.class, ABSENCES).forEach(this::hold);
        mongo.findAll(UnitChanged.class, UNITS).forEach(unit -> units.put(unit.unitId(), unit));
        tree = new OrgTree(units.values());
    }

    /** Applies a roster change unless a newer state of the same team or rep is already held. */
    public void apply(OrgEvent event) {
        if (event instanceof TeamChanged team && store(TEAMS, team.teamId(), team)) {
            teams.merge(team.teamId(), team, RosterStore::newest);
        } else if (event instanceof RepChanged rep && store(REPS, rep.repId(), rep)) {
            reps.merge(rep.repId(), rep, RosterStore::newest);
        } else if (event instanceof RepAbsence absence && store(ABSENCES, absence.absenceId(), absence)) {
            hold(absence);
        } else if (event instanceof UnitChanged unit && store(UNITS, unit.unitId(), unit)) {
            holdUnit(unit);
        }
    }

    private synchronized void holdUnit(UnitChanged unit) {
        units.merge(unit.unitId(), unit, RosterStore::newest);
        tree = new OrgTree(units.values());
    }

    private synchronized void hold(RepAbsence incoming) {
        RepAbsence held = absences.get(incoming.absenceId());
        if (held != null && incoming.occurredAt().isBefore(held.occurredAt())) {
            return;
        }
        absences.put(incoming.absenceId(), incoming);
        if (held != null) {
            absencesByRep.computeIfPresent(held.repId(), (rep, list) -> without(list, held.absenceId()));
        }
        if (!incoming.cancelled()) {
            absencesByRep.merge(incoming.repId(), List.of(incoming), (list, added) -> {
                List<RepAbsence> next = new java.util.ArrayList<>(list);
                next.removeIf(a -> a.absenceId().equals(incoming.absenceId()));
                next.addAll(added);
                return List.copyOf(next);
            });
        }
    }

    private static List<RepAbsence> without(List<RepAbsence> list, String absenceId) {
        List<RepAbsence> left =
                list.stream().filter(a -> !a.absenceId().equals(absenceId)).toList();
        return left.isEmpty() ? null : left;
    }

    /** Forgets the roster (a rebuild replays it from the org topic). */
    public void clear() {
        teams.clear();
        reps.clear();
        absences.clear();
        absencesByRep.clear();
        units.clear();
        tree = OrgTree.EMPTY;
    }

    /** The organisation's tree: its units and the teams under each. */
    public OrgTree tree() {
        return tree;
    }

    public Optional<TeamChanged> team(String teamId) {
        return Optional.ofNullable(teamId).map(teams::get);
    }

    public Optional<RepChanged> rep(String repId) {
        return Optional.ofNullable(repId).map(reps::get);
    }

    /** The rep's absences in force (cancelled ones left out), in no particular order. */
    public List<RepAbsence> absencesOf(String repId) {
        return repId == null ? List.of() : absencesByRep.getOrDefault(repId, List.of());
    }

    public Collection<TeamChanged> teams() {
        return List.copyOf(teams.values());
    }

    public List<RepChanged> repsOf(String teamId) {
        return reps.values().stream().filter(rep -> teamId.equals(rep.teamId())).toList();
    }

    /** The rep's team, if the rep and the team are known. */
    public Optional<TeamChanged> teamOf(String repId) {
        return rep(repId).flatMap(rep -> team(rep.teamId()));
    }

    /** The time zone days are counted in for a rep: the team's, or UTC for a rep the roster does not know yet. */
    public ZoneId zoneOf(String repId) {
        return teamOf(repId).map(team -> ZoneId.of(team.timezone())).orElse(ZoneOffset.UTC);
    }

    private boolean store(String collection, String id, OrgEvent event) {
        return LatestState.replaceIfNotOlder(
                mongo, collection, id, event.occurredAt().toEpochMilli(), event);
    }

    private static <T extends OrgEvent> T newest(T held, T incoming) {
        return incoming.occurredAt().isBefore(held.occurredAt()) ? held : incoming;
    }
}
