package io.salespulse.localrun;

import io.salespulse.localrun.OracleMonth.Deal;
import io.salespulse.localrun.OracleMonth.Rep;
import io.salespulse.localrun.OracleMonth.Snapshot;
import io.salespulse.localrun.OracleMonth.Team;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The oracle's second implementation of the figures, written from docs/kpis-and-signals.md alone: loops over the
 * facts the test sent, nothing shared with the services. Each figure comes with the facts behind it, to print when it
 * differs from what the service says.
 */
final class NaiveFigures {

    /** A figure and the facts it was computed from. */
    record Figure(BigDecimal value, List<String> behind) {

        static Figure of(long value, List<String> behind) {
            return new Figure(BigDecimal.valueOf(value), behind);
        }
    }

    /** A period's days, and the window it is compared with (like for like when it is under way). */
    record Window(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, boolean likeForLike) {
    }

    /** France's public holidays in the oracle's months (from the calendar, not from the code). */
    static final Set<LocalDate> FRENCH_HOLIDAYS = Set.of(LocalDate.parse("2027-07-14"), LocalDate.parse("2027-08-15"),
            LocalDate.parse("2027-11-01"), LocalDate.parse("2027-11-11"), LocalDate.parse("2027-12-25"));

    private final OracleMonth month;

    NaiveFigures(OracleMonth month) {
        this.month = month;
    }

    /** "A period under way against the same elapsed span of the one before; a period over against the whole one before." */
    static Window window(String period, LocalDate date, LocalDate today) {
        LocalDate from = switch (period) {
            case "day" -> date;
            case "week" -> date.with(DayOfWeek.MONDAY);
            case "month" -> date.withDayOfMonth(1);
            default -> date.with(IsoFields.DAY_OF_QUARTER, 1);
        };
        LocalDate to = switch (period) {
            case "day" -> date;
            case "week" -> from.plusDays(6);
            case "month" -> from.with(TemporalAdjusters.lastDayOfMonth());
            default -> from.plusMonths(3).minusDays(1);
        };
        LocalDate previousFrom = switch (period) {
            case "day" -> from.minusDays(1);
            case "week" -> from.minusWeeks(1);
            case "month" -> from.minusMonths(1);
            default -> from.minusMonths(3);
        };
        LocalDate previousEnd = from.minusDays(1);
        boolean underWay = !today.isBefore(from) && !today.isAfter(to);
        if (!underWay) {
            return new Window(from, to, previousFrom, previousEnd, false);
        }
        // "Like for like" says the window is only a part of the period before: a day under way is compared with the
        // whole day before (figures are kept per day), and the 31st of a month with all of a shorter month before.
        long elapsed = today.toEpochDay() - from.toEpochDay();
        LocalDate previousTo = previousFrom.plusDays(elapsed);
        boolean part = previousTo.isBefore(previousEnd);
        return new Window(from, to, previousFrom, part ? previousTo : previousEnd, part);
    }

