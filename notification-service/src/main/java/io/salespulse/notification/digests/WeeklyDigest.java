package io.salespulse.notification.digests;

import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.MailTemplates;
import io.salespulse.notification.channels.Message;
import io.salespulse.notification.channels.PipelineSections;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.channels.Texts;
import io.salespulse.notification.channels.WeeklyReport;
import io.salespulse.notification.config.NotificationSettings;
import io.salespulse.notification.delivery.ChannelPayloads;
import io.salespulse.notification.delivery.Delivery;
import io.salespulse.notification.delivery.DeliveryStore;
import io.salespulse.notification.inbox.SignalInbox;
import io.salespulse.notification.kpis.TeamFiguresStore;
import io.salespulse.notification.preferences.Preferences;
import io.salespulse.notification.preferences.PreferencesStore;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly digest for the pipeline ritual (default Monday 08:30 in the manager's zone): for the manager's teams,
 * last week's activity per rep against the week before, objectives with attainment and pace, the pipeline (kpi-service's
 * weekly review: changes, the quarter's forecast against quota, funnel conversions against the week before, deals due
 * this week and overdue), open signals and last week's recognitions. One message per channel, queued like any
 * delivery, once per manager and week whatever the number of instances.
 */
@Component
class WeeklyDigest {

    private static final List<String> RECOGNITIONS = Arrays.stream(SignalType.values())
            .filter(SignalType::isPositive)
            .map(Enum::name)
            .toList();

    private final PreferencesStore preferences;
    private final DeliveryStore queue;
    private final RosterStore roster;
    private final TeamFiguresStore figures;
    private final SignalInbox inbox;
    private final Clock clock;
    private final boolean mail;
    private final Texts texts;
    private final MailTemplates mailTemplates;
    private final String appUrl;
    private final Duration reviewWait;
    private final io.salespulse.notification.celebrations.WeeklyWins weeklyWins;

    WeeklyDigest(
            PreferencesStore preferences,
            DeliveryStore queue,
            RosterStore roster,
            TeamFiguresStore figures,
            SignalInbox inbox,
            Clock clock,
            ObjectProvider<JavaMailSender> mail,
            Texts texts,
            MailTemplates mailTemplates,
            NotificationSettings settings,
            io.salespulse.notification.celebrations.WeeklyWins weeklyWins) {
        this.weeklyWins = weeklyWins;
        this.reviewWait = settings.weeklyReviewWait();
        this.preferences = preferences;
        this.queue = queue;
        this.roster = roster;
        this.figures = figures;
        this.inbox = inbox;
        this.clock = clock;
        this.texts = texts;
        this.mailTemplates = mailTemplates;
        this.mail = mail.getIfAvailable() != null;
        this.appUrl = settings.appUrl();
    }

    @Scheduled(
            fixedDelayString = "${salespulse.notifications.digest-check-ms:60000}",
            initialDelayString = "${salespulse.notifications.digest-initial-delay-ms:5000}")
    void run() {
        for (Preferences prefs : preferences.all()) {
            if (prefs.weeklyDigest() == null) {
                continue;
            }
            ZonedDateTime local = clock.instant().atZone(ZoneId.of(prefs.timezone()));
            dueAt(prefs.weeklyDigest(), local).ifPresent(due -> send(prefs, local, due));
        }
    }

