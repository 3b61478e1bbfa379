package io.salespulse.notification.celebrations;

import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.security.LinkKeys;
import io.salespulse.notification.channels.Message;
import io.salespulse.notification.delivery.Delivery;
import io.salespulse.notification.delivery.DeliveryStore;
import io.salespulse.notification.inbox.SignalInbox;
import io.salespulse.notification.kpis.TeamFiguresStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * A team's wall: what the screen in the sales room shows, reached through a link its manager or an admin creates and
 * can revoke, so a TV shows it without anyone's session. The link's key is random (256 bits), given once, kept only
 * as its SHA-256. What the wall shows is public in the team: today's and this week's calls, connected calls, meetings
 * booked and deals won, the week's calls by rep, and the recognitions a team sees (big wins, objective milestones,
 * personal bests) of the last seven days. Never a weak signal, never a 1:1, and never a rep who would rather not be
 * posted (by name: their figures still count in the team's totals).
 */
@Component
class TeamWall {

    /** How far back the wall's recognitions go. */
    static final Duration WINS_BACK = Duration.ofDays(7);

    static final int MAX_WINS = 6;

    /** A wall link as stored: its key only as a hash. */
    @Document("team_walls")
    record WallLink(
            @Id String wallId, String teamId, String keyHash, String createdBy, Instant createdAt, Instant revokedAt) {}

    /** A link just created: the only time its key is told. */
    record Created(WallLink link, String key) {}

    /** Counts of a span. */
    record WallFigures(long calls, long connectedCalls, long meetingsBooked, long dealsWon) {}

    /** A rep's place in the week's calls (equal figures share a rank). */
    record WallPlace(int rank, String name, long calls) {}

    /** A recognition the team sees, titled in the team's language as its manager was told it. */
    record WallWin(String title, Instant at) {}

    /** What the wall shows. */
    record WallBoard(
            String teamId,
            String teamName,
            String locale,
            LocalDate today,
            LocalDate weekFrom,
            WallFigures todayFigures,
            WallFigures weekFigures,
            List<WallPlace> leaderboard,
            List<WallWin> wins) {}

    private final MongoTemplate mongo;
    private final RosterStore roster;
    private final TeamFiguresStore figures;
    private final TeamCelebrations celebrations;
    private final DeliveryStore deliveries;
    private final SignalInbox inbox;
    private final Clock clock;

    TeamWall(
            MongoTemplate mongo,
            RosterStore roster,
            TeamFiguresStore figures,
            TeamCelebrations celebrations,
            DeliveryStore deliveries,
            SignalInbox inbox,
            Clock clock) {
        this.mongo = mongo;
        this.roster = roster;
        this.figures = figures;
        this.celebrations = celebrations;
        this.deliveries = deliveries;
        this.inbox = inbox;
        this.clock = clock;
    }

    Created create(String teamId, String createdBy) {
        String key = LinkKeys.newKey();
        WallLink link = new WallLink(
                UUID.randomUUID().toString(), teamId, LinkKeys.hash(key), createdBy, clock.instant(), null);
        mongo.insert(link);
        return new Created(link, key);
    }

    /** The team's links still in force, the latest first. */
    List<WallLink> linksOf(String teamId) {
        return mongo
                .find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("teamId")
                                        .is(teamId)
                                        .and("revokedAt")
                                        .is(null)),
                        WallLink.class)
                .stream()
                .sorted(Comparator.comparing(WallLink::createdAt).reversed())
                .toList();
    }

    /** Revokes a link of the team; false when the team has no such link. */
    boolean revoke(String teamId, String wallId) {
        WallLink link = mongo.findById(wallId, WallLink.class);
        if (link == null || !link.teamId().equals(teamId)) {
            return false;
        }
        if (link.revokedAt() == null) {
            mongo.save(new WallLink(
                    link.wallId(), link.teamId(), link.keyHash(), link.createdBy(), link.createdAt(), clock.instant()));
        }
        return true;
    }

    /** The wall a link in force opens with its key; empty for an unknown or revoked link or a wrong key. */
    Optional<WallBoard> open(String wallId, String key) {
        WallLink link = mongo.findById(wallId, WallLink.class);
        if (link == null || link.revokedAt() != null || !LinkKeys.matches(key, link.keyHash())) {
            return Optional.empty();
        }
        return roster.team(link.teamId()).map(this::board);
    }

    private WallBoard board(TeamChanged team) {
        ZoneId zone = ZoneId.of(team.timezone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<RepChanged> reps =
                roster.repsOf(team.teamId()).stream().filter(RepChanged::active).toList();
        Set<String> notPosted = Set.copyOf(
                celebrations.notPosted(reps.stream().map(RepChanged::repId).toList()));
        long[] day = new long[4];
        long[] week = new long[4];
        List<Map.Entry<RepChanged, Long>> calls = new ArrayList<>();
        // The week's days of every rep in one read: the week's totals and today's.
        Map<String, DailyActivity[]> totals =
                figures.spanAndLastDay(reps.stream().map(RepChanged::repId).toList(), monday, today);
        for (RepChanged rep : reps) {
            DailyActivity[] weekAndToday = totals.get(rep.repId());
            long weekCalls = 0;
            if (weekAndToday != null) {
                add(week, weekAndToday[0]);
                add(day, weekAndToday[1]);
                weekCalls = weekAndToday[0].calls();
            }
            if (!notPosted.contains(rep.repId())) {
                calls.add(Map.entry(rep, weekCalls));
            }
        }
        calls.sort(Map.Entry.<RepChanged, Long>comparingByValue()
                .reversed()
                .thenComparing(e -> e.getKey().displayName()));
        List<WallPlace> leaderboard = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            long value = calls.get(i).getValue();
            int rank = i > 0 && calls.get(i - 1).getValue() == value
                    ? leaderboard.get(i - 1).rank()
                    : i + 1;
            leaderboard.add(new WallPlace(rank, calls.get(i).getKey().displayName(), value));
        }
        return new WallBoard(
                team.teamId(),
                team.name(),
                team.locale() == null ? "en" : team.locale().name(),
                today,
                monday,
                new WallFigures(day[0], day[1], day[2], day[3]),
                new WallFigures(week[0], week[1], week[2], week[3]),
                leaderboard,
                wins(team, notPosted));
    }

    /**
     * The recognitions the team sees of the last seven days, the latest first, as its first manager was told them
     * (their title in that manager's language), but those of reps who would rather not be posted.
     */
    private List<WallWin> wins(TeamChanged team, Set<String> notPosted) {
        if (team.managerIds().isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Delivery> told = deliveries.routedBetween(
                team.managerIds().get(0),
                TeamCelebrations.PUBLIC.stream().map(SignalType::name).toList(),
                now.minus(WINS_BACK),
                now.plusSeconds(1));
        Map<String, String> repOf =
                inbox.repsOf(told.stream().map(Delivery::signalId).toList());
        List<WallWin> wins = new ArrayList<>();
        for (int i = told.size() - 1; i >= 0 && wins.size() < MAX_WINS; i--) {
            Delivery delivery = told.get(i);
            String rep = repOf.get(delivery.signalId());
            if (rep != null && notPosted.contains(rep)) {
                continue;
            }
            wins.add(new WallWin(Message.storedTitle(delivery.envelope().message()), delivery.createdAt()));
        }
        return wins;
    }

    private static void add(long[] sum, DailyActivity a) {
        sum[0] += a.calls();
        sum[1] += a.connectedCalls();
        sum[2] += a.meetingsBooked();
        sum[3] += a.dealsWon();
    }
}
