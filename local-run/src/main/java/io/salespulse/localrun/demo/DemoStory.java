package io.salespulse.localrun.demo;

import io.salespulse.contracts.org.TeamChanged.HolidayCalendar;
import io.salespulse.kit.calendar.PublicHolidays;
import io.salespulse.localrun.demo.DemoCast.Rep;
import io.salespulse.localrun.demo.DemoCast.Team;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the demo team does, generated from a seed (same seed and same day: same story): four weeks of history, then
 * today live. Its days are the teams' working days as the services count them (Monday to Friday, less Paris's public
 * holidays), and every storyline is placed relative to the day played, so that it is told on any date
 * ({@link #storyDay}: a weekend or a holiday plays the last working day before it; {@code DemoStoryCalendarTest} judges
 * the story with the services' rules on awkward dates). Activity is realistic in volume and connect rates; deals move through stages every few days and end won
 * or lost. On top, the storylines SalesPulse must surface:
 * <ul>
 * <li>Léa (SDR, Paris) slides: her last week is a quarter of her usual activity (ACTIVITY_DROP);</li>
 * <li>Inès's Globex deal sits in negotiation for three weeks, its close date pushed twice (STALLED_DEAL,
 * CLOSE_DATE_SLIPPING);</li>
 * <li>Marc (AE, Paris) wins a deal far above the team's usual (BIG_WIN);</li>
 * <li>Olivia (AE, New York) closes the deal that reaches her monthly revenue objective (OBJECTIVE_ACHIEVED);</li>
 * <li>Ethan (SDR, New York) goes quiet, his CRM sync stalled, then his week comes in (ACTIVITY_DROP, then
 * BACK_ON_TRACK);</li>
 * <li>Inès, under pressure on that slipping Globex deal, works evenings these last two weeks and the Saturday between
 * them (AFTER_HOURS_RISING, told to Camille only). Hugo's energy falls over his last 1:1s ({@link Demo}: ENERGY_DROP).</li>
 * </ul>
 * Pure: no I/O; {@link DemoTraffic} sends it.
 */
public final class DemoStory {

    /** Working days of history. */
    public static final int HISTORY_WORKING_DAYS = 20;
    /** The amount of Marc's big win and of Olivia's objective-reaching deal. */
    public static final long MARC_BIG_WIN = 68_000;

    public static final long OLIVIA_CLOSING = 36_000;

    /** An activity kind. */
    public enum Kind {
        CALL,
        EMAIL,
        MEETING_BOOKED,
        MEETING_HELD
    }

    /**
     * One activity.
     *
     * @param id           unique and stable for the seed
     * @param repId        who
     * @param kind         what
     * @param at           when
     * @param seconds      call duration (0: not connected)
     * @param dealRef      the deal it is about, or null
     * @param scheduledFor a meeting's time
     */
    public record Act(
            String id, String repId, Kind kind, Instant at, int seconds, String dealRef, Instant scheduledFor) {}

    /**
     * A deal as the CRM holds it after a change.
     *
     * @param dealRef the CRM's deal id
     * @param repId   its owner
     * @param title   its name
     * @param stage   NEW..NEGOTIATION, WON or LOST
     * @param amount  its value in the team's currency
     * @param close   expected close date
     * @param created when it was created
     * @param at      when this change happened
     * @param first   whether this is its creation
     */
    public record DealState(
            String dealRef,
            String repId,
            String title,
            String stage,
            long amount,
            LocalDate close,
            Instant created,
            Instant at,
            boolean first) {}

    /**
     * An objective.
     *
     * @param objectiveId its id
     * @param scope       REP or TEAM
     * @param scopeId     the rep or team
     * @param metric      what it counts
     * @param target      the figure to reach
     * @param currency    for amounts
     * @param start       first day
     * @param end         last day
     */
    public record Objective(
            String objectiveId,
            String scope,
            String scopeId,
            String metric,
            long target,
            String currency,
            LocalDate start,
            LocalDate end) {}

    /**
     * The whole story.
     *
     * @param activityHistory activities of the past, in the order to send them (groups of one rep and day)
     * @param dealHistory     deal changes of the past: each deal's in time order, the most recently active deals first
     * @param objectives      the month's and quarter's objectives, set once the history is in
     * @param lateActivity    Ethan's last days, which arrive late
     * @param liveDeals       the live moments: Marc's big win, Olivia's closing deal
     * @param callsByRep      calls per rep in the history (sent before the objectives), to know when it is all counted
     * @param historyFrom     first day of history
     * @param sourcing        the meetings SDRs booked on AEs' deals as they were created (the pipeline they sourced),
     *                        sent once the deals are known
     */
    public record Plan(
            List<List<Act>> activityHistory,
            List<DealState> dealHistory,
            List<Objective> objectives,
            List<List<Act>> lateActivity,
            List<DealState> liveDeals,
            Map<String, Long> callsByRep,
            LocalDate historyFrom,
            List<Act> sourcing) {}

    private static final String[] PARIS_ACCOUNTS = {
        "Globex",
        "Initech",
        "Soylent",
        "Hooli",
        "Vandelay",
        "Wayne Europe",
        "Acme France",
        "Stark Lyon",
        "Cyberdyne",
        "Tyrell",
        "Massive Dynamic",
        "Aperture"
    };
    private static final String[] NY_ACCOUNTS = {
        "Umbrella Corp",
        "Pied Piper",
        "Dunder Mifflin",
        "Prestige Worldwide",
        "Bluth Company",
        "Gringotts",
        "Oscorp",
        "Wonka Industries",
        "Sterling Cooper",
        "Los Pollos",
        "Nakatomi",
        "Virtucon"
    };
    private static final List<String> STAGES = List.of("NEW", "QUALIFIED", "DISCOVERY", "PROPOSAL", "NEGOTIATION");
    private static final PublicHolidays HOLIDAYS = new PublicHolidays();

    private final Random random;
    /** Inès's evenings and weekend, drawn apart so that they change nobody else's days. */
    private final Random evenings;

    private final Map<Team, LocalDate> today = new LinkedHashMap<>();
    private int sequence;

    private DemoStory(long seed) {
        this.random = new Random(seed);
        this.evenings = new Random(seed + 1);
    }

    /** Inès's evenings: the last days she works late on, in working days of history. */
    public static final int INES_EVENING_DAYS = 10;

    /**
     * The day the demo plays as today when run on {@code day} (in Paris): that day when both teams work it, else the
     * last day before it that they both do (a Sunday plays Friday, 14 July plays the 13th, 25 December the 24th), so
     * that "today" is a working day with its live moments.
     */
    public static LocalDate storyDay(LocalDate day) {
        LocalDate played = day;
        while (!works(DemoCast.PARIS, played) || !works(DemoCast.NEW_YORK, played)) {
            played = played.minusDays(1);
        }
        return played;
    }

    /** Whether the team works that day: Monday to Friday, less its country's public holidays (as the services count). */
    public static boolean works(Team team, LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !HOLIDAYS.isHoliday(team.country() == null ? null : new HolidayCalendar(team.country(), null), day);
    }

    /** The first day of Hugo's leave (Monday to Friday): next week, seen from {@code today}. */
    public static LocalDate hugosLeave(LocalDate today) {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /** The story of the day {@code now} falls on (in each team's zone). */
    public static Plan plan(long seed, Instant now) {
        return new DemoStory(seed).build(now);
    }

    private Plan build(Instant now) {
        for (Team team : DemoCast.TEAMS) {
            today.put(team, now.atZone(team.zone()).toLocalDate());
        }
        List<List<Act>> early = new ArrayList<>();
        List<List<Act>> recentFirst = new ArrayList<>();
        List<List<Act>> late = new ArrayList<>();
        Map<String, Long> calls = new LinkedHashMap<>();
        LocalDate historyFrom = null;
        for (Rep rep : DemoCast.REPS) {
            Team team = DemoCast.teamOf(rep);
            List<LocalDate> days = workingDaysBefore(team, today.get(team), HISTORY_WORKING_DAYS);
            historyFrom = historyFrom == null || days.get(0).isBefore(historyFrom) ? days.get(0) : historyFrom;
            List<List<Act>> byDay = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                boolean lastWeek = i >= days.size() - 5;
                double level = "sdr-lea".equals(rep.repId()) && lastWeek ? 0.25 : 1.0;
                byDay.add(day(rep, team, days.get(i), level));
            }
            if ("ae-ines".equals(rep.repId())) {
                lateEvenings(rep, team, days, byDay);
            }
            if ("sdr-ethan".equals(rep.repId())) {
                // Ethan's last week arrives late (his CRM sync stalled): first his older days.
                early.addAll(byDay.subList(0, byDay.size() - 5));
                late.addAll(byDay.subList(byDay.size() - 5, byDay.size()));
                calls.put(rep.repId(), count(byDay.subList(0, byDay.size() - 5)));
            } else {
                // Newest first: a rep's recent weeks are in before the baseline they are compared with.
                for (int i = byDay.size() - 1; i >= 0; i--) {
                    recentFirst.add(byDay.get(i));
                }
                calls.put(rep.repId(), count(byDay));
            }
        }
        List<List<Act>> history = new ArrayList<>(early);
        history.addAll(recentFirst);

        List<DealState> deals = new ArrayList<>();
        List<DealState> live = new ArrayList<>();
        for (Rep rep : DemoCast.REPS) {
            if (!rep.sdr()) {
                deals.addAll(ordinaryDeals(rep));
            }
        }
        deals.addAll(globexStalls());
        DealState marc = openDeal("ae-marc", "Initech — licence groupe", MARC_BIG_WIN, 15, 3);
        deals.addAll(path(marc, 15, 3));
        live.add(won(marc));
        DealState olivia = openDeal("ae-olivia", "Umbrella Corp — expansion", OLIVIA_CLOSING, 12, 2);
        deals.addAll(path(olivia, 12, 2));
        live.add(won(olivia));
        // Each deal's changes in order; the most recently active deals first, so a rep's recent weeks are in before the
        // baseline they are compared with (as for activities).
        Map<String, List<DealState>> byDeal = new LinkedHashMap<>();
        deals.sort(Comparator.comparing(DealState::at));
        deals.forEach(d ->
                byDeal.computeIfAbsent(d.dealRef(), ref -> new ArrayList<>()).add(d));
        deals = new ArrayList<>();
        byDeal.values().stream()
                .sorted(Comparator.comparing((List<DealState> states) ->
                                states.get(states.size() - 1).at())
                        .reversed())
                .forEach(deals::addAll);
        return new Plan(history, deals, objectives(deals, calls), late, live, calls, historyFrom, sourcing(deals));
    }

    /**
     * Each AE's first two deals of the four weeks were sourced by an SDR of the team, who booked the first meeting on
     * them as they were created: Hugo in Paris, Maya in New York (not Léa or Ethan, whose weeks are storylines).
     */
    private List<Act> sourcing(List<DealState> deals) {
        List<Act> meetings = new ArrayList<>();
        Map<String, Integer> perAe = new LinkedHashMap<>();
        for (DealState deal : deals) {
            boolean ordinary =
                    deal.title().contains(" — projet ") || deal.title().contains(" — project ");
            if (!deal.first() || !ordinary || perAe.merge(deal.repId(), 1, Integer::sum) > 2) {
                continue;
            }
            Rep sdr = DemoCast.rep(
                    DemoCast.teamOf(DemoCast.rep(deal.repId())) == DemoCast.PARIS ? "sdr-hugo" : "sdr-maya");
            meetings.add(new Act(
                    "demo-src-" + deal.dealRef(),
                    sdr.repId(),
                    Kind.MEETING_BOOKED,
                    deal.created().minusSeconds(1800),
                    0,
                    deal.dealRef(),
                    deal.created().plusSeconds(2 * 86_400L)));
        }
        return meetings;
    }

    /**
     * Inès's last {@link #INES_EVENING_DAYS} working days each gain an evening of emails (19:30 to 22:30 in Paris), and
     * the Saturday between them a day of work: what AFTER_HOURS_RISING sees against her usual weeks. Emails only,
     * so that the key measure of an AE (meetings held, deals advanced) and her connect rate are not touched.
     */
    private void lateEvenings(Rep rep, Team team, List<LocalDate> days, List<List<Act>> byDay) {
        for (int i = Math.max(0, days.size() - INES_EVENING_DAYS); i < days.size(); i++) {
            byDay.get(i).addAll(extra(rep, team, days.get(i), 19 * 60 + 30, 22 * 60 + 30, 7));
        }
        // The Saturday between them: a day of work, but not the Sunday (a day of rest, so no NO_REST on top).
        LocalDate saturday = days.get(days.size() - 1).with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
        byDay.add(extra(rep, team, saturday, 10 * 60, 16 * 60, 12));
    }

    /**
     * {@code count} emails between two minutes of the day, from the evenings' own draws (emails: calls would change her
     * connect rate, another story).
     */
    private List<Act> extra(Rep rep, Team team, LocalDate day, int fromMinute, int toMinute, int count) {
        List<Act> acts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int minute = fromMinute + evenings.nextInt(toMinute - fromMinute);
            Instant at = day.atTime(LocalTime.of(minute / 60, minute % 60, evenings.nextInt(60)))
                    .atZone(team.zone())
                    .toInstant();
            acts.add(act(rep, Kind.EMAIL, at, 0, null, null));
        }
        return acts;
    }

    private static long count(List<List<Act>> days) {
        return days.stream()
                .flatMap(List::stream)
                .filter(a -> a.kind() == Kind.CALL)
                .count();
    }

    /** The team's {@code n} working days before {@code day}, oldest first. */
    static List<LocalDate> workingDaysBefore(Team team, LocalDate day, int n) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = day.minusDays(1); days.size() < n; d = d.minusDays(1)) {
            if (works(team, d)) {
                days.add(0, d);
            }
        }
        return days;
    }

    private Instant at(Team team, LocalDate day, int fromHour, int toHour) {
        int minutes = fromHour * 60 + random.nextInt((toHour - fromHour) * 60);
        return day.atTime(LocalTime.of(minutes / 60, minutes % 60, random.nextInt(60)))
                .atZone(team.zone())
                .toInstant();
    }

    private int around(int mean, int spread, double level) {
        return Math.max(0, (int) Math.round((mean + random.nextGaussian() * spread) * level));
    }

    /** One rep's working day. */
    private List<Act> day(Rep rep, Team team, LocalDate day, double level) {
        List<Act> acts = new ArrayList<>();
        int calls = rep.sdr() ? around(36, 5, level) : around(8, 2, level);
        // A steady connect rate (27% for SDRs, 45% for AEs), give or take a call.
        int connected = Math.max(0, Math.min(calls, (int)
                Math.round(calls * (rep.sdr() ? 0.27 : 0.45) + random.nextGaussian() * 0.5)));
        for (int i = 0; i < calls; i++) {
            int seconds = i < connected ? 60 + random.nextInt(540) : 0;
            acts.add(act(rep, Kind.CALL, at(team, day, 9, 18), seconds, null, null));
        }
        int emails = rep.sdr() ? around(15, 3, level) : around(10, 2, level);
        for (int i = 0; i < emails; i++) {
            acts.add(act(rep, Kind.EMAIL, at(team, day, 8, 19), 0, null, null));
        }
        int booked = rep.sdr() ? around(2, 1, level) : 0;
        for (int i = 0; i < booked; i++) {
            Instant when = at(team, day, 10, 17);
            acts.add(
                    act(rep, Kind.MEETING_BOOKED, when, 0, null, at(team, day.plusDays(2 + random.nextInt(4)), 9, 17)));
        }
        if (!rep.sdr()) {
            int held = around(4, 1, level);
            for (int i = 0; i < held; i++) {
                Instant when = at(team, day, 9, 17);
                Act booking = act(
                        rep,
                        Kind.MEETING_BOOKED,
                        onAWeekday(when.minusSeconds(86_400L * (2 + random.nextInt(3))), team),
                        0,
                        null,
                        when);
                acts.add(booking);
                acts.add(new Act(booking.id() + "-held", rep.repId(), Kind.MEETING_HELD, when, 0, null, when));
            }
        }
        return acts;
    }

    /** The same time on the Friday before, when it falls on a weekend: meetings are booked on working days. */
    private static Instant onAWeekday(Instant at, Team team) {
        java.time.ZonedDateTime local = at.atZone(team.zone());
        return switch (local.getDayOfWeek()) {
            case SATURDAY -> local.minusDays(1).toInstant();
            case SUNDAY -> local.minusDays(2).toInstant();
            default -> at;
        };
    }

    private Act act(Rep rep, Kind kind, Instant at, int seconds, String dealRef, Instant scheduledFor) {
        return new Act("demo-" + (++sequence), rep.repId(), kind, at, seconds, dealRef, scheduledFor);
    }

    /** A deal's changes from its creation {@code createdDaysAgo} to reaching negotiation {@code negotiationDaysAgo}. */
    private List<DealState> path(DealState deal, int createdDaysAgo, int negotiationDaysAgo) {
        List<DealState> states = new ArrayList<>();
        Team team = DemoCast.teamOf(DemoCast.rep(deal.repId()));
        LocalDate now = today.get(team);
        Instant created = at(team, now.minusDays(createdDaysAgo), 9, 12);
        int steps = STAGES.size() - 2;
        for (int i = 0; i <= steps; i++) {
            int daysAgo = createdDaysAgo - (createdDaysAgo - negotiationDaysAgo) * i / steps;
            Instant when = i == 0 ? created : at(team, now.minusDays(daysAgo), 13, 17);
            states.add(new DealState(
                    deal.dealRef(),
                    deal.repId(),
                    deal.title(),
                    STAGES.get(i + 1),
                    deal.amount(),
                    deal.close(),
                    created,
                    when,
                    i == 0));
        }
        return states;
    }

    private DealState openDeal(String repId, String title, long amount, int createdDaysAgo, int closeInDays) {
        Team team = DemoCast.teamOf(DemoCast.rep(repId));
        String ref = String.valueOf(9000 + (++sequence));
        return new DealState(
                ref, repId, title, "NEGOTIATION", amount, today.get(team).plusDays(closeInDays), null, null, false);
    }

    /** Won now (the live moment). */
    private static DealState won(DealState deal) {
        return new DealState(
                deal.dealRef(), deal.repId(), deal.title(), "WON", deal.amount(), deal.close(), null, null, false);
    }

    /** Inès's Globex deal: in negotiation for three weeks, close date pushed twice. */
    private List<DealState> globexStalls() {
        Team team = DemoCast.PARIS;
        LocalDate now = today.get(team);
        String ref = String.valueOf(9000 + (++sequence));
        String title = "Globex — plateforme commerciale";
        long amount = 42_000;
        Instant created = at(team, now.minusDays(27), 9, 12);
        List<DealState> states = new ArrayList<>();
        states.add(new DealState(ref, "ae-ines", title, "QUALIFIED", amount, now.minusDays(1), created, created, true));
        states.add(new DealState(
                ref,
                "ae-ines",
                title,
                "DISCOVERY",
                amount,
                now.minusDays(1),
                created,
                at(team, now.minusDays(25), 14, 17),
                false));
        states.add(new DealState(
                ref,
                "ae-ines",
                title,
                "PROPOSAL",
                amount,
                now.minusDays(1),
                created,
                at(team, now.minusDays(23), 14, 17),
                false));
        states.add(new DealState(
                ref,
                "ae-ines",
                title,
                "NEGOTIATION",
                amount,
                now.minusDays(1),
                created,
                at(team, now.minusDays(21), 14, 17),
                false));
        states.add(new DealState(
                ref,
                "ae-ines",
                title,
                "NEGOTIATION",
                amount,
                now.plusDays(14),
                created,
                at(team, now.minusDays(12), 10, 12),
                false));
        states.add(new DealState(
                ref,
                "ae-ines",
                title,
                "NEGOTIATION",
                amount,
                now.plusDays(30),
                created,
                at(team, now.minusDays(4), 10, 12),
                false));
        return states;
    }

    /** Five to seven deals per AE over the four weeks: most end won or lost, a few stay open and moving. */
    private List<DealState> ordinaryDeals(Rep rep) {
        Team team = DemoCast.teamOf(rep);
        String[] accounts = team == DemoCast.PARIS ? PARIS_ACCOUNTS : NY_ACCOUNTS;
        LocalDate now = today.get(team);
        List<DealState> states = new ArrayList<>();
        int count = 5 + random.nextInt(3);
        for (int d = 0; d < count; d++) {
            String ref = String.valueOf(1000 + (++sequence));
            String title = accounts[random.nextInt(accounts.length)]
                    + (team == DemoCast.PARIS ? " — projet " : " — project ")
                    + (d + 1);
            long amount = (8 + random.nextInt(13)) * 1000L;
            double fate = random.nextDouble();
            String end = fate < 0.45 ? "WON" : fate < 0.7 ? "LOST" : null;
            // Open deals are recent, so none sits idle long enough to look stalled or quiet.
            int createdDaysAgo = end == null ? 4 + random.nextInt(8) : 8 + random.nextInt(20);
            Instant created = at(team, now.minusDays(createdDaysAgo), 9, 12);
            LocalDate close = now.plusDays(5 + random.nextInt(30));
            int stage = 1;
            int daysAgo = createdDaysAgo;
            states.add(
                    new DealState(ref, rep.repId(), title, STAGES.get(stage), amount, close, created, created, true));
            while (daysAgo > 2) {
                int step = 2 + random.nextInt(4);
                if (daysAgo - step < 1) {
                    break;
                }
                daysAgo -= step;
                Instant when = at(team, now.minusDays(daysAgo), 10, 18);
                if (stage < STAGES.size() - 1) {
                    stage++;
                    states.add(new DealState(
                            ref, rep.repId(), title, STAGES.get(stage), amount, close, created, when, false));
                } else if (end != null) {
                    states.add(new DealState(ref, rep.repId(), title, end, amount, close, created, when, false));
                    break;
                } else {
                    break;
                }
            }
        }
        // And one recent win each, of the usual size.
        DealState recent = openDeal(
                rep.repId(),
                accounts[random.nextInt(accounts.length)]
                        + (team == DemoCast.PARIS ? " — renouvellement" : " — renewal"),
                (10 + random.nextInt(5)) * 1000L,
                16,
                6);
        states.addAll(path(recent, 16, 6));
        states.add(new DealState(
                recent.dealRef(),
                recent.repId(),
                recent.title(),
                "WON",
                recent.amount(),
                recent.close(),
                states.get(states.size() - 1).created(),
                at(team, now.minusDays(3), 10, 17),
                false));
        return states;
    }

    /**
     * The objectives. SDRs: calls over their four-week sprint (Monday two weeks before this week's to Friday of next
     * week, so that today is always in its third week, a judgeable share of it elapsed whatever the date), a little
     * under their usual pace over the days they work in it. AEs: the month's revenue, near what each is on course for;
     * Olivia's set so that her live deal reaches it. The quarter's: deals won per team, near the team's course (the
     * live wins counted).
     */
    private List<Objective> objectives(List<DealState> deals, Map<String, Long> calls) {
        List<Objective> objectives = new ArrayList<>();
        for (Rep rep : DemoCast.REPS) {
            Team team = DemoCast.teamOf(rep);
            LocalDate now = today.get(team);
            LocalDate start = now.withDayOfMonth(1);
            LocalDate end = now.withDayOfMonth(now.lengthOfMonth());
            double elapsed = elapsed(team, start, end, now);
            if (rep.sdr()) {
                LocalDate sprint = sprintStart(now);
                LocalDate sprintEnd = sprint.plusWeeks(4).minusDays(3);
                long days = workingDays(team, sprint, sprintEnd);
                if ("sdr-hugo".equals(rep.repId())) {
                    LocalDate leave = hugosLeave(now);
                    days -= workingDays(
                            team, leave, leave.plusDays(4).isAfter(sprintEnd) ? sprintEnd : leave.plusDays(4));
                }
                long target = Math.round(36 * 0.95 * days);
                objectives.add(new Objective(
                        "obj-" + rep.repId() + "-sprint-" + sprint,
                        "REP",
                        rep.repId(),
                        "CALLS",
                        target,
                        null,
                        sprint,
                        sprintEnd));
            } else {
                long won = deals.stream()
                        .filter(d -> d.repId().equals(rep.repId())
                                && "WON".equals(d.stage())
                                && !d.at().atZone(team.zone()).toLocalDate().isBefore(start))
                        .mapToLong(DealState::amount)
                        .sum();
                long target;
                if ("ae-olivia".equals(rep.repId())) {
                    target = won + OLIVIA_CLOSING - 1_000;
                } else {
                    // About what the rep is on course for.
                    target =
                            won == 0 ? 20_000 : Math.max(won + 1_000, Math.round(won / Math.max(elapsed, 0.25) * 0.95));
                }
                objectives.add(new Objective(
                        "obj-" + rep.repId() + "-" + start.getMonthValue(),
                        "REP",
                        rep.repId(),
                        "REVENUE_WON",
                        target,
                        team.currency(),
                        start,
                        end));
            }
        }
        for (Team team : DemoCast.TEAMS) {
            LocalDate now = today.get(team);
            LocalDate start = now.withDayOfMonth(1).withMonth(((now.getMonthValue() - 1) / 3) * 3 + 1);
            LocalDate end = start.plusMonths(3).minusDays(1);
            long won = deals.stream()
                            .filter(d -> DemoCast.rep(d.repId()).teamId().equals(team.teamId())
                                    && "WON".equals(d.stage())
                                    && !d.at().atZone(team.zone()).toLocalDate().isBefore(start))
                            .count()
                    + 1;
            long target = Math.max(won + 1, Math.round(won / Math.max(elapsed(team, start, end, now), 0.25) * 0.95));
            objectives.add(new Objective(
                    "obj-" + team.teamId() + "-q" + ((now.getMonthValue() - 1) / 3 + 1),
                    "TEAM",
                    team.teamId(),
                    "DEALS_WON",
                    target,
                    null,
                    start,
                    end));
            objectives.add(quarterRevenue(team, deals, start, end, elapsed(team, start, end, now)));
        }
        return objectives;
    }

    /**
     * The team's revenue objective for the quarter, the forecast's quota: about what the team is on course for (on track)
     * and at most a third of its open pipeline expected by the quarter's end above what it has won (so it is covered 3
     * times: no low-coverage warning in the story), in hundreds, and above what is won (not achieved before the quarter ends).
     */
    static Objective quarterRevenue(Team team, List<DealState> deals, LocalDate start, LocalDate end, double elapsed) {
        Map<String, DealState> last = new java.util.LinkedHashMap<>();
        for (DealState deal : deals) {
            if (DemoCast.rep(deal.repId()).teamId().equals(team.teamId())) {
                last.merge(deal.dealRef(), deal, (before, after) -> after.at().isBefore(before.at()) ? before : after);
            }
        }
        long won = 0;
        long open = 0;
        for (DealState deal : last.values()) {
            LocalDate day = deal.at().atZone(team.zone()).toLocalDate();
            if ("WON".equals(deal.stage()) && !day.isBefore(start) && !day.isAfter(end)) {
                won += deal.amount();
            } else if (!"WON".equals(deal.stage())
                    && !"LOST".equals(deal.stage())
                    && deal.close() != null
                    && !deal.close().isAfter(end)) {
                open += deal.amount();
            }
        }
        long onCourse = Math.round(won / Math.max(elapsed, 0.25) * 0.98);
        long target = Math.max(won + 100, Math.min(onCourse, won + open / 3) / 100 * 100);
        return new Objective(
                "obj-" + team.teamId() + "-revenue-q" + ((start.getMonthValue() - 1) / 3 + 1),
                "TEAM",
                team.teamId(),
                "REVENUE_WON",
                target,
                team.currency(),
                start,
                end);
    }

    /** The first day of the SDRs' sprint that {@code today} falls in: the Monday two weeks before this week's. */
    public static LocalDate sprintStart(LocalDate today) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(2);
    }

    private static long workingDays(Team team, LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).filter(d -> works(team, d)).count();
    }

    private static double elapsed(Team team, LocalDate start, LocalDate end, LocalDate today) {
        return today.isAfter(start)
                ? (double) workingDays(team, start, today.minusDays(1)) / workingDays(team, start, end)
                : 0;
    }

    /** An activity of today, now, for the live stream. */
    public static Act liveAct(Random random, int sequence, Instant now) {
        Rep rep = DemoCast.REPS.get(random.nextInt(DemoCast.REPS.size()));
        double roll = random.nextDouble();
        if (roll < 0.6) {
            int seconds = random.nextDouble() < (rep.sdr() ? 0.27 : 0.45) ? 60 + random.nextInt(540) : 0;
            return new Act("live-" + sequence, rep.repId(), Kind.CALL, now, seconds, null, null);
        }
        if (roll < 0.9) {
            return new Act("live-" + sequence, rep.repId(), Kind.EMAIL, now, 0, null, null);
        }
        return new Act(
                "live-" + sequence,
                rep.repId(),
                Kind.MEETING_BOOKED,
                now,
                0,
                null,
                now.plusSeconds(86_400L * (1 + random.nextInt(4))));
    }
}
