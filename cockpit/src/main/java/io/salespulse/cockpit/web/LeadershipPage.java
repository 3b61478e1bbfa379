package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.cockpit.services.CoachingClient.Signal;
import io.salespulse.cockpit.services.KpiClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import io.salespulse.contracts.signal.Severity;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every team side by side, for leadership (and admins), while the organisation has no tree (with one, leadership's page
 * is the company unit's, {@link UnitPage}): this period against the one before, the open pipeline,
 * objectives by status and the signals not resolved by severity (acknowledged ones included: a manager having seen a
 * signal changes nothing for the rep). Each team's figures in its own time zone; teams asked side by side.
 */
@Controller
class LeadershipPage {

    /** The most teams one page compares. */
    static final int MAX_TEAMS = 200;

    /** A team's column of figures. */
    record TeamLine(
            String teamId,
            String name,
            List<TeamBoard.Measure> measures,
            String revenue,
            String open,
            String weighted,
            long onTrack,
            long atRisk,
            long offTrack,
            long critical,
            long warning,
            long acknowledged) {}

    /** A line of the comparison: what it shows, and one cell per team. */
    record Row(String label, List<Cell> cells) {}

    /** A team's figure, and its change from the period before when there is one. */
    record Cell(String value, String change) {}

    /** The teams side by side: one column per team, one row per figure. */
    static List<Row> rows(List<TeamLine> teams, Labels labels, Locale locale) {
        List<Row> rows = new ArrayList<>();
        if (teams.isEmpty()) {
            return rows;
        }
        for (int i = 0; i < teams.get(0).measures().size(); i++) {
            int index = i;
            rows.add(new Row(
                    labels.word("measure." + teams.get(0).measures().get(i).key(), locale),
                    teams.stream()
                            .map(team -> new Cell(
                                    String.valueOf(team.measures().get(index).now()),
                                    team.measures().get(index).change()))
                            .toList()));
        }
        rows.add(new Row(
                labels.word("team.revenue", locale),
                teams.stream().map(t -> new Cell(t.revenue(), null)).toList()));
        rows.add(new Row(
                labels.word("leadership.open", locale),
                teams.stream().map(t -> new Cell(t.open(), null)).toList()));
        rows.add(new Row(
                labels.word("pipeline.weighted", locale),
                teams.stream().map(t -> new Cell(t.weighted(), null)).toList()));
        rows.add(new Row(
                labels.word("leadership.objectives", locale),
                teams.stream()
                        .map(t -> new Cell(t.onTrack() + " / " + t.atRisk() + " / " + t.offTrack(), null))
                        .toList()));
        rows.add(new Row(
                labels.word("leadership.signals", locale),
                teams.stream()
                        .map(t -> new Cell(t.critical() + " / " + t.warning(), null))
                        .toList()));
        rows.add(new Row(
                labels.word("leadership.acknowledged", locale),
                teams.stream()
                        .map(t -> new Cell(String.valueOf(t.acknowledged()), null))
                        .toList()));
        return rows;
    }

    private final Services services;
    private final ActivityClient activity;
    private final KpiClient kpi;
    private final CoachingClient coaching;
    private final CurrentUser user;
    private final Labels labels;
    private final Clock clock;

    LeadershipPage(
            Services services,
            ActivityClient activity,
            KpiClient kpi,
            CoachingClient coaching,
            CurrentUser user,
            Labels labels,
            Clock clock) {
        this.coaching = coaching;
        this.clock = clock;
        this.services = services;
        this.activity = activity;
        this.kpi = kpi;
        this.user = user;
        this.labels = labels;
    }

    @GetMapping("/leadership")
    String leadership(@RequestParam(defaultValue = "week") String period, Model model, Locale locale) {
        if (!user.get().isLeadership() && !user.get().isAdmin()) {
            throw new Services.ServiceRefusal(403, "/leadership");
        }
        String chosen = TeamBoard.PERIODS.contains(period) ? period : "week";
        // With an organisation tree, leadership's page is its root: the company unit.
        List<ActivityClient.Unit> units = activity.units();
        if (!units.isEmpty() && units.get(0).parentId() == null) {
            return "redirect:/units/" + units.get(0).unitId() + "?period=" + chosen;
        }
        List<ActivityClient.Team> teams = activity.teams(MAX_TEAMS);
        List<Pending<TeamLine>> pending = new ArrayList<>();
        for (ActivityClient.Team team : teams) {
            pending.add(services.async(() -> line(team, chosen, locale)));
        }
        List<TeamLine> lines = pending.stream().map(Pending::get).toList();
        model.addAttribute("period", chosen);
        model.addAttribute("periods", TeamBoard.PERIODS);
        model.addAttribute("teams", lines);
        model.addAttribute("rows", rows(lines, labels, locale));
        model.addAttribute("capped", teams.size() == MAX_TEAMS);
        return "leadership";
    }

    private TeamLine line(ActivityClient.Team team, String period, Locale locale) {
        String teamId = team.teamId();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(team.timezone())));
        // Already on the shared pool, one task per team: this team's calls go one after the other (a task waiting on
        // tasks queued behind it could wait for ever).
        // The period so far against the same days of the period before (like for like).
        KpiClient.TeamKpis now = kpi.teamKpis(teamId, period, today);
        KpiClient.Pipeline pipeline = kpi.pipeline(teamId);
        List<KpiClient.Objective> objectives = kpi.objectivesOfTeam(teamId, today, false);
        List<Signal> open = coaching.signalsOfTeam(teamId, "OPEN", 500);
        List<Signal> acknowledged = coaching.signalsOfTeam(teamId, "ACKNOWLEDGED", 500);
        long onTrack = 0;
        long atRisk = 0;
        long offTrack = 0;
        for (KpiClient.Objective objective : objectives) {
            switch (objective.status()) {
                case "ACHIEVED", "ON_TRACK" -> onTrack++;
                case "AT_RISK" -> atRisk++;
                case "OFF_TRACK" -> offTrack++;
                default -> {}
            }
        }
        long critical = 0;
        long warning = 0;
        for (List<Signal> signals : List.of(open, acknowledged)) {
            for (Signal signal : signals) {
                critical += signal.severity() == Severity.CRITICAL ? 1 : 0;
                warning += signal.severity() == Severity.WARNING ? 1 : 0;
            }
        }
        KpiClient.Totals totals = now.totals();
        return new TeamLine(
                teamId,
                team.name(),
                TeamBoard.measures(totals, now.comparison()),
                Figures.money(
                        totals == null || totals.pipeline() == null
                                ? null
                                : totals.pipeline().revenueWon(),
                        locale),
                Figures.money(pipeline.open(), locale),
                Figures.money(pipeline.weighted(), locale),
                onTrack,
                atRisk,
                offTrack,
                critical,
                warning,
                acknowledged.size());
    }
}
