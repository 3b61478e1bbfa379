package io.salespulse.localrun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.coaching.projection.DealView;
import io.salespulse.coaching.signals.rules.ActivityRules;
import io.salespulse.coaching.signals.rules.ActivityRules.RepHistory;
import io.salespulse.coaching.signals.rules.ActivityThresholds;
import io.salespulse.coaching.signals.rules.CareRules;
import io.salespulse.coaching.signals.rules.DealRules;
import io.salespulse.coaching.signals.rules.Detection;
import io.salespulse.coaching.signals.rules.ObjectiveRules;
import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.WorkingHours;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.kpi.objectives.ObjectiveMath;
import io.salespulse.localrun.demo.DemoStory.Act;
import io.salespulse.localrun.demo.DemoStory.DealState;
import io.salespulse.localrun.demo.DemoStory.Kind;
import io.salespulse.localrun.demo.DemoStory.Objective;
import io.salespulse.localrun.demo.DemoStory.Plan;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's story on the days of the year that broke it or could: each storyline the README lists, judged by the
 * services' own rules (coaching-service's activity, objective and deal rules, kpi-service's objective formulas) over
 * what the demo's generator sends when run on that day, at 16:00 in Paris (10:00 in New York). The rules' working days
 * are the services' (Monday to Friday, less France's public holidays for Paris), from the same holiday calendar.
 */
class DemoStoryCalendarTest {

    private static final RuleSettings RULES = RuleSettings.DEFAULTS;

