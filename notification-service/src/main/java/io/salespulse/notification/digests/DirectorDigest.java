package io.salespulse.notification.digests;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.PipelineReviewed;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.kit.roster.OrgTree;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.MailTemplates;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.channels.Texts;
import io.salespulse.notification.channels.WeeklyReport;
import io.salespulse.notification.config.NotificationSettings;
import io.salespulse.notification.delivery.ChannelPayloads;
import io.salespulse.notification.delivery.DeliveryStore;
import io.salespulse.notification.inbox.SignalInbox;
import io.salespulse.notification.kpis.TeamFiguresStore;
import io.salespulse.notification.preferences.Preferences;
import io.salespulse.notification.preferences.PreferencesStore;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A director's weekly digest, at the time of its weekly digest (its preferences, as a manager's): for the teams under
 * the units it heads, last week against the week before (calls, meetings held), the quarter's forecast against quota
 * (kpi-service's weekly review of each team), and the teams whose open weak signals grew over the week (counts only:
 * never a person, never a care signal), in its language, with a link to its unit's page. One message per channel, once
 * per director and week.
 */
@Component
class DirectorDigest {

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

    DirectorDigest(
            PreferencesStore preferences,
            DeliveryStore queue,
            RosterStore roster,
            TeamFiguresStore figures,
            SignalInbox inbox,
            Clock clock,
            ObjectProvider<JavaMailSender> mail,
            Texts texts,
            MailTemplates mailTemplates,
            NotificationSettings settings) {
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
        OrgTree tree = roster.tree();
        for (Preferences prefs : preferences.all()) {
            if (prefs.weeklyDigest() == null) {
                continue;
            }
            List<UnitChanged> headed = tree.units().stream()
                    .filter(unit -> unit.headIds().contains(prefs.managerId()))
                    .sorted(Comparator.comparingInt((UnitChanged u) -> tree.depth(u.unitId()))
                            .thenComparing(UnitChanged::name))
                    .toList();
            if (headed.isEmpty()) {
                continue;
            }
            ZonedDateTime local = clock.instant().atZone(ZoneId.of(prefs.timezone()));
            WeeklyDigest.dueAt(prefs.weeklyDigest(), local)
                    .ifPresent(due -> send(prefs, headed, tree, local.toLocalDate()));
        }
    }

    /** The digest of the week before the one containing {@code today}, unless it was sent. */
    void send(Preferences prefs, List<UnitChanged> headed, OrgTree tree, LocalDate today) {
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastWeek = thisWeek.minusWeeks(1);
        if (queue.has(prefs.managerId(), "director-weekly-" + lastWeek)) {
            return;
        }
        TreeSet<String> teamIds = new TreeSet<>();
        headed.forEach(unit -> teamIds.addAll(tree.teamsUnder(unit.unitId())));
        List<TeamChanged> teams = teamIds.stream()
                .flatMap(id -> roster.team(id).stream())
                .sorted(Comparator.comparing(TeamChanged::name))
                .toList();
        if (teams.isEmpty()) {
            return;
        }
        Language language = prefs.locale();
        ZoneId zone = ZoneId.of(prefs.timezone());
        List<String> activity = new ArrayList<>();
        List<String> forecast = new ArrayList<>();
        for (TeamChanged team : teams) {
            long calls = 0;
            long callsBefore = 0;
            long held = 0;
            long heldBefore = 0;
            for (RepChanged rep : roster.repsOf(team.teamId())) {
                DailyActivity last = figures.repTotals(rep.repId(), lastWeek, thisWeek.minusDays(1));
                DailyActivity before = figures.repTotals(rep.repId(), lastWeek.minusWeeks(1), lastWeek.minusDays(1));
                calls += last.calls();
                callsBefore += before.calls();
                held += last.meetingsHeld();
                heldBefore += before.meetingsHeld();
            }
            activity.add(texts.get(
                    language,
                    "director.activity",
                    team.name(),
                    calls,
                    change(calls, callsBefore),
                    held,
                    change(held, heldBefore)));
            PipelineReviewed review = figures.review(team.teamId(), lastWeek).orElse(null);
            if (review == null) {
                forecast.add(texts.get(language, "director.forecast.none", team.name()));
                continue;
            }
            for (PipelineReviewed.Forecast f : review.forecast()) {
                String closed = texts.money(new Money(f.closed(), f.currency()), language);
                String commit = texts.money(new Money(f.commitTotal(), f.currency()), language);
                forecast.add(
                        f.quota() == null || f.quota().signum() <= 0
                                ? texts.get(language, "director.forecast.noQuota", team.name(), closed, commit)
                                : texts.get(
                                        language,
                                        "director.forecast",
                                        team.name(),
                                        closed,
                                        commit,
                                        texts.money(new Money(f.quota(), f.currency()), language),
                                        texts.get(
                                                language,
                                                "format.percent",
                                                f.commitTotal()
                                                        .divide(f.quota(), 4, RoundingMode.HALF_UP)
                                                        .movePointRight(2)
                                                        .setScale(0, RoundingMode.HALF_UP)
                                                        .toPlainString())));
            }
        }
        // Open at the start of last week, and at its end.
        Map<String, Long> openNow =
                inbox.weakOpenAt(teamIds, thisWeek.atStartOfDay(zone).toInstant());
        Map<String, Long> openBefore =
                inbox.weakOpenAt(teamIds, lastWeek.atStartOfDay(zone).toInstant());
        List<String> grew = new ArrayList<>();
        for (TeamChanged team : teams) {
            long n = openNow.getOrDefault(team.teamId(), 0L);
            long b = openBefore.getOrDefault(team.teamId(), 0L);
            if (n > b) {
                grew.add(texts.get(language, "director.signalsGrew", team.name(), b, n));
            }
        }
        String none = texts.get(language, "weekly.none");
        UnitChanged first = headed.get(0);
        WeeklyReport report = new WeeklyReport(
                language,
                texts.get(language, "director.title", first.name(), texts.date(lastWeek, language)),
                List.of(
                        new WeeklyReport.Section(
                                texts.get(language, "director.section.activity"),
                                activity.isEmpty() ? List.of(none) : activity),
                        new WeeklyReport.Section(
                                texts.get(language, "director.section.forecast"),
                                forecast.isEmpty() ? List.of(none) : forecast),
                        new WeeklyReport.Section(
                                texts.get(language, "director.section.signals"),
                                grew.isEmpty() ? List.of(texts.get(language, "director.signalsSteady")) : grew)),
                appUrl + "/units/" + first.unitId(),
                texts.get(language, "director.link"));
        Map<Channel, ChannelPayloads.Addressed> channels = ChannelPayloads.of(
                        () -> Renderers.slack(report),
                        () -> Renderers.teams(report),
                        () -> Renderers.webhook(report),
                        () -> mailTemplates.weekly(report))
                .forManager(prefs, mail);
        for (Map.Entry<Channel, ChannelPayloads.Addressed> channel : channels.entrySet()) {
            queue.addOwn(
                    "director-weekly|" + prefs.managerId() + "|" + lastWeek + "|"
                            + channel.getKey().key(),
                    "director-weekly-" + lastWeek,
                    prefs.managerId(),
                    channel.getKey(),
                    "DIRECTOR_DIGEST",
                    "DIGEST_SEND",
                    teams.size() + " team(s), " + grew.size() + " with more open signals",
                    channel.getValue(),
                    clock.instant());
        }
    }

    private static String change(long now, long before) {
        long delta = now - before;
        return delta == 0 ? "=" : delta > 0 ? "+" + delta : "−" + -delta;
    }
}