    /**
     * When a weekly digest set for {@code weekly} ("MON 08:30", in the zone of {@code local}) was due today, if it is
     * today's and its time has come.
     */
    static java.util.Optional<ZonedDateTime> dueAt(String weekly, ZonedDateTime local) {
        String[] when = weekly.split(" ");
        DayOfWeek day = Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().startsWith(when[0]))
                .findFirst()
                .orElseThrow();
        LocalTime at = LocalTime.parse(when[1]);
        return local.getDayOfWeek() == day && !local.toLocalTime().isBefore(at)
                ? java.util.Optional.of(local.toLocalDate().atTime(at).atZone(local.getZone()))
                : java.util.Optional.empty();
    }

    /**
     * The digest of the week before {@code local}'s; {@code due} is when it was due. Until kpi-service's pipeline review
     * of each team has come, the digest waits (up to {@code weekly-review-wait} after it was due, then goes without those
     * figures, saying so).
     */
    void send(Preferences prefs, ZonedDateTime local, ZonedDateTime due) {
        LocalDate thisWeek = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastWeek = thisWeek.minusWeeks(1);
        if (queue.has(prefs.managerId(), "weekly-" + lastWeek)) {
            return;
        }
        List<TeamChanged> teams = roster.teams().stream()
                .filter(t -> t.managerIds().contains(prefs.managerId()))
                .sorted(Comparator.comparing(TeamChanged::name))
                .toList();
        if (teams.isEmpty()) {
            return;
        }
        List<String> teamIds = teams.stream().map(TeamChanged::teamId).toList();
        ZoneId zone = ZoneId.of(prefs.timezone());
        Instant lastWeekStart = lastWeek.atStartOfDay(zone).toInstant();

        List<WeeklyReport.RepWeeks> reps = new ArrayList<>();
        for (TeamChanged team : teams) {
            for (RepChanged rep : roster.repsOf(team.teamId()).stream()
                    .sorted(Comparator.comparing(RepChanged::displayName))
                    .toList()) {
                if (rep.active()) {
                    reps.add(new WeeklyReport.RepWeeks(
                            rep.displayName(),
                            figures.repTotals(rep.repId(), lastWeek, thisWeek.minusDays(1)),
                            figures.repTotals(rep.repId(), lastWeek.minusWeeks(1), lastWeek.minusDays(1))));
                }
            }
        }
        List<WeeklyReport.ObjectiveLine> objectives = new ArrayList<>();
        for (ObjectiveProgressed o : figures.objectivesOf(teamIds, lastWeekStart)) {
            objectives.add(new WeeklyReport.ObjectiveLine(
                    o.scope() == ObjectiveScope.REP ? repName(o.scopeId()) : teamName(o.scopeId()),
                    o.metric(),
                    o.attainment(),
                    o.pace(),
                    o.status()));
        }
        objectives.sort(Comparator.comparing(WeeklyReport.ObjectiveLine::who));
        List<String> open = new ArrayList<>();
        for (SignalInbox.OpenSignal signal : inbox.openOf(teamIds)) {
            if (!signal.type().isPositive()) {
                String who = signal.repId() != null ? repName(signal.repId()) : teamName(signal.teamId());
                String line = texts.title(signal.type(), who, prefs.locale())
                        + (signal.severity() != null
                                ? " (" + texts.get(prefs.locale(), "severity." + signal.severity()) + ")"
                                : "");
                open.add(signal.acknowledged() ? texts.get(prefs.locale(), "signal.acknowledged", line) : line);
            }
        }
        List<String> recognitions = new ArrayList<>();
        for (Delivery delivery : queue.routedBetween(
                prefs.managerId(),
                RECOGNITIONS,
                lastWeekStart,
                thisWeek.atStartOfDay(zone).toInstant())) {
            recognitions.add(Message.storedTitle(delivery.envelope().message()));
        }
        // The team's own ritual: last week's wins, posted to its channel on its first working morning.
        for (TeamChanged team : teams) {
            if (weeklyWins.posts(team.teamId())) {
                recognitions.add(texts.get(
                        prefs.locale(),
                        "weekly.winsPosted",
                        team.name(),
                        appUrl + "/teams/" + team.teamId() + "/celebrations"));
            }
        }
        List<PipelineSections.TeamReview> reviews = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (TeamChanged team : teams) {
            figures.review(team.teamId(), lastWeek)
                    .ifPresentOrElse(
                            review -> reviews.add(new PipelineSections.TeamReview(team.name(), review)),
                            () -> missing.add(team.name()));
        }
        if (!missing.isEmpty() && local.isBefore(due.plus(reviewWait))) {
            return; // the pipeline review is on its way: wait for it a while
        }
        WeeklyReport report = WeeklyReport.of(
                prefs.locale(),
                lastWeek,
                reps,
                objectives,
                PipelineSections.of(prefs.locale(), reviews, missing, this::repName, texts),
                open,
                recognitions,
                appUrl + "/teams/" + teamIds.get(0),
                texts);

        Map<Channel, ChannelPayloads.Addressed> channels = ChannelPayloads.of(
                        () -> Renderers.slack(report),
                        () -> Renderers.teams(report),
                        () -> Renderers.webhook(report),
                        () -> mailTemplates.weekly(report))
                .forManager(prefs, mail);
        for (Map.Entry<Channel, ChannelPayloads.Addressed> channel : channels.entrySet()) {
            queue.addOwn(
                    "weekly|" + prefs.managerId() + "|" + lastWeek + "|"
                            + channel.getKey().key(),
                    "weekly-" + lastWeek,
                    prefs.managerId(),
                    channel.getKey(),
                    "WEEKLY_DIGEST",
                    "DIGEST_SEND",
                    reps.size() + " rep(s), " + open.size() + " open signal(s)",
                    channel.getValue(),
                    clock.instant());
        }
    }

    private String repName(String repId) {
        return roster.rep(repId).map(RepChanged::displayName).orElse(repId);
    }

    private String teamName(String teamId) {
        return roster.team(teamId).map(TeamChanged::name).orElse(teamId);
    }
}