    @ParameterizedTest(name = "run on {0}")
    @ValueSource(
            strings = {
                "2026-12-06", // a Sunday, six days into a month (the day the suite failed)
                "2026-12-01", // the 1st of a month (a Tuesday)
                "2027-01-06", // the 6th of a month, a Wednesday
                "2027-02-01", // the 1st of a month, a Monday
                "2026-12-31", // the last day of a quarter and a year
                "2027-03-31", // the last day of a quarter, a Wednesday
                "2026-03-29", // Paris changes to summer time (a Sunday)
                "2026-10-26", // the Monday after Paris's change to winter time
                "2026-03-08", // New York changes to daylight time (a Sunday)
                "2026-03-09", // the Monday after it, Paris still in winter time
                "2026-11-02", // the Monday after New York's change back
                "2026-07-14", // Bastille Day, a holiday in Paris only
                "2026-12-25", // Christmas
                "2027-01-01", // New Year's Day, a Friday
                "2026-04-06", // Easter Monday, a holiday in Paris
                "2028-02-29", // a leap day
                "2026-05-11", // a Monday after a week of two holidays (1 and 8 May)
            })
    void everyStorylineIsToldWhateverTheDay(String date) {
        LocalDate asked = LocalDate.parse(date);
        LocalDate today = DemoStory.storyDay(asked);
        assertThat(today).isBeforeOrEqualTo(asked).isAfter(asked.minusDays(5));
        assertThat(DemoStory.works(DemoCast.PARIS, today) && DemoStory.works(DemoCast.NEW_YORK, today))
                .isTrue();
        if (asked.getDayOfWeek() != DayOfWeek.SATURDAY
                && asked.getDayOfWeek() != DayOfWeek.SUNDAY
                && !asked.equals(LocalDate.parse("2026-07-14"))
                && !asked.equals(LocalDate.parse("2026-12-25"))
                && !asked.equals(LocalDate.parse("2027-01-01"))
                && !asked.equals(LocalDate.parse("2026-04-06"))) {
            assertThat(today).as("a working day is played as itself").isEqualTo(asked);
        }
        Instant now =
                today.atTime(LocalTime.of(16, 0)).atZone(DemoCast.PARIS.zone()).toInstant();
        Plan plan = DemoStory.plan(42, now);

        // Léa slides: a CRITICAL activity drop, and her call objective at risk.
        Map<String, Map<LocalDate, DailyActivity>> history = days(plan.activityHistory());
        Optional<Detection> leaDrop =
                ActivityRules.activityDrop(rep("sdr-lea", history, now), ActivityThresholds.ActivityDrop.DEFAULT);
        assertThat(leaDrop)
                .as("Léa's activity drop")
                .hasValueSatisfying(d -> assertThat(d.severity()).isEqualTo(Severity.CRITICAL));
        Objective leaObjective = objectiveOf(plan, "sdr-lea");
        ObjectiveProgressed lea =
                progress(leaObjective, DemoCast.PARIS, calls(plan.activityHistory(), "sdr-lea", leaObjective), now);
        assertThat(ObjectiveRules.atRisk(RULES.objectives(), lea))
                .as("Léa's call objective at risk (%s)", lea)
                .isPresent();

        // Ethan goes quiet (his last week not in yet), then it comes in: back on track, no drop.
        Optional<Detection> ethanQuiet =
                ActivityRules.activityDrop(rep("sdr-ethan", history, now), ActivityThresholds.ActivityDrop.DEFAULT);
        assertThat(ethanQuiet).as("Ethan's drop while his sync is stalled").isPresent();
        Map<String, Map<LocalDate, DailyActivity>> caughtUp = days(concat(plan.activityHistory(), plan.lateActivity()));
        BigDecimal dropBaseline = ethanQuiet.orElseThrow().evidence().stream()
                .filter(e -> e.name().equals("baseline"))
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(ActivityRules.backOnTrack(
                        rep("sdr-ethan", caughtUp, now),
                        ActivityThresholds.ActivityDrop.DEFAULT,
                        dropBaseline,
                        "ethan@drop"))
                .as("Ethan back on track")
                .isPresent();
        assertThat(ActivityRules.activityDrop(rep("sdr-ethan", caughtUp, now), ActivityThresholds.ActivityDrop.DEFAULT))
                .isEmpty();

        // Globex sits in negotiation, its close date pushed twice: stalled and slipping.
        DealView globex = view(plan.dealHistory(), "Globex — plateforme commerciale");
        assertThat(DealRules.stalled(RULES.deals(), globex, null, DemoCast.PARIS.zone(), today))
                .as("Globex stalled")
                .isPresent();
        assertThat(DealRules.closeDateSlipping(RULES.deals(), globex))
                .as("Globex slipping")
                .isPresent();

        // Marc's 68,000 EUR is far above the team's usual wins.
        List<BigDecimal> parisWins = plan.dealHistory().stream()
                .filter(d -> "WON".equals(d.stage()))
                .filter(d -> DemoCast.rep(d.repId()).teamId().equals(DemoCast.PARIS.teamId()))
                .map(d -> BigDecimal.valueOf(d.amount()))
                .toList();
        assertThat(DealRules.bigWin(RULES.deals(), "initech", BigDecimal.valueOf(DemoStory.MARC_BIG_WIN), parisWins))
                .as("Marc's big win")
                .isPresent();

        // Each team's revenue objective for the quarter (the forecast's quota) is on course and covered: it adds no
        // weak signal of its own to the story.
        for (DemoCast.Team team : List.of(DemoCast.PARIS, DemoCast.NEW_YORK)) {
            Objective quota = plan.objectives().stream()
                    .filter(o -> o.scopeId().equals(team.teamId()) && o.metric().equals("REVENUE_WON"))
                    .findFirst()
                    .orElseThrow();
            assertThat(quota.start())
                    .isEqualTo(today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1));
            assertThat(quota.end()).isEqualTo(quota.start().plusMonths(3).minusDays(1));
            BigDecimal won = DemoCast.REPS.stream()
                    .filter(r -> r.teamId().equals(team.teamId()))
                    .map(r -> won(plan.dealHistory(), r.repId(), quota))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            ObjectiveProgressed progress = progress(quota, team, won, now);
            assertThat(ObjectiveRules.atRisk(RULES.objectives(), progress))
                    .as("%s's quota on course (%s)", team.teamId(), progress)
                    .isEmpty();
            assertThat(ObjectiveRules.lowCoverage(
                            RULES.objectives(),
                            quota.objectiveId(),
                            progress.target(),
                            progress.actual(),
                            openBy(plan.dealHistory(), team, quota.end())))
                    .as("%s's quota covered", team.teamId())
                    .isEmpty();
        }

        // Inès works evenings and the weekend between her last two weeks: activity outside working hours rising, for
        // her
        // alone (everybody else's emails before 9:00 and after 18:00 are their usual share).
        Map<String, Map<LocalDate, RepDayKpisUpdated>> byHour = hours(plan.activityHistory());
        for (DemoCast.Rep rep : DemoCast.REPS) {
            Optional<Detection> rising = CareRules.afterHoursRising(care(rep.repId(), byHour, now), RULES.care());
            if (rep.repId().equals("ae-ines")) {
                assertThat(rising).as("Inès's evenings").isPresent();
            } else {
                assertThat(rising).as("%s's evenings", rep.repId()).isEmpty();
            }
            assertThat(CareRules.noRest(care(rep.repId(), byHour, now), RULES.care()))
                    .as("%s rests", rep.repId())
                    .isEmpty();
        }

