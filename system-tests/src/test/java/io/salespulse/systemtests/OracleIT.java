package io.salespulse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.localrun.LocalStack;
import io.salespulse.systemtests.NaiveFigures.Figure;
import io.salespulse.systemtests.NaiveFigures.Window;
import io.salespulse.systemtests.OracleMonth.Rep;
import io.salespulse.systemtests.OracleMonth.Team;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The independent oracle (#30): for each seed, a month and more of two teams' work told through every CRM format
 * (CloudEvents, HubSpot, Pipedrive, Twenty, Salesforce; some requests twice, deals' stale snapshots late, everything
 * shuffled), then every figure the KPI API serves for it (per rep and per team, day, week, month and quarter, with
 * their like-for-like comparisons; the open pipeline by stage; the won cohort and connect rate of the funnel; the
 * objectives' actual, attainment, elapsed share, projection, pace and status) checked against {@link NaiveFigures},
 * written from docs/kpis-and-signals.md alone. A figure that differs fails with both values and the facts behind it.
 */
class OracleIT {

    /** The seeds CI plays; {@code -Doracle.seeds=7,8} plays others. */
    private static final List<Integer> SEEDS = java.util.Arrays.stream(
                    System.getProperty("oracle.seeds", "1,2,3").split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();

    private static final String SALESFORCE_SECRET = "oracle-salesforce-endpoint-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.parse("2027-11-17");

    @TempDir
    Path data;

    @Test
    void everyFigureAgreesWithANaiveImplementationOfItsDefinition() throws Exception {
        Path root = Path.of(System.getProperty("salespulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        LocalStack.Options test = LocalStack.Options.forTest(root, data);
        LocalStack.Options options = new LocalStack.Options(
                        root,
                        data,
                        test.ports(),
                        test.ingestApiKey(),
                        test.jvmOptions(),
                        Map.of(
                                "SALESFORCE_ORGANIZATIONS",
                                OracleSender.SALESFORCE_ORGANIZATION + ":" + SALESFORCE_SECRET))
                .at(OracleMonth.NOW);
        try (LocalStack stack = LocalStack.start(options, Duration.ofMinutes(3))) {
            List<OracleMonth> months = new ArrayList<>();
            for (int seed : SEEDS) {
                OracleMonth month = new OracleMonth(seed);
                roster(stack, month);
                months.add(month);
            }
            CrmClient crm = new CrmClient(
                    stack.url("activity-service"),
                    options.ingestApiKey(),
                    LocalStack.HUBSPOT_SECRET,
                    LocalStack.PIPEDRIVE_USER,
                    LocalStack.PIPEDRIVE_PASSWORD,
                    "local-dev-twenty-secret",
                    SALESFORCE_SECRET,
                    stack.clock());
            for (OracleMonth month : months) {
                // The owners must be known before a CRM's events name them.
                await().atMost(Duration.ofSeconds(60))
                        .ignoreExceptions()
                        .until(() -> get(
                                                        stack,
                                                        stack.url("kpi-service") + "/api/v1/teams/" + month.nyc.teamId()
                                                                + "/kpis?period=day")
                                                .get("reps")
                                                .size()
                                        == 2
                                && get(
                                                        stack,
                                                        stack.url("kpi-service") + "/api/v1/teams/"
                                                                + month.paris.teamId() + "/kpis?period=day")
                                                .get("reps")
                                                .size()
                                        == 2);
                OracleSender sender = new OracleSender(month, crm);
                sender.sendAll();
                // Once the CRM's objectives are known, the managers adjust one and cancel another.
                await().atMost(Duration.ofSeconds(60))
                        .ignoreExceptions()
                        .until(() -> month.objectives.stream()
                                .allMatch(o -> status(
                                                stack,
                                                "GET",
                                                "/api/v1/teams/" + o.team().teamId() + "/objectives/" + o.id(),
                                                null)
                                        == 200));
                sender.managersAct(
                        (path, json) -> send(stack, "PUT", path, json),
                        (path, json) -> send(stack, "POST", path, json));
            }
            System.out.printf(
                    "oracle: %d events sent for seeds %s, %d accepted, %d duplicates%n",
                    crm.counts().sent.get(),
                    SEEDS,
                    crm.counts().accepted.get(),
                    crm.counts().duplicates.get());
            for (OracleMonth month : months) {
                // Counted once everything told is in: wait for the last figure to settle, then check them all.
                NaiveFigures naive = new NaiveFigures(month);
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(2))
                        .ignoreExceptions()
                        .untilAsserted(() -> new Check(month.seed).settled(stack, naive, month));
                Check check = new Check(month.seed);
                for (LocalDate date : dates(month.seed)) {
                    check.kpis(stack, naive, month, "day", date);
                }
                for (LocalDate date : List.of(TODAY, LocalDate.parse("2027-11-03"), LocalDate.parse("2027-08-30"))) {
                    check.kpis(stack, naive, month, "week", date);
                }
                for (LocalDate date : List.of(TODAY, LocalDate.parse("2027-10-15"), LocalDate.parse("2027-08-31"))) {
                    check.kpis(stack, naive, month, "month", date);
                }
                for (LocalDate date : List.of(TODAY, LocalDate.parse("2027-08-15"))) {
                    check.kpis(stack, naive, month, "quarter", date);
                }
                check.pipeline(stack, naive, month);
                check.daily(stack, naive, month, LocalDate.parse("2027-10-15"), TODAY);
                check.leaderboard(stack, naive, month, TODAY);
                check.leaderboard(stack, naive, month, LocalDate.parse("2027-11-03"));
                check.forecast(stack, naive, month);
                check.changes(stack, naive, month, LocalDate.parse("2027-11-08"), LocalDate.parse("2027-11-14"));
                check.changes(stack, naive, month, LocalDate.parse("2027-11-15"), TODAY);
                check.changes(stack, naive, month, LocalDate.parse("2027-10-01"), LocalDate.parse("2027-10-31"));
                check.funnel(stack, naive, month, LocalDate.parse("2027-10-01"), LocalDate.parse("2027-10-31"));
                check.funnel(stack, naive, month, LocalDate.parse("2027-11-01"), TODAY);
                check.objectives(stack, naive, month);
                // The rules judge as the figures come: wait for the last of them.
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(2))
                        .ignoreExceptions()
                        .untilAsserted(() -> new Check(month.seed).signals(stack, naive, month));
                check.signals(stack, naive, month);
                check.done();
                System.out.printf(
                        "oracle seed %d: %d figures agree, %d open signals among them%n",
                        month.seed, check.compared, check.signals);
            }
        }
    }

    /** The awkward days (both daylight-saving changes, France's holidays, today) and a few of the seed's own. */
    private static List<LocalDate> dates(int seed) {
        List<LocalDate> dates = new ArrayList<>(List.of(
                LocalDate.parse("2027-10-31"),
                LocalDate.parse("2027-11-07"),
                LocalDate.parse("2027-11-01"),
                LocalDate.parse("2027-11-11"),
                LocalDate.parse("2027-11-08"),
                TODAY));
        Random random = new Random(seed);
        for (int i = 0; i < 3; i++) {
            dates.add(OracleMonth.FIRST_DAY.plusDays(random.nextInt(130)));
        }
        return dates;
    }

    private static void roster(LocalStack stack, OracleMonth month) throws IOException, InterruptedException {
        for (Team team : List.of(month.paris, month.nyc)) {
            put(stack, "/api/v1/teams/" + team.teamId(), """
                    {"name":"%s","timezone":"%s","locale":"fr","managerIds":["mgr-%s"],"workingDays":["MON","TUE","WED","THU","FRI"],
                     "holidayCountry":%s}""".formatted(
                            team.teamId(),
                            team.zone(),
                            team.teamId(),
                            team.country() == null ? "null" : "\"" + team.country() + "\""));
        }
        for (Rep rep : month.reps) {
            boolean paris = rep.team() == month.paris;
            String ids = paris
                    ? "\"pipedrive\":\"%s\"%s"
                            .formatted(
                                    rep.crmId(),
                                    rep.secondCrmId() == null ? "" : ",\"twenty\":\"" + rep.secondCrmId() + "\"")
                    : "\"hubspot\":\"%s\"%s"
                            .formatted(
                                    rep.crmId(),
                                    rep.secondCrmId() == null ? "" : ",\"salesforce\":\"" + rep.secondCrmId() + "\"");
            put(stack, "/api/v1/reps/" + rep.repId(), """
                    {"displayName":"%s","teamId":"%s","role":"%s","seniority":"SENIOR","startDate":"2027-01-04","externalIds":{%s},"active":true}""".formatted(
                            rep.repId(), rep.team().teamId(), rep.ae() ? "AE" : "SDR", ids));
        }
        for (OracleMonth.Absence absence : month.absences) {
            put(stack, "/api/v1/reps/" + absence.rep().repId() + "/absences/" + absence.id(), """
                    {"from":"%s","to":"%s","kind":"LEAVE"}""".formatted(
                            absence.from(), absence.to()));
        }
    }

    /** Compares figure by figure; the first that differs fails with both values and the facts behind the expected one. */
    private static final class Check {

        final int seed;
        int compared;
        int signals;

        Check(int seed) {
            this.seed = seed;
        }

        Check kpis(LocalStack stack, NaiveFigures naive, OracleMonth month, String period, LocalDate date)
                throws Exception {
            Window window = NaiveFigures.window(period, date, TODAY);
            for (Team team : List.of(month.paris, month.nyc)) {
                JsonNode answer = get(
                        stack,
                        stack.url("kpi-service") + "/api/v1/teams/" + team.teamId() + "/kpis?period=" + period
                                + "&date=" + date + "&compare=true");
                String where = "team " + team.teamId() + " " + period + " of " + date;
                same(
                        where + " from",
                        window.from().toString(),
                        answer.get("from").asString());
                same(where + " to", window.to().toString(), answer.get("to").asString());
                JsonNode comparison = answer.get("comparison");
                same(
                        where + " comparison.from",
                        window.previousFrom().toString(),
                        comparison.get("from").asString());
                same(
                        where + " comparison.to",
                        window.previousTo().toString(),
                        comparison.get("to").asString());
                same(
                        where + " comparison.likeForLike",
                        String.valueOf(window.likeForLike()),
                        comparison.get("likeForLike").asString());
                List<Rep> reps = month.repsOf(team);
                figures(where + " totals", naive.figures(reps, window.from(), window.to()), answer.get("totals"));
                figures(
                        where + " comparison",
                        naive.figures(reps, window.previousFrom(), window.previousTo()),
                        comparison);
                for (JsonNode row : answer.get("reps")) {
                    Rep rep = reps.stream()
                            .filter(r -> r.repId().equals(row.get("repId").asString()))
                            .findFirst()
                            .orElseThrow();
                    figures(
                            where + " rep " + rep.repId(),
                            naive.figures(List.of(rep), window.from(), window.to()),
                            row);
                    figures(
                            where + " rep " + rep.repId() + " comparison",
                            naive.figures(List.of(rep), window.previousFrom(), window.previousTo()),
                            row.get("comparison"));
                }
                same(
                        where + " reps",
                        String.valueOf(reps.size()),
                        String.valueOf(answer.get("reps").size()));
            }
            return this;
        }

        /** Everything told is counted: the quarters' totals are the naive ones, and the objectives are known. */
        void settled(LocalStack stack, NaiveFigures naive, OracleMonth month) throws Exception {
            Window quarters = NaiveFigures.window("quarter", TODAY, TODAY);
            for (Team team : List.of(month.paris, month.nyc)) {
                JsonNode answer = get(
                        stack,
                        stack.url("kpi-service") + "/api/v1/teams/" + team.teamId()
                                + "/kpis?period=quarter&compare=true");
                figures(
                        "team " + team.teamId() + " quarter totals",
                        naive.figures(month.repsOf(team), quarters.from(), quarters.to()),
                        answer.get("totals"));
                figures(
                        "team " + team.teamId() + " previous quarter totals",
                        naive.figures(
                                month.repsOf(team),
                                quarters.previousFrom(),
                                NaiveFigures.window("quarter", quarters.previousFrom(), TODAY)
                                        .to()),
                        get(
                                        stack,
                                        stack.url("kpi-service") + "/api/v1/teams/" + team.teamId()
                                                + "/kpis?period=quarter&date=" + quarters.previousFrom())
                                .get("totals"));
                long objectives = month.objectives.stream()
                        .filter(o -> o.team() == team && !o.cancelled())
                        .count();
                JsonNode listed = get(
                        stack,
                        stack.url("kpi-service") + "/api/v1/teams/" + team.teamId() + "/objectives?date=" + TODAY);
                same(
                        "team " + team.teamId() + " objectives known",
                        String.valueOf(objectives),
                        String.valueOf(listed.size()));
                for (JsonNode row : listed) {
                    month.objectives.stream()
                            .filter(o -> o.id().equals(row.get("objectiveId").asString()))
                            .findFirst()
                            .ifPresent(o -> compare(
                                    "objective " + o.id() + " target",
                                    new Figure(BigDecimal.valueOf(o.targetNow()), List.of()),
                                    row.get("target")));
                }
            }
        }

        void pipeline(LocalStack stack, NaiveFigures naive, OracleMonth month) throws Exception {
            for (Team team : List.of(month.paris, month.nyc)) {
                JsonNode answer = get(stack, stack.url("kpi-service") + "/api/v1/teams/" + team.teamId() + "/pipeline");
                Map<String, Figure> expected = naive.openPipeline(team);
                String where = "team " + team.teamId() + " open pipeline ";
                Map<String, List<OracleMonth.Deal>> open = naive.openByStage(team);
                for (JsonNode row : answer.get("stages")) {
                    String stage = row.get("stage").asString();
                    compare(where + stage + " deals", expected.get(stage + ".deals"), row.get("deals"));
                    compare(
                            where + stage + " amount",
                            expected.get(stage + ".amount." + team.currency()),
                            row.get("amount").get(team.currency()));
                    compare(
                            where + stage + " weighted",
                            expected.get(stage + ".weighted." + team.currency()),
                            row.get("weighted").get(team.currency()));
                    // Days in the stage: the open deals' median, and the oldest named.
                    List<OracleMonth.Deal> deals = open.getOrDefault(stage, List.of());
                    List<String> behind = deals.stream()
                            .map(d -> d.id() + " in " + stage + " since " + NaiveFigures.stageSince(d) + ": "
                                    + NaiveFigures.daysInStage(d, TODAY) + " days")
                            .toList();
                    BigDecimal median = NaiveFigures.median(deals.stream()
                            .map(d -> NaiveFigures.daysInStage(d, TODAY))
                            .toList());
                    if (median == null) {
                        same(where + stage + " medianDaysOpen", "null", String.valueOf(row.get("medianDaysOpen")));
                    } else {
                        compare(
                                where + stage + " medianDaysOpen",
                                new Figure(median, behind),
                                row.get("medianDaysOpen"));
                        OracleMonth.Deal oldest = deals.stream()
                                .min(java.util.Comparator.comparing(NaiveFigures::stageSince))
                                .orElseThrow();
                        same(
                                where + stage + " oldest",
                                OracleSender.crmDealId(oldest) + " " + NaiveFigures.daysInStage(oldest, TODAY),
                                row.get("oldest").get("dealId").asString() + " "
                                        + row.get("oldest").get("days").asString());
                    }
                }
                naive.finishedStays(team, TODAY)
                        .forEach((stage, figure) -> compare(
                                where + stage + " median of finished stays",
                                figure,
                                answer.get("medianDaysInStage").get(stage)));
                for (OracleMonth.Objective objective : month.objectives) {
                    if (objective.team() != team
                            || !objective.metric().equals("REVENUE_WON")
                            || objective.cancelled()) {
                        continue;
                    }
                    JsonNode row = null;
                    for (JsonNode candidate : answer.get("coverage")) {
                        row = candidate.get("objectiveId").asString().equals(objective.id()) ? candidate : row;
                    }
                    same(where + "coverage of " + objective.id() + " listed", "true", String.valueOf(row != null));
                    JsonNode coverage = row;
                    naive.coverage(objective, TODAY)
                            .forEach((name, figure) -> compare(
                                    where + "coverage of " + objective.id() + " " + name, figure, coverage.get(name)));
                }
                compare(
                        where + "open",
                        expected.get("open." + team.currency()),
                        answer.get("open").get(team.currency()));
                compare(
                        where + "weighted",
                        expected.get("weighted." + team.currency()),
                        answer.get("weighted").get(team.currency()));
            }
        }

        /** The chart's figures: each rep's activity day by day. */
        void daily(LocalStack stack, NaiveFigures naive, OracleMonth month, LocalDate from, LocalDate to)
                throws Exception {
            for (Team team : List.of(month.paris, month.nyc)) {
                JsonNode answer = get(
                        stack,
                        stack.url("kpi-service") + "/api/v1/teams/" + team.teamId() + "/kpis/daily?from=" + from
                                + "&to=" + to);
                for (JsonNode row : answer.get("reps")) {
                    Rep rep = month.repsOf(team).stream()
                            .filter(r -> r.repId().equals(row.get("repId").asString()))
                            .findFirst()
                            .orElseThrow();
                    same(
                            "team " + team.teamId() + " daily rows of " + rep.repId(),
                            String.valueOf(to.toEpochDay() - from.toEpochDay() + 1),
                            String.valueOf(row.get("days").size()));
                    for (JsonNode day : row.get("days")) {
                        LocalDate date = LocalDate.parse(day.get("day").asString());
                        Map<String, Figure> expected =
                                new java.util.LinkedHashMap<>(naive.figures(List.of(rep), date, date));
                        expected.keySet().removeIf(name -> !name.startsWith("activity."));
                        figures("team " + team.teamId() + " daily " + rep.repId() + " " + date, expected, day);
                    }
                }
            }
        }

        void leaderboard(LocalStack stack, NaiveFigures naive, OracleMonth month, LocalDate date) throws Exception {
            Window week = NaiveFigures.window("week", date, TODAY);
            for (Team team : List.of(month.paris, month.nyc)) {
                JsonNode ranking = get(
                                stack,
                                stack.url("kpi-service") + "/api/v1/teams/" + team.teamId()
                                        + "/leaderboard?metric=calls&period=week&date=" + date)
                        .get("ranking");
                Map<String, long[]> expected = naive.callsRanking(team, week.from(), week.to());
                same(
                        "team " + team.teamId() + " leaderboard of the week of " + date + " size",
                        String.valueOf(expected.size()),
                        String.valueOf(ranking.size()));
                for (JsonNode place : ranking) {
                    long[] rank = expected.get(place.get("repId").asString());
                    same(
                            "team " + team.teamId() + " leaderboard of the week of " + date + " "
                                    + place.get("repId").asString() + " rank and calls",
                            rank[0] + " " + rank[1],
                            place.get("rank").asString() + " "
                                    + place.get("value").decimalValue().toPlainString());
                }
            }
        }

        void forecast(LocalStack stack, NaiveFigures naive, OracleMonth month) throws Exception {
            Window quarter = NaiveFigures.window("quarter", TODAY, TODAY);
            for (Team team : List.of(month.paris, month.nyc)) {
                JsonNode answer = get(
                        stack,
                        stack.url("kpi-service") + "/api/v1/teams/" + team.teamId() + "/forecast?period=quarter");
                String where = "team " + team.teamId() + " forecast of the quarter ";
                Map<String, Figure> expected = naive.forecast(team, quarter.from(), quarter.to());
                JsonNode amounts = answer.get("forecast").get("currencies").get(team.currency());
                expected.forEach(
                        (name, figure) -> compare(where + name, figure, amounts == null ? null : amounts.get(name)));
                // The quota: the team's revenue objective for the quarter, else its reps' for the quarter, added up.
                OracleMonth.Objective quota = month.objectives.stream()
                        .filter(o -> o.team() == team && o.metric().equals("REVENUE_WON"))
                        .findFirst()
                        .orElseThrow();
                same(
                        where + "quota source",
                        quota.rep() == null ? "TEAM_OBJECTIVE" : "REP_OBJECTIVES",
                        answer.get("quota").get("source").asString());
                compare(
                        where + "quota",
                        new Figure(BigDecimal.valueOf(quota.target()), List.of("objective " + quota.id())),
                        amounts.get("quota"));
                near(
                        where + "attainment (closed / quota)",
                        expected.get("closed")
                                .value()
                                .divide(BigDecimal.valueOf(quota.target()), 10, RoundingMode.HALF_UP),
                        amounts.get("attainment"),
                        expected.get("closed").behind());
            }
        }

        void changes(LocalStack stack, NaiveFigures naive, OracleMonth month, LocalDate from, LocalDate to)
                throws Exception {
            for (Team team : List.of(month.paris, month.nyc)) {
                JsonNode changes = get(
                                stack,
                                stack.url("kpi-service") + "/api/v1/teams/" + team.teamId() + "/pipeline/changes?from="
                                        + from + "&to=" + to)
                        .get("changes")
                        .get("changes");
                naive.changes(team, from, to).forEach((name, figure) -> {
                    String[] path = name.split("\\.");
                    JsonNode node = changes.get(path[0]);
                    node = node == null
                            ? null
                            : path.length == 2
                                    ? node.get(path[1])
                                    : node.get(path[1]) == null
                                            ? null
                                            : node.get(path[1]).get(path[2]);
                    compare(
                            "team " + team.teamId() + " pipeline changes " + from + " to " + to + " " + name,
                            figure,
                            node);
                });
            }
        }

        void funnel(LocalStack stack, NaiveFigures naive, OracleMonth month, LocalDate from, LocalDate to)
                throws Exception {
            for (Team team : List.of(month.paris, month.nyc)) {
                JsonNode funnel = get(
                                stack,
                                stack.url("kpi-service") + "/api/v1/teams/" + team.teamId() + "/funnel?from=" + from
                                        + "&to=" + to)
                        .get("funnel");
                String where = "team " + team.teamId() + " funnel " + from + " to " + to;
                Map<String, Figure> cohort = naive.wonCohort(team, from, to);
                compare(
                        where + " wonCohort.created",
                        cohort.get("wonCohort.created"),
                        funnel.get("wonCohort").get("created"));
                compare(
                        where + " wonCohort.won",
                        cohort.get("wonCohort.won"),
                        funnel.get("wonCohort").get("won"));
                Map<String, Figure> figures = naive.figures(month.repsOf(team), from, to);
                compare(
                        where + " steps.calls",
                        figures.get("activity.calls"),
                        funnel.get("steps").get("calls"));
                compare(
                        where + " steps.connectedCalls",
                        figures.get("activity.connectedCalls"),
                        funnel.get("steps").get("connectedCalls"));
                ratio(
                        where + " conversions.connectedCalls",
                        figures.get("activity.connectedCalls"),
                        figures.get("activity.calls"),
                        funnel.get("conversions").get("connectedCalls"));
                ratio(
                        where + " conversions.dealsWon (the cohort)",
                        cohort.get("wonCohort.won"),
                        cohort.get("wonCohort.created"),
                        funnel.get("conversions").get("dealsWon"));
                Map<String, Figure> sourced = naive.sdrSourced(team, from, to);
                List<String> sdrs = new ArrayList<>();
                funnel.get("sdrSourced").propertyNames().forEach(sdrs::add);
                same(
                        where + " SDRs credited",
                        sourced.keySet().stream()
                                .map(k -> k.substring(0, k.indexOf('.')))
                                .distinct()
                                .sorted()
                                .toList()
                                .toString(),
                        sdrs.stream().sorted().toList().toString());
                sourced.forEach((name, figure) -> {
                    String sdr = name.substring(0, name.indexOf('.'));
                    JsonNode tally = funnel.get("sdrSourced").get(sdr);
                    compare(
                            where + " sourced by " + name,
                            figure,
                            name.endsWith(".deals")
                                    ? tally.get("deals")
                                    : tally.get("amount").get(team.currency()));
                });
                Map<String, Figure> lost = naive.lostReasons(team, from, to);
                List<String> reasons = new ArrayList<>();
                funnel.get("lostReasons").propertyNames().forEach(reasons::add);
                same(
                        where + " lost reasons",
                        lost.keySet().stream()
                                .map(k -> k.substring(0, k.indexOf('.')))
                                .distinct()
                                .sorted()
                                .toList()
                                .toString(),
                        reasons.stream().sorted().toList().toString());
                lost.forEach((name, figure) -> {
                    String reason = name.substring(0, name.indexOf('.'));
                    JsonNode tally = funnel.get("lostReasons").get(reason);
                    compare(
                            where + " lost for «" + reason + "» " + name.substring(reason.length() + 1),
                            figure,
                            name.endsWith(".deals")
                                    ? tally.get("deals")
                                    : tally.get("amount").get(team.currency()));
                });
                for (String unrelated : List.of("meetingsBooked", "meetingsHeld", "dealsCreated")) {
                    same(
                            where + " conversions." + unrelated + " (no ratio between unrelated steps)",
                            "null",
                            String.valueOf(
                                    funnel.get("conversions").get(unrelated).isNull()
                                            ? "null"
                                            : funnel.get("conversions").get(unrelated)));
                }
            }
        }

        void objectives(LocalStack stack, NaiveFigures naive, OracleMonth month) throws Exception {
            for (Team team : List.of(month.paris, month.nyc)) {
                JsonNode answer = get(
                        stack,
                        stack.url("kpi-service") + "/api/v1/teams/" + team.teamId() + "/objectives?date=" + TODAY);
                for (OracleMonth.Objective objective : month.objectives) {
                    if (objective.team() != team) {
                        continue;
                    }
                    JsonNode row = null;
                    for (JsonNode candidate : answer) {
                        if (candidate.get("objectiveId").asString().equals(objective.id())) {
                            row = candidate;
                        }
                    }
                    String where = "objective " + objective.id();
                    if (objective.cancelled()) {
                        same(where + " (cancelled) listed", "false", String.valueOf(row != null));
                        continue;
                    }
                    same(where + " listed", "true", String.valueOf(row != null));
                    compare(
                            where + " target" + (objective.adjustedTarget() != null ? " (adjusted)" : ""),
                            new Figure(BigDecimal.valueOf(objective.targetNow()), List.of()),
                            row.get("target"));
                    NaiveFigures.Progress p = naive.progress(objective, TODAY);
                    compare(where + " actual", p.actual(), row.get("actual"));
                    near(
                            where + " attainment",
                            p.attainment(),
                            row.get("attainment"),
                            p.actual().behind());
                    near(
                            where + " elapsed (" + p.elapsedDays() + " of " + p.periodDays() + " working days)",
                            p.elapsed(),
                            row.get("elapsed"),
                            List.of());
                    // A projection is a count, given to 2 decimals.
                    near(
                            where + " projection",
                            p.projection(),
                            row.get("projection"),
                            p.actual().behind(),
                            new BigDecimal("0.005"));
                    near(where + " pace", p.pace(), row.get("pace"), p.actual().behind());
                    same(
                            where + " status (pace " + p.pace().setScale(3, RoundingMode.HALF_UP) + ")",
                            p.status(),
                            row.get("status").asString());
                }
            }
        }

        /**
         * The signals whose condition is a function of the final figures (not of the order facts arrived in): each open
         * deal whose close date has passed or was pushed twice, each objective at risk or off track past a quarter of
         * its period; one open signal per subject and type, with its evidence.
         */
        void signals(LocalStack stack, NaiveFigures naive, OracleMonth month) throws Exception {
            for (Team team : List.of(month.paris, month.nyc)) {
                Map<String, String> expected = naive.openSignals(team, TODAY);
                Map<String, String> actual = new java.util.TreeMap<>();
                for (String type : List.of("CLOSE_DATE_PASSED", "CLOSE_DATE_SLIPPING", "OBJECTIVE_AT_RISK")) {
                    for (JsonNode signal : get(
                            stack,
                            stack.url("coaching-service") + "/api/v1/teams/" + team.teamId()
                                    + "/signals?status=OPEN&type=" + type + "&limit=500")) {
                        String key = type + " " + signal.get("subjectId").asString();
                        same(
                                "team " + team.teamId() + " one open signal for " + key,
                                "absent",
                                actual.containsKey(key) ? "twice" : "absent");
                        StringBuilder evidence =
                                new StringBuilder(signal.get("severity").asString());
                        for (JsonNode e : signal.get("evidence")) {
                            if (List.of("daysPastCloseDate", "pushes", "actual", "target")
                                    .contains(e.get("name").asString())) {
                                evidence.append(' ')
                                        .append(e.get("name").asString())
                                        .append('=')
                                        .append(e.get("value")
                                                .decimalValue()
                                                .stripTrailingZeros()
                                                .toPlainString());
                            }
                        }
                        actual.put(key, evidence.toString());
                    }
                }
                same(
                        "team " + team.teamId() + " open signals",
                        new java.util.TreeMap<>(expected).toString(),
                        actual.toString());
                signals += expected.size();
            }
        }

        private void figures(String where, Map<String, Figure> expected, JsonNode answer) {
            expected.forEach((name, figure) -> {
                String[] path = name.split("\\.");
                JsonNode node = answer;
                for (String part : path) {
                    node = node == null ? null : node.get(part);
                }
                compare(where + " " + name, figure, node);
            });
        }

        private void compare(String figure, Figure expected, JsonNode actual) {
            compared++;
            BigDecimal value = actual == null || actual.isNull() ? BigDecimal.ZERO : actual.decimalValue();
            if (value.compareTo(expected.value()) != 0) {
                fail(
                        figure,
                        expected.value().toPlainString(),
                        actual == null ? "absent" : actual.toString(),
                        expected.behind());
            }
        }

        private void ratio(String figure, Figure part, Figure whole, JsonNode actual) {
            if (whole.value().signum() == 0) {
                same(
                        figure + " (no base: no ratio)",
                        "null",
                        actual == null || actual.isNull() ? "null" : actual.toString());
                return;
            }
            BigDecimal expected = part.value().divide(whole.value(), 10, RoundingMode.HALF_UP);
            assertThat(expected)
                    .as(figure + ": a conversion lies between 0 and 1")
                    .isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            near(figure, expected, actual, part.behind());
        }

        /** A ratio, which the service rounds to 4 decimals. */
        private void near(String figure, BigDecimal expected, JsonNode actual, List<String> behind) {
            near(figure, expected, actual, behind, new BigDecimal("0.0001"));
        }

        private void near(
                String figure, BigDecimal expected, JsonNode actual, List<String> behind, BigDecimal tolerance) {
            compared++;
            if (actual == null
                    || actual.isNull()
                    || actual.decimalValue().subtract(expected).abs().compareTo(tolerance) > 0) {
                fail(
                        figure,
                        expected.setScale(4, RoundingMode.HALF_UP).toPlainString(),
                        actual == null ? "absent" : actual.toString(),
                        behind);
            }
        }

        private void same(String figure, String expected, String actual) {
            compared++;
            if (!expected.equals(actual)) {
                fail(figure, expected, actual, List.of());
            }
        }

        private void fail(String figure, String expected, String actual, List<String> behind) {
            StringBuilder message =
                    new StringBuilder("oracle seed %d: %s differs: the definition gives %s, the service %s"
                            .formatted(seed, figure, expected, actual));
            if (!behind.isEmpty()) {
                message.append("\nthe facts behind it (").append(behind.size()).append("):");
                behind.stream().limit(25).forEach(line -> message.append("\n  ").append(line));
            }
            throw new AssertionError(message.toString());
        }

        void done() {
            assertThat(compared).as("figures compared").isPositive();
        }
    }

    private static JsonNode get(LocalStack stack, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + stack.tokens().leadership())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void put(LocalStack stack, String path, String json) {
        send(stack, "PUT", path, json);
    }

    /** An admin's request to activity-service, which must succeed. */
    private static void send(LocalStack stack, String method, String path, String json) {
        int status = status(stack, method, path, json);
        if (status / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + status);
        }
    }

    private static int status(LocalStack stack, String method, String path, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url("activity-service") + path))
                    .header("Authorization", "Bearer " + stack.tokens().admin());
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