    private static boolean within(Instant at, Team team, LocalDate from, LocalDate to) {
        LocalDate day = at.atZone(team.zone()).toLocalDate();
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static String line(String what, Instant at, Team team, Object channel) {
        return "%s at %s (%s local) via %s".formatted(what, at, at.atZone(team.zone()).toLocalDateTime(), channel);
    }

    /** The activity and pipeline figures of some reps (one, or a team's) over some days, by the API's names. */
    Map<String, Figure> figures(List<Rep> reps, LocalDate from, LocalDate to) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        Predicate<Rep> ours = reps::contains;
        List<String> calls = new ArrayList<>();
        List<String> connected = new ArrayList<>();
        long talk = 0;
        for (OracleMonth.Call call : month.calls) {
            if (ours.test(call.rep()) && within(call.at(), call.rep().team(), from, to)) {
                String line = line("call " + call.id() + " of " + call.rep().repId() + (call.connected() ? " connected " + call.seconds() + " s" : ""),
                        call.at(), call.rep().team(), call.channel());
                calls.add(line);
                if (call.connected()) {
                    connected.add(line);
                    talk += call.seconds();
                }
            }
        }
        figures.put("activity.calls", Figure.of(calls.size(), calls));
        figures.put("activity.connectedCalls", Figure.of(connected.size(), connected));
        figures.put("activity.talkTimeSeconds", Figure.of(talk, connected));
        List<String> emails = new ArrayList<>();
        for (OracleMonth.Email email : month.emails) {
            if (ours.test(email.rep()) && within(email.at(), email.rep().team(), from, to)) {
                emails.add(line("email " + email.id() + " of " + email.rep().repId(), email.at(), email.rep().team(), email.channel()));
            }
        }
        figures.put("activity.emails", Figure.of(emails.size(), emails));
        List<String> booked = new ArrayList<>();
        List<String> scheduled = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (OracleMonth.Meeting meeting : month.meetings) {
            if (!ours.test(meeting.rep())) {
                continue;
            }
            Team team = meeting.rep().team();
            String what = "meeting " + meeting.id() + " of " + meeting.rep().repId() + " booked " + meeting.bookedAt() + " for";
            if (within(meeting.bookedAt(), team, from, to)) {
                booked.add(line(what, meeting.scheduledFor(), team, meeting.channel()));
            }
            if (within(meeting.scheduledFor(), team, from, to)) {
                scheduled.add(line(what, meeting.scheduledFor(), team, meeting.channel()));
                if (meeting.held()) {
                    held.add(line(what + " (held)", meeting.scheduledFor(), team, meeting.channel()));
                }
            }
        }
        figures.put("activity.meetingsBooked", Figure.of(booked.size(), booked));
        figures.put("activity.meetingsScheduled", Figure.of(scheduled.size(), scheduled));
        figures.put("activity.meetingsHeld", Figure.of(held.size(), held));

        List<String> created = new ArrayList<>();
        List<String> won = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        Map<String, BigDecimal> pipelineCreated = new LinkedHashMap<>();
        Map<String, BigDecimal> revenueWon = new LinkedHashMap<>();
        Map<String, BigDecimal> amountLost = new LinkedHashMap<>();
        for (Deal deal : month.deals) {
            if (!ours.test(deal.owner())) {
                continue;
            }
            Team team = deal.owner().team();
            Snapshot first = deal.first();
            if (within(first.at(), team, from, to)) {
                created.add(line("deal " + deal.id() + " created at " + first.amount() + " " + team.currency(), first.at(), team, deal.channel()));
                pipelineCreated.merge(team.currency(), BigDecimal.valueOf(first.amount()), BigDecimal::add);
            }
            Snapshot last = deal.last();
            if (within(last.at(), team, from, to)) {
                if (last.stage().equals("WON")) {
                    won.add(line("deal " + deal.id() + " won at " + last.amount(), last.at(), team, deal.channel()));
                    revenueWon.merge(team.currency(), BigDecimal.valueOf(last.amount()), BigDecimal::add);
                } else if (last.stage().equals("LOST")) {
                    lost.add(line("deal " + deal.id() + " lost at " + last.amount(), last.at(), team, deal.channel()));
                    amountLost.merge(team.currency(), BigDecimal.valueOf(last.amount()), BigDecimal::add);
                }
            }
        }
        figures.put("pipeline.dealsCreated", Figure.of(created.size(), created));
        money(figures, "pipeline.pipelineCreated", pipelineCreated, created);
        figures.put("pipeline.dealsWon", Figure.of(won.size(), won));
        money(figures, "pipeline.revenueWon", revenueWon, won);
        figures.put("pipeline.dealsLost", Figure.of(lost.size(), lost));
        money(figures, "pipeline.amountLost", amountLost, lost);
        return figures;
    }

    private static void money(Map<String, Figure> figures, String name, Map<String, BigDecimal> amounts, List<String> behind) {
        for (String currency : List.of("EUR", "USD")) {
            figures.put(name + "." + currency, new Figure(amounts.getOrDefault(currency, BigDecimal.ZERO), behind));
        }
    }

    /** Open deals now, per stage: how many, and their amount (in the team's currency). */
    Map<String, Figure> openPipeline(Team team) {
        Map<String, List<String>> deals = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (Deal deal : month.deals) {
            Snapshot last = deal.last();
            if (deal.owner().team() != team || last.stage().equals("WON") || last.stage().equals("LOST")) {
                continue;
            }
            deals.computeIfAbsent(last.stage(), s -> new ArrayList<>()).add(line("deal " + deal.id() + " in " + last.stage() + " at "
                    + last.amount(), last.at(), team, deal.channel()));
            amounts.merge(last.stage(), BigDecimal.valueOf(last.amount()), BigDecimal::add);
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (String stage : List.of("NEW", "QUALIFIED", "DISCOVERY", "PROPOSAL", "NEGOTIATION")) {
            List<String> behind = deals.getOrDefault(stage, List.of());
            figures.put(stage + ".deals", Figure.of(behind.size(), behind));
            figures.put(stage + ".amount." + team.currency(), new Figure(amounts.getOrDefault(stage, BigDecimal.ZERO), behind));
        }
        return figures;
    }

    /** The deals-won cohort: of the deals created in the days, those won by now. */
    Map<String, Figure> wonCohort(Team team, LocalDate from, LocalDate to) {
        List<String> created = new ArrayList<>();
        List<String> won = new ArrayList<>();
        for (Deal deal : month.deals) {
            if (deal.owner().team() == team && within(deal.first().at(), team, from, to)) {
                String line = line("deal " + deal.id() + " created, now " + deal.last().stage(), deal.first().at(), team, deal.channel());
                created.add(line);
                if (deal.last().stage().equals("WON")) {
                    won.add(line);
                }
            }
        }
        return Map.of("wonCohort.created", Figure.of(created.size(), created), "wonCohort.won", Figure.of(won.size(), won));
    }

    /** A rep's working days in [from, to]: its team's weekdays less its country's public holidays. */
    static long workingDays(Team team, LocalDate from, LocalDate to) {
        long days = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            boolean weekday = day.getDayOfWeek().getValue() <= 5;
            boolean holiday = "FR".equals(team.country()) && FRENCH_HOLIDAYS.contains(day);
            if (weekday && !holiday) {
                days++;
            }
        }
        return days;
    }
}