        // Olivia's live deal reaches her monthly revenue objective, which she had not reached before it.
        Objective oliviaObjective = objectiveOf(plan, "ae-olivia");
        BigDecimal wonBefore = won(plan.dealHistory(), "ae-olivia", oliviaObjective);
        assertThat(progress(oliviaObjective, DemoCast.NEW_YORK, wonBefore, now)
                        .status()
                        .name())
                .isNotEqualTo("ACHIEVED");
        assertThat(progress(
                                oliviaObjective,
                                DemoCast.NEW_YORK,
                                wonBefore.add(BigDecimal.valueOf(DemoStory.OLIVIA_CLOSING)),
                                now)
                        .status()
                        .name())
                .as("Olivia's objective")
                .isEqualTo("ACHIEVED");
    }

    private static List<List<Act>> concat(List<List<Act>> a, List<List<Act>> b) {
        List<List<Act>> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Each rep's days as kpi-service counts them: per day in the rep's team zone. */
    private static Map<String, Map<LocalDate, DailyActivity>> days(List<List<Act>> groups) {
        Map<String, Map<LocalDate, long[]>> counts = new HashMap<>();
        for (List<Act> group : groups) {
            for (Act act : group) {
                LocalDate day = act.at()
                        .atZone(DemoCast.teamOf(DemoCast.rep(act.repId())).zone())
                        .toLocalDate();
                long[] c = counts.computeIfAbsent(act.repId(), r -> new HashMap<>())
                        .computeIfAbsent(day, d -> new long[5]);
                switch (act.kind()) {
                    case CALL -> {
                        c[0]++;
                        c[1] += act.seconds() > 0 ? 1 : 0;
                    }
                    case EMAIL -> c[2]++;
                    case MEETING_BOOKED -> c[3]++;
                    case MEETING_HELD -> c[4]++;
                }
            }
        }
        Map<String, Map<LocalDate, DailyActivity>> days = new HashMap<>();
        counts.forEach((rep, byDay) -> byDay.forEach((day, c) -> days.computeIfAbsent(rep, r -> new HashMap<>())
                .put(day, new DailyActivity(c[0], c[1], 0, c[2], c[3], 0, c[4], 0, 0, 0, 0))));
        return days;
    }

    /** Each rep's days as kpi-service publishes them to coaching-service: its activities by hour of its team's zone. */
    private static Map<String, Map<LocalDate, RepDayKpisUpdated>> hours(List<List<Act>> groups) {
        Map<String, Map<LocalDate, Long[]>> counts = new HashMap<>();
        for (List<Act> group : groups) {
            for (Act act : group) {
                java.time.ZonedDateTime at = act.at()
                        .atZone(DemoCast.teamOf(DemoCast.rep(act.repId())).zone());
                Long[] c = counts.computeIfAbsent(act.repId(), r -> new HashMap<>())
                        .computeIfAbsent(at.toLocalDate(), d -> {
                            Long[] zero = new Long[24];
                            java.util.Arrays.fill(zero, 0L);
                            return zero;
                        });
                c[at.getHour()]++;
            }
        }
        Map<String, Map<LocalDate, RepDayKpisUpdated>> days = new HashMap<>();
        counts.forEach((rep, byDay) -> byDay.forEach((day, c) -> days.computeIfAbsent(rep, r -> new HashMap<>())
                .put(day, new RepDayKpisUpdated(rep, null, day, DailyActivity.NONE, List.of(c), Instant.EPOCH))));
        return days;
    }

    private static CareRules.CareHistory care(
            String repId, Map<String, Map<LocalDate, RepDayKpisUpdated>> days, Instant now) {
        DemoCast.Rep rep = DemoCast.rep(repId);
        DemoCast.Team team = DemoCast.teamOf(rep);
        return new CareRules.CareHistory(
                repId,
                RepRole.valueOf(rep.role()),
                WorkingHours.DEFAULT,
                workingDay(team),
                day -> false,
                now.atZone(team.zone()).toLocalDate().minusDays(1),
                days.getOrDefault(repId, Map.of()));
    }

    private static Predicate<LocalDate> workingDay(DemoCast.Team team) {
        return day -> DemoStory.works(team, day);
    }

    private static RepHistory rep(String repId, Map<String, Map<LocalDate, DailyActivity>> days, Instant now) {
        DemoCast.Rep rep = DemoCast.rep(repId);
        DemoCast.Team team = DemoCast.teamOf(rep);
        LocalDate today = now.atZone(team.zone()).toLocalDate();
        return new RepHistory(
                repId,
                RepRole.valueOf(rep.role()),
                rep.startDate(today),
                workingDay(team),
                today.minusDays(1),
                days.getOrDefault(repId, Map.of()));
    }

    private static Objective objectiveOf(Plan plan, String repId) {
        return plan.objectives().stream()
                .filter(o -> o.scopeId().equals(repId))
                .findFirst()
                .orElseThrow();
    }

    private static BigDecimal calls(List<List<Act>> groups, String repId, Objective objective) {
        DemoCast.Team team = DemoCast.teamOf(DemoCast.rep(repId));
        return BigDecimal.valueOf(groups.stream()
                .flatMap(List::stream)
                .filter(a -> a.repId().equals(repId) && a.kind() == Kind.CALL)
                .map(a -> a.at().atZone(team.zone()).toLocalDate())
                .filter(d -> !d.isBefore(objective.start()) && !d.isAfter(objective.end()))
                .count());
    }

    private static BigDecimal won(List<DealState> deals, String repId, Objective objective) {
        DemoCast.Team team = DemoCast.teamOf(DemoCast.rep(repId));
        return BigDecimal.valueOf(deals.stream()
                .filter(d -> d.repId().equals(repId) && "WON".equals(d.stage()))
                .filter(d -> {
                    LocalDate day = d.at().atZone(team.zone()).toLocalDate();
                    return !day.isBefore(objective.start()) && !day.isAfter(objective.end());
                })
                .mapToLong(DealState::amount)
                .sum());
    }

    /** The team's open deals (their last state) expected to close by the day, as coaching-service adds them up. */
    private static BigDecimal openBy(List<DealState> deals, DemoCast.Team team, LocalDate end) {
        Map<String, DealState> last = new HashMap<>();
        deals.stream()
                .filter(d -> DemoCast.rep(d.repId()).teamId().equals(team.teamId()))
                .forEach(d -> last.merge(d.dealRef(), d, (a, b) -> b.at().isBefore(a.at()) ? a : b));
        return BigDecimal.valueOf(last.values().stream()
                .filter(d -> !"WON".equals(d.stage()) && !"LOST".equals(d.stage()))
                .filter(d -> d.close() != null && !d.close().isAfter(end))
                .mapToLong(DealState::amount)
                .sum());
    }

    /** What kpi-service publishes for the objective with this figure today (its formulas, days elapsed through yesterday). */
    private static ObjectiveProgressed progress(Objective o, DemoCast.Team team, BigDecimal actual, Instant now) {
        LocalDate yesterday = now.atZone(team.zone()).toLocalDate().minusDays(1);
        ObjectiveMath.Figures f = ObjectiveMath.figures(
                actual, BigDecimal.valueOf(o.target()), o.start(), o.end(), yesterday, workingDay(team));
        return new ObjectiveProgressed(
                o.objectiveId(),
                ObjectiveScope.valueOf(o.scope()),
                o.scopeId(),
                team.teamId(),
                ObjectiveMetric.valueOf(o.metric()),
                f.target(),
                f.actual(),
                f.attainment(),
                f.elapsed(),
                f.projection(),
                f.pace(),
                f.status(),
                null,
                now);
    }

    /** A deal as coaching-service holds it after its history: its stage since it entered it, its close date's pushes. */
    private static DealView view(List<DealState> deals, String title) {
        List<DealState> states =
                deals.stream().filter(d -> d.title().equals(title)).toList();
        DealState last = states.get(states.size() - 1);
        Instant stageSince = states.stream()
                .filter(d -> d.stage().equals(last.stage()))
                .findFirst()
                .orElseThrow()
                .at();
        int pushes = 0;
        for (int i = 1; i < states.size(); i++) {
            pushes += states.get(i).close().isAfter(states.get(i - 1).close()) ? 1 : 0;
        }
        return new DealView(last.dealRef(), true, last.stage(), stageSince, last.at(), pushes);
    }
}
