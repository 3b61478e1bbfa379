package io.salespulse.notification.celebrations;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.calendar.WorkingCalendar;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.Message;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.channels.Texts;
import io.salespulse.notification.config.NotificationSettings;
import io.salespulse.notification.delivery.ChannelPayloads;
import io.salespulse.notification.delivery.DeliveryStore;
import io.salespulse.notification.delivery.SignalRouted;
import io.salespulse.notification.kpis.TeamFiguresStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The weekly wins ritual for hybrid teams (the article: "a weekly team meeting centred on successes"): on the team's
 * first working day of the week, from {@code salespulse.notifications.weekly-wins-at} (09:00 in its zone), the team's
 * celebration channel gets last week's wins: the deals the team won, and its reps' big wins, objective milestones,
 * personal bests and development goals reached, in the team's language. A rep who would rather not be posted is left
 * out (their wins count in the team's total, never by name). Once per team and week, whatever the number of instances
 * (the delivery's id), through the delivery queue like every post. Never a weak signal, never a care signal.
 */
@Component
public class WeeklyWins {

    private static final Logger log = LoggerFactory.getLogger(WeeklyWins.class);

    /** What the post tells. */
    static final Set<SignalType> WINS = Set.of(
            SignalType.BIG_WIN, SignalType.OBJECTIVE_ACHIEVED, SignalType.PERSONAL_BEST, SignalType.PLAN_GOAL_REACHED);

    /** How long a win is kept for the post. */
    static final Duration KEPT = Duration.ofDays(21);

    /** A recognition of a team's, kept for the week's post. */
    @Document("team_wins")
    record Win(@Id String signalId, String teamId, String repId, Instant raisedAt, String signal) {}

    private final MongoTemplate mongo;
    private final TeamCelebrations celebrations;
    private final RosterStore roster;
    private final WorkingCalendar calendar;
    private final TeamFiguresStore figures;
    private final DeliveryStore queue;
    private final Texts texts;
    private final Clock clock;
    private final String appUrl;
    private final LocalTime at;

    WeeklyWins(
            MongoTemplate mongo,
            TeamCelebrations celebrations,
            RosterStore roster,
            WorkingCalendar calendar,
            TeamFiguresStore figures,
            DeliveryStore queue,
            Texts texts,
            Clock clock,
            NotificationSettings settings,
            @Value("${salespulse.notifications.weekly-wins-at:09:00}") String at) {
        this.mongo = mongo;
        this.celebrations = celebrations;
        this.roster = roster;
        this.calendar = calendar;
        this.figures = figures;
        this.queue = queue;
        this.texts = texts;
        this.clock = clock;
        this.appUrl = settings.appUrl();
        this.at = LocalTime.parse(at);
        mongo.indexOps(Win.class)
                .createIndex(new Index().on("teamId", Sort.Direction.ASC).on("raisedAt", Sort.Direction.ASC));
    }

    /** Keeps each win of a team for its week's post (the same signal twice is one). */
    @EventListener
    void onRouted(SignalRouted routed) {
        SignalRaised signal = routed.signal();
        if (WINS.contains(signal.type()) && signal.teamId() != null) {
            mongo.save(new Win(
                    signal.signalId(),
                    signal.teamId(),
                    signal.repId(),
                    signal.occurredAt(),
                    EventCodec.mapper().writeValueAsString(signal)));
        }
    }

    /** Whether a team's wins are posted to its channel each week (the weekly review says so). */
    public boolean posts(String teamId) {
        return celebrations
                .channel(teamId)
                .filter(TeamCelebrations.TeamChannel::enabled)
                .isPresent();
    }

    @Scheduled(
            fixedDelayString = "${salespulse.notifications.digest-check-ms:60000}",
            initialDelayString = "${salespulse.notifications.digest-initial-delay-ms:5000}")
    void run() {
        for (TeamCelebrations.TeamChannel channel : celebrations.enabledChannels()) {
            try {
                roster.team(channel.teamId()).ifPresent(team -> postIfDue(team, channel));
            } catch (RuntimeException e) {
                log.warn("Weekly wins of team {} not posted yet: {}", channel.teamId(), e.getMessage());
            }
        }
        mongo.remove(query(where("raisedAt").lt(clock.instant().minus(KEPT))), Win.class);
    }

    /**
     * Posts last week's wins on the team's first working day of this week, from the hour on (once: a team that turns
     * its channel on later in the week gets its first post the next week, not a late one).
     */
    void postIfDue(TeamChanged team, TeamCelebrations.TeamChannel channel) {
        ZoneId zone = ZoneId.of(team.timezone());
        ZonedDateTime local = clock.instant().atZone(zone);
        LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Optional<LocalDate> first = monday.datesUntil(monday.plusDays(7))
                .filter(day -> calendar.teamWorks(team, day))
                .findFirst();
        if (first.isEmpty()
                || !first.get().equals(local.toLocalDate())
                || local.isBefore(first.get().atTime(at).atZone(zone))) {
            return;
        }
        post(team, channel, monday.minusWeeks(1));
    }

    /** The post of the week starting {@code lastMonday}, to each of the channel's targets. */
    void post(TeamChanged team, TeamCelebrations.TeamChannel channel, LocalDate lastMonday) {
        String recipient = "team:" + team.teamId();
        String week = "wins-" + lastMonday;
        if (queue.has(recipient, week)) {
            return;
        }
        Language language = channel.locale() != null ? channel.locale() : team.locale();
        ZoneId zone = ZoneId.of(team.timezone());
        Instant from = lastMonday.atStartOfDay(zone).toInstant();
        Instant to = lastMonday.plusWeeks(1).atStartOfDay(zone).toInstant();
        List<RepChanged> reps = roster.repsOf(team.teamId());
        Set<String> hidden = new HashSet<>(
                celebrations.notPosted(reps.stream().map(RepChanged::repId).toList()));
        List<String> lines = new ArrayList<>();
        long dealsWon = 0;
        for (RepChanged rep : reps) {
            dealsWon += figures.repTotals(rep.repId(), lastMonday, lastMonday.plusDays(6))
                    .dealsWon();
        }
        if (dealsWon > 0) {
            lines.add(texts.get(language, "wins.dealsWon", dealsWon));
        }
        for (Win win : mongo.find(
                query(where("teamId")
                                .is(team.teamId())
                                .and("raisedAt")
                                .gte(from)
                                .lt(to))
                        .with(Sort.by("raisedAt")),
                Win.class)) {
            if (win.repId() != null && hidden.contains(win.repId())) {
                continue;
            }
            SignalRaised signal = EventCodec.mapper().readValue(win.signal(), SignalRaised.class);
            String who = win.repId() != null
                    ? roster.rep(win.repId()).map(RepChanged::displayName).orElse(win.repId())
                    : team.name();
            lines.add(Message.of(signal, who, language, appUrl, texts).title());
        }
        String title = texts.get(language, "wins.title", team.name(), texts.date(lastMonday, language));
        String closing = texts.get(language, lines.isEmpty() ? "wins.none" : "wins.cheer");
        Map<Channel, ChannelPayloads.Addressed> targets = new LinkedHashMap<>();
        if (channel.slackWebhookUrl() != null) {
            targets.put(
                    Channel.SLACK,
                    new ChannelPayloads.Addressed(channel.slackWebhookUrl(), slack(title, lines, closing)));
        }
        if (channel.teamsWebhookUrl() != null) {
            targets.put(
                    Channel.TEAMS,
                    new ChannelPayloads.Addressed(channel.teamsWebhookUrl(), teams(title, lines, closing)));
        }
        Instant now = clock.instant();
        targets.forEach((name, target) -> queue.addOwn(
                "wins|" + team.teamId() + "|" + lastMonday + "|" + name.key(),
                week,
                recipient,
                name,
                "WEEKLY_WINS",
                "CELEBRATION",
                lines.size() + " line(s) posted to the team's channel",
                target,
                now));
    }

    /** The post as Slack shows it: a heading, one line per win, a word from SalesPulse. No figure beyond the titles'. */
    static String slack(String title, List<String> lines, String closing) {
        ObjectNode root = EventCodec.mapper().createObjectNode();
        StringBuilder text = new StringBuilder("🏆 ").append(title);
        lines.forEach(line -> text.append("\n• ").append(line));
        root.put("text", text.toString());
        ArrayNode blocks = root.putArray("blocks");
        blocks.addObject()
                .put("type", "header")
                .putObject("text")
                .put("type", "plain_text")
                .put("text", "🏆 " + title);
        if (!lines.isEmpty()) {
            StringBuilder list = new StringBuilder();
            lines.forEach(line -> list.append("• ").append(line).append('\n'));
            blocks.addObject()
                    .put("type", "section")
                    .putObject("text")
                    .put("type", "mrkdwn")
                    .put("text", list.toString().strip());
        }
        blocks.addObject()
                .put("type", "context")
                .putArray("elements")
                .addObject()
                .put("type", "mrkdwn")
                .put("text", closing);
        return root.toString();
    }

    /** The post as Teams shows it (an Adaptive Card). */
    static String teams(String title, List<String> lines, String closing) {
        ObjectNode root = EventCodec.mapper().createObjectNode().put("type", "message");
        ArrayNode body = Renderers.adaptiveCard(root).putArray("body");
        Renderers.heading(body, "🏆 " + title);
        for (String line : lines) {
            body.addObject().put("type", "TextBlock").put("text", "• " + line).put("wrap", true);
        }
        body.addObject()
                .put("type", "TextBlock")
                .put("text", closing)
                .put("wrap", true)
                .put("isSubtle", true);
        return root.toString();
    }
}
