package io.salespulse.systemtests;

import io.salespulse.systemtests.OracleMonth.Deal;
import io.salespulse.systemtests.OracleMonth.Rep;
import io.salespulse.systemtests.OracleMonth.Snapshot;
import io.salespulse.systemtests.OracleMonth.Team;
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
    record Window(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, boolean likeForLike) {}

    /** France's public holidays in the oracle's months (from the calendar, not from the code). */
    static final Set<LocalDate> FRENCH_HOLIDAYS = Set.of(
            LocalDate.parse("2027-07-14"),
            LocalDate.parse("2027-08-15"),
            LocalDate.parse("2027-11-01"),
            LocalDate.parse("2027-11-11"),
            LocalDate.parse("2027-12-25"));

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
        return "%s at %s (%s local) via %s"
                .formatted(what, at, at.atZone(team.zone()).toLocalDateTime(), channel);
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
                String line = line(
                        "call " + call.id() + " of " + call.rep().repId()
                                + (call.connected() ? " connected " + call.seconds() + " s" : ""),
                        call.at(),
                        call.rep().team(),
                        call.channel());
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
                emails.add(line(
                        "email " + email.id() + " of " + email.rep().repId(),
                        email.at(),
                        email.rep().team(),
                        email.channel()));
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
            String what = "meeting " + meeting.id() + " of " + meeting.rep().repId() + " booked " + meeting.bookedAt()
                    + " for";
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
                created.add(line(
                        "deal " + deal.id() + " created at " + first.amount() + " " + team.currency(),
                        first.at(),
                        team,
                        deal.channel()));
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
        // Win rate = won / (won + lost) over deals closed in the period; average won deal size = revenue / deals won
        // (to the cent); sales cycle = median whole days (24 hours) from created to won, over the deals won.
        if (!won.isEmpty() || !lost.isEmpty()) {
            figures.put(
                    "pipeline.winRate",
                    new Figure(
                            BigDecimal.valueOf(won.size())
                                    .divide(
                                            BigDecimal.valueOf(won.size() + lost.size()),
                                            4,
                                            java.math.RoundingMode.HALF_UP),
                            won));
        }
        if (!won.isEmpty()) {
            for (String currency : revenueWon.keySet()) {
                figures.put(
                        "pipeline.averageWonDealSize." + currency,
                        new Figure(
                                revenueWon
                                        .get(currency)
                                        .divide(BigDecimal.valueOf(won.size()), 2, java.math.RoundingMode.HALF_UP),
                                won));
            }
            List<Long> cycles = new ArrayList<>();
            for (Deal deal : month.deals) {
                if (ours.test(deal.owner())
                        && deal.last().stage().equals("WON")
                        && within(deal.last().at(), deal.owner().team(), from, to)) {
                    cycles.add(java.time.Duration.between(
                                    deal.first().at(), deal.last().at())
                            .toDays());
                }
            }
            figures.put("pipeline.salesCycleDays", new Figure(median(cycles), won));
        }
        // Deals advanced: each move forward a stage that is not a win (a deal moved twice counts twice); stage
        // conversion: of the moves out of a stage in the period, the share forward (a win is forward, a loss is not).
        List<String> advanced = new ArrayList<>();
        Map<String, long[]> exits = new java.util.TreeMap<>();
        for (Deal deal : month.deals) {
            if (!ours.test(deal.owner())) {
                continue;
            }
            for (int i = 1; i < deal.snapshots().size(); i++) {
                Snapshot before = deal.snapshots().get(i - 1);
                Snapshot after = deal.snapshots().get(i);
                if (before.stage().equals(after.stage())
                        || !within(after.at(), deal.owner().team(), from, to)) {
                    continue;
                }
                boolean forward =
                        !after.stage().equals("LOST") && ORDER.indexOf(after.stage()) > ORDER.indexOf(before.stage());
                long[] counts = exits.computeIfAbsent(before.stage(), k -> new long[2]);
                counts[0]++;
                if (forward) {
                    counts[1]++;
                    if (!after.stage().equals("WON")) {
                        advanced.add(line(
                                "deal " + deal.id() + " " + before.stage() + " to " + after.stage(),
                                after.at(),
                                deal.owner().team(),
                                deal.channel()));
                    }
                }
            }
        }
        figures.put("pipeline.dealsAdvanced", Figure.of(advanced.size(), advanced));
        exits.forEach((stage, counts) -> figures.put(
                "pipeline.stageConversion." + stage,
                new Figure(
                        BigDecimal.valueOf(counts[1])
                                .divide(BigDecimal.valueOf(counts[0]), 4, java.math.RoundingMode.HALF_UP),
                        List.of(counts[1] + " forward of " + counts[0] + " moves out of " + stage))));
        figures.put("pipeline.dealsCreated", Figure.of(created.size(), created));
        money(figures, "pipeline.pipelineCreated", pipelineCreated, created);
        figures.put("pipeline.dealsWon", Figure.of(won.size(), won));
        money(figures, "pipeline.revenueWon", revenueWon, won);
        figures.put("pipeline.dealsLost", Figure.of(lost.size(), lost));
        money(figures, "pipeline.amountLost", amountLost, lost);
        return figures;
    }

    private static void money(
            Map<String, Figure> figures, String name, Map<String, BigDecimal> amounts, List<String> behind) {
        for (String currency : List.of("EUR", "USD")) {
            figures.put(name + "." + currency, new Figure(amounts.getOrDefault(currency, BigDecimal.ZERO), behind));
        }
    }

    /** The stages in their order (a move to a later one is forward). */
    static final List<String> ORDER =
            List.of("NEW", "QUALIFIED", "DISCOVERY", "PROPOSAL", "NEGOTIATION", "WON", "LOST");

    /** The stages' win probabilities for the weighted pipeline (docs: the defaults). */
    static final Map<String, BigDecimal> PROBABILITIES = Map.of(
            "NEW",
            new BigDecimal("0.10"),
            "QUALIFIED",
            new BigDecimal("0.20"),
            "DISCOVERY",
            new BigDecimal("0.40"),
            "PROPOSAL",
            new BigDecimal("0.60"),
            "NEGOTIATION",
            new BigDecimal("0.80"));

    static BigDecimal median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        return n % 2 == 1
                ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2))
                        .divide(BigDecimal.valueOf(2), 1, java.math.RoundingMode.HALF_UP);
    }

    /** When the deal entered the stage it is in now (a stale snapshot arriving late changes nothing). */
    static Instant stageSince(Deal deal) {
        Snapshot previous = null;
        Instant since = null;
        for (Snapshot snapshot : deal.snapshots()) {
            if (previous == null || !previous.stage().equals(snapshot.stage())) {
                since = snapshot.at();
            }
            previous = snapshot;
        }
        return since;
    }

    private static boolean open(Deal deal) {
        return !deal.last().stage().equals("WON") && !deal.last().stage().equals("LOST");
    }

    /** Open deals now, per stage: how many, and their amount (in the team's currency). */
    Map<String, Figure> openPipeline(Team team) {
        Map<String, List<String>> deals = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (Deal deal : month.deals) {
            Snapshot last = deal.last();
            if (deal.owner().team() != team
                    || last.stage().equals("WON")
                    || last.stage().equals("LOST")) {
                continue;
            }
            deals.computeIfAbsent(last.stage(), s -> new ArrayList<>())
                    .add(line(
                            "deal " + deal.id() + " in " + last.stage() + " at " + last.amount(),
                            last.at(),
                            team,
                            deal.channel()));
            amounts.merge(last.stage(), BigDecimal.valueOf(last.amount()), BigDecimal::add);
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        List<String> all = new ArrayList<>();
        for (String stage : List.of("NEW", "QUALIFIED", "DISCOVERY", "PROPOSAL", "NEGOTIATION")) {
            List<String> behind = deals.getOrDefault(stage, List.of());
            all.addAll(behind);
            BigDecimal amount = amounts.getOrDefault(stage, BigDecimal.ZERO);
            figures.put(stage + ".deals", Figure.of(behind.size(), behind));
            figures.put(stage + ".amount." + team.currency(), new Figure(amount, behind));
            figures.put(
                    stage + ".weighted." + team.currency(),
                    new Figure(amount.multiply(PROBABILITIES.get(stage)), behind));
            open = open.add(amount);
            weighted = weighted.add(amount.multiply(PROBABILITIES.get(stage)));
        }
        figures.put("open." + team.currency(), new Figure(open, all));
        figures.put("weighted." + team.currency(), new Figure(weighted, all));
        return figures;
    }

    /** Per stage, the open deals' days in it (calendar days of the team's zone since they entered it, to today). */
    Map<String, List<Deal>> openByStage(Team team) {
        Map<String, List<Deal>> byStage = new LinkedHashMap<>();
        for (Deal deal : month.deals) {
            if (deal.owner().team() == team && open(deal)) {
                byStage.computeIfAbsent(deal.last().stage(), k -> new ArrayList<>())
                        .add(deal);
            }
        }
        return byStage;
    }

    static long daysInStage(Deal deal, LocalDate today) {
        return Math.max(
                0,
                today.toEpochDay()
                        - stageSince(deal)
                                .atZone(deal.owner().team().zone())
                                .toLocalDate()
                                .toEpochDay());
    }

    /** The reps of a team ranked by calls over the days: rank (equal values share one: 1, 2, 2, 4) and value. */
    Map<String, long[]> callsRanking(Team team, LocalDate from, LocalDate to) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Rep rep : month.repsOf(team)) {
            values.put(
                    rep.repId(),
                    figures(List.of(rep), from, to)
                            .get("activity.calls")
                            .value()
                            .longValue());
        }
        Map<String, long[]> ranking = new LinkedHashMap<>();
        values.forEach((rep, value) -> ranking.put(rep, new long[] {
            1 + values.values().stream().filter(v -> v > value).count(), value
        }));
        return ranking;
    }

    /**
     * The forecast of the days, in the team's currency: closed (won in them), and the open deals expected to close in
     * them by their stage's category (NEW, QUALIFIED pipeline; DISCOVERY, PROPOSAL best case; NEGOTIATION commit).
     */
    Map<String, Figure> forecast(Team team, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>(Map.of(
                "closed",
                BigDecimal.ZERO,
                "commit",
                BigDecimal.ZERO,
                "bestCase",
                BigDecimal.ZERO,
                "pipeline",
                BigDecimal.ZERO));
        Map<String, List<String>> behind = new LinkedHashMap<>();
        for (Deal deal : month.deals) {
            Snapshot last = deal.last();
            if (deal.owner().team() != team) {
                continue;
            }
            String category = null;
            if (last.stage().equals("WON") && within(last.at(), team, from, to)) {
                category = "closed";
            } else if (open(deal)
                    && !last.closeDate().isBefore(from)
                    && !last.closeDate().isAfter(to)) {
                category = switch (last.stage()) {
                    case "NEGOTIATION" -> "commit";
                    case "DISCOVERY", "PROPOSAL" -> "bestCase";
                    default -> "pipeline";
                };
            }
            if (category != null) {
                sums.merge(category, BigDecimal.valueOf(last.amount()), BigDecimal::add);
                behind.computeIfAbsent(category, k -> new ArrayList<>())
                        .add(line(
                                "deal " + deal.id() + " " + last.stage() + " at " + last.amount() + ", close "
                                        + last.closeDate(),
                                last.at(),
                                team,
                                deal.channel()));
            }
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        sums.forEach((category, sum) ->
                figures.put(category, new Figure(sum, behind.getOrDefault(category, List.of()))));
        BigDecimal commitTotal = sums.get("closed").add(sums.get("commit"));
        figures.put("commitTotal", new Figure(commitTotal, behind.getOrDefault("commit", List.of())));
        figures.put(
                "bestCaseTotal",
                new Figure(commitTotal.add(sums.get("bestCase")), behind.getOrDefault("bestCase", List.of())));
        return figures;
    }

    /** The period's pipeline changes that need no reading between the lines: created, won, lost (deals and amounts). */
    Map<String, Figure> changes(Team team, LocalDate from, LocalDate to) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        Map<String, Figure> period = figures(month.repsOf(team), from, to);
        figures.put("CREATED.deals", period.get("pipeline.dealsCreated"));
        figures.put("CREATED.amount." + team.currency(), period.get("pipeline.pipelineCreated." + team.currency()));
        figures.put("WON.deals", period.get("pipeline.dealsWon"));
        figures.put("WON.amount." + team.currency(), period.get("pipeline.revenueWon." + team.currency()));
        figures.put("LOST.deals", period.get("pipeline.dealsLost"));
        figures.put("LOST.amount." + team.currency(), period.get("pipeline.amountLost." + team.currency()));
        // Per deal, once per kind of change over the period, from its changes in it (snapshot to snapshot):
        // ADVANCED / MOVED_BACK at the amount of the last such move; PUSHED / PULLED_IN its close date after the last
        // change against before the first, at its amount then; AMOUNT_UP / AMOUNT_DOWN the net change.
        Map<String, List<String>> deals = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (String change : List.of("ADVANCED", "MOVED_BACK", "PUSHED", "PULLED_IN", "AMOUNT_UP", "AMOUNT_DOWN")) {
            deals.put(change, new ArrayList<>());
            amounts.put(change, BigDecimal.ZERO);
        }
        for (Deal deal : month.deals) {
            if (deal.owner().team() != team) {
                continue;
            }
            Long lastForward = null;
            Long lastBack = null;
            LocalDate dateBefore = null;
            LocalDate dateAfter = null;
            long dateAmount = 0;
            Long amountBefore = null;
            long amountAfter = 0;
            for (int i = 1; i < deal.snapshots().size(); i++) {
                Snapshot before = deal.snapshots().get(i - 1);
                Snapshot after = deal.snapshots().get(i);
                if (!within(after.at(), team, from, to)) {
                    continue;
                }
                if (after.amount() != before.amount()) {
                    if (amountBefore == null) {
                        amountBefore = before.amount();
                    }
                    amountAfter = after.amount();
                }
                if (!after.closeDate().equals(before.closeDate())) {
                    if (dateBefore == null) {
                        dateBefore = before.closeDate();
                    }
                    dateAfter = after.closeDate();
                    dateAmount = after.amount();
                }
                boolean closed = after.stage().equals("WON") || after.stage().equals("LOST");
                if (!after.stage().equals(before.stage()) && !closed) {
                    if (ORDER.indexOf(after.stage()) > ORDER.indexOf(before.stage())) {
                        lastForward = after.amount();
                    } else {
                        lastBack = after.amount();
                    }
                }
            }
            String what = "deal " + deal.id();
            if (lastForward != null) {
                deals.get("ADVANCED").add(what);
                amounts.merge("ADVANCED", BigDecimal.valueOf(lastForward), BigDecimal::add);
            }
            if (lastBack != null) {
                deals.get("MOVED_BACK").add(what);
                amounts.merge("MOVED_BACK", BigDecimal.valueOf(lastBack), BigDecimal::add);
            }
            if (dateBefore != null && !dateAfter.equals(dateBefore)) {
                String change = dateAfter.isAfter(dateBefore) ? "PUSHED" : "PULLED_IN";
                deals.get(change).add(what + " " + dateBefore + " to " + dateAfter);
                amounts.merge(change, BigDecimal.valueOf(dateAmount), BigDecimal::add);
            }
            if (amountBefore != null && amountAfter != amountBefore.longValue()) {
                String change = amountAfter > amountBefore ? "AMOUNT_UP" : "AMOUNT_DOWN";
                deals.get(change).add(what + " " + amountBefore + " to " + amountAfter);
                amounts.merge(change, BigDecimal.valueOf(Math.abs(amountAfter - amountBefore)), BigDecimal::add);
            }
        }
        figures.putAll(tallies(deals, amounts, team.currency()));
        return figures;
    }

    /** Each key's deals and amount, as "key.deals" and "key.amount.CUR". */
    private static Map<String, Figure> tallies(
            Map<String, List<String>> deals, Map<String, BigDecimal> amounts, String currency) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        deals.forEach((key, behind) -> {
            figures.put(key + ".deals", Figure.of(behind.size(), behind));
            figures.put(key + ".amount." + currency, new Figure(amounts.get(key), behind));
        });
        return figures;
    }

    /** The lost deals of the days per reason (none given: ""), "reason" to "deals amount". */
    Map<String, Figure> lostReasons(Team team, LocalDate from, LocalDate to) {
        Map<String, List<String>> deals = new java.util.TreeMap<>();
        Map<String, BigDecimal> amounts = new java.util.TreeMap<>();
        for (Deal deal : month.deals) {
            Snapshot last = deal.last();
            if (deal.owner().team() == team && last.stage().equals("LOST") && within(last.at(), team, from, to)) {
                // Salesforce's loss reason is a field each organisation names (lost-reason-field): none is configured
                // here.
                String reason = last.lostReason() == null || deal.channel() == OracleMonth.Channel.SALESFORCE
                        ? ""
                        : last.lostReason();
                deals.computeIfAbsent(reason, k -> new ArrayList<>())
                        .add(line(
                                "deal " + deal.id() + " lost (" + reason + ") at " + last.amount(),
                                last.at(),
                                team,
                                deal.channel()));
                amounts.merge(reason, BigDecimal.valueOf(last.amount()), BigDecimal::add);
            }
        }
        return tallies(deals, amounts, team.currency());
    }

    /** Deals credited to an SDR in the days (the CRM names the SDR at the deal's creation), "sdr.deals" / "sdr.amount.CUR". */
    Map<String, Figure> sdrSourced(Team team, LocalDate from, LocalDate to) {
        Map<String, List<String>> deals = new java.util.TreeMap<>();
        Map<String, BigDecimal> amounts = new java.util.TreeMap<>();
        for (Deal deal : month.deals) {
            if (deal.owner().team() == team
                    && deal.sourcedBy() != null
                    && within(deal.first().at(), team, from, to)) {
                String sdr = deal.sourcedBy().repId();
                deals.computeIfAbsent(sdr, k -> new ArrayList<>())
                        .add(line(
                                "deal " + deal.id() + " sourced at "
                                        + deal.first().amount(),
                                deal.first().at(),
                                team,
                                deal.channel()));
                amounts.merge(sdr, BigDecimal.valueOf(deal.first().amount()), BigDecimal::add);
            }
        }
        return tallies(deals, amounts, team.currency());
    }

    /**
     * Per stage, the median of the finished stays in it (whole days, 24 hours each, from entering the stage to leaving
     * it) that ended in the 90 days to today, team-wide.
     */
    Map<String, Figure> finishedStays(Team team, LocalDate today) {
        Map<String, List<Long>> stays = new java.util.TreeMap<>();
        Map<String, List<String>> behind = new java.util.TreeMap<>();
        for (Deal deal : month.deals) {
            if (deal.owner().team() != team) {
                continue;
            }
            Instant entered = deal.first().at();
            for (int i = 1; i < deal.snapshots().size(); i++) {
                Snapshot before = deal.snapshots().get(i - 1);
                Snapshot after = deal.snapshots().get(i);
                if (before.stage().equals(after.stage())) {
                    continue;
                }
                LocalDate left = after.at().atZone(team.zone()).toLocalDate();
                if (!left.isBefore(today.minusDays(90)) && !left.isAfter(today)) {
                    long days = java.time.Duration.between(entered, after.at()).toDays();
                    stays.computeIfAbsent(before.stage(), k -> new ArrayList<>())
                            .add(days);
                    behind.computeIfAbsent(before.stage(), k -> new ArrayList<>())
                            .add("deal " + deal.id() + " in " + before.stage() + " " + days + " days, left "
                                    + after.at());
                }
                entered = after.at();
            }
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        stays.forEach((stage, days) -> figures.put(stage, new Figure(median(days), behind.get(stage))));
        return figures;
    }

    /**
     * A running revenue objective's coverage: its open deals (its rep's, or its team's) in its currency expected to close
     * by its period's end, what is left to win (target - won), and their ratio (none once achieved).
     */
    Map<String, Figure> coverage(OracleMonth.Objective objective, LocalDate today) {
        List<String> behind = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        for (Deal deal : month.deals) {
            Snapshot last = deal.last();
            if (objective.reps(month).contains(deal.owner())
                    && open(deal)
                    && !last.closeDate().isAfter(objective.to())) {
                expected = expected.add(BigDecimal.valueOf(last.amount()));
                behind.add("deal " + deal.id() + " " + last.stage() + " at " + last.amount() + ", close "
                        + last.closeDate());
            }
        }
        BigDecimal remaining = BigDecimal.valueOf(objective.targetNow())
                .subtract(progress(objective, today).actual().value());
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("openExpectedInPeriod", new Figure(expected, behind));
        figures.put("remaining", new Figure(remaining, behind));
        if (remaining.signum() > 0) {
            figures.put("coverage", new Figure(expected.divide(remaining, 2, java.math.RoundingMode.HALF_UP), behind));
        }
        return figures;
    }

    /** The deals-won cohort: of the deals created in the days, those won by now. */
    Map<String, Figure> wonCohort(Team team, LocalDate from, LocalDate to) {
        List<String> created = new ArrayList<>();
        List<String> won = new ArrayList<>();
        for (Deal deal : month.deals) {
            if (deal.owner().team() == team && within(deal.first().at(), team, from, to)) {
                String line = line(
                        "deal " + deal.id() + " created, now " + deal.last().stage(),
                        deal.first().at(),
                        team,
                        deal.channel());
                created.add(line);
                if (deal.last().stage().equals("WON")) {
                    won.add(line);
                }
            }
        }
        return Map.of(
                "wonCohort.created", Figure.of(created.size(), created), "wonCohort.won", Figure.of(won.size(), won));
    }

    /** An objective's figures on a day (docs: "Objectives"). */
    record Progress(
            Figure actual,
            BigDecimal attainment,
            long elapsedDays,
            long periodDays,
            BigDecimal elapsed,
            BigDecimal projection,
            BigDecimal pace,
            String status) {}

    Progress progress(OracleMonth.Objective objective, LocalDate today) {
        Map<String, Figure> figures = figures(objective.reps(month), objective.from(), today);
        Figure actual = objective.metric().equals("CALLS")
                ? figures.get("activity.calls")
                : figures.get("pipeline.revenueWon." + objective.currency());
        BigDecimal target = BigDecimal.valueOf(objective.targetNow());
        BigDecimal attainment = actual.value().divide(target, 10, java.math.RoundingMode.HALF_UP);
        // A day counts at its end: today's is not elapsed yet.
        // A team objective counts the team's working days; a rep's, the rep's (its absences left out).
        Predicate<LocalDate> away = day -> objective.rep() != null
                && month.absences.stream().anyMatch(a -> a.rep() == objective.rep() && a.covers(day));
        long elapsedDays = workingDays(objective.team(), objective.from(), today.minusDays(1), away);
        long periodDays = workingDays(objective.team(), objective.from(), objective.to(), away);
        BigDecimal elapsed = BigDecimal.valueOf(elapsedDays)
                .divide(BigDecimal.valueOf(periodDays), 10, java.math.RoundingMode.HALF_UP);
        BigDecimal projection = actual.value().divide(elapsed, 10, java.math.RoundingMode.HALF_UP);
        BigDecimal pace = attainment.divide(elapsed, 10, java.math.RoundingMode.HALF_UP);
        String status = attainment.compareTo(BigDecimal.ONE) >= 0
                ? "ACHIEVED"
                : projection.compareTo(target) >= 0
                        ? "ON_TRACK"
                        : projection.compareTo(target.multiply(new BigDecimal("0.8"))) >= 0 ? "AT_RISK" : "OFF_TRACK";
        return new Progress(actual, attainment, elapsedDays, periodDays, elapsed, projection, pace, status);
    }

    /**
     * The open signals of the rules that read final figures only, "TYPE subject" to "SEVERITY evidence...":
     * CLOSE_DATE_PASSED (an open deal whose close date is behind the team's today), CLOSE_DATE_SLIPPING (an open deal
     * whose close date was pushed out 2 times or more), OBJECTIVE_AT_RISK (elapsed of 25% or more, and at risk: WARNING,
     * or off track: CRITICAL).
     */
    Map<String, String> openSignals(Team team, LocalDate today) {
        Map<String, String> signals = new LinkedHashMap<>();
        for (Deal deal : month.deals) {
            if (deal.owner().team() != team || !open(deal)) {
                continue;
            }
            String id = OracleSender.crmDealId(deal);
            long past = today.toEpochDay() - deal.last().closeDate().toEpochDay();
            if (past > 0) {
                signals.put("CLOSE_DATE_PASSED " + id, "WARNING daysPastCloseDate=" + past);
            }
            int pushes = 0;
            for (int i = 1; i < deal.snapshots().size(); i++) {
                if (deal.snapshots()
                        .get(i)
                        .closeDate()
                        .isAfter(deal.snapshots().get(i - 1).closeDate())) {
                    pushes++;
                }
            }
            if (pushes >= 2) {
                signals.put("CLOSE_DATE_SLIPPING " + id, "WARNING pushes=" + pushes);
            }
        }
        for (OracleMonth.Objective objective : month.objectives) {
            if (objective.team() != team || objective.cancelled()) {
                continue;
            }
            Progress p = progress(objective, today);
            if (p.elapsed().compareTo(new BigDecimal("0.25")) >= 0
                    && (p.status().equals("AT_RISK") || p.status().equals("OFF_TRACK"))) {
                signals.put(
                        "OBJECTIVE_AT_RISK " + objective.id(),
                        (p.status().equals("AT_RISK") ? "WARNING" : "CRITICAL") + " actual="
                                + p.actual().value().stripTrailingZeros().toPlainString() + " target="
                                + objective.targetNow());
            }
        }
        return signals;
    }

    /** Working days in [from, to]: the team's weekdays less its country's public holidays and the days away. */
    static long workingDays(Team team, LocalDate from, LocalDate to, Predicate<LocalDate> away) {
        long days = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            boolean weekday = day.getDayOfWeek().getValue() <= 5;
            boolean holiday = "FR".equals(team.country()) && FRENCH_HOLIDAYS.contains(day);
            if (weekday && !holiday && !away.test(day)) {
                days++;
            }
        }
        return days;
    }
}
