package io.salespulse.cockpit.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.salespulse.cockpit.services.Services.Service;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** kpi-service's figures and objectives, typed ({@link ReadFrom}). */
@Component
public class KpiClient {

    private final Services services;

    KpiClient(Services services) {
        this.services = services;
    }

    /** A team's objectives (its own and its reps') running on a day, or set to start after it. */
    public List<Objective> objectivesOfTeam(String teamId, LocalDate day, boolean upcoming) {
        return services.readList(
                Service.KPI,
                Objective.class,
                "/api/v1/teams/{teamId}/objectives?date={date}&upcoming={upcoming}",
                teamId,
                day,
                upcoming);
    }

    /** A rep's objectives running on a day (today in its team's zone when null), or set to start after it. */
    public List<Objective> objectivesOfRep(String repId, LocalDate day, boolean upcoming) {
        return day == null
                ? services.readList(Service.KPI, Objective.class, "/api/v1/reps/{repId}/objectives", repId)
                : services.readList(
                        Service.KPI,
                        Objective.class,
                        "/api/v1/reps/{repId}/objectives?date={date}&upcoming={upcoming}",
                        repId,
                        day,
                        upcoming);
    }

    /** A team's figures for a period (day, week, month, quarter) around a day, against the period before. */
    public TeamKpis teamKpis(String teamId, String period, LocalDate day) {
        return services.read(
                Service.KPI,
                TeamKpis.class,
                "/api/v1/teams/{teamId}/kpis?period={period}&date={date}&compare=true",
                teamId,
                period,
                day);
    }

    /** A rep's figures for a week around a day (today in its team's zone when null), against the week before. */
    public RepKpis repWeek(String repId, LocalDate day) {
        return day == null
                ? services.read(Service.KPI, RepKpis.class, "/api/v1/reps/{repId}/kpis?period=week&compare=true", repId)
                : services.read(
                        Service.KPI,
                        RepKpis.class,
                        "/api/v1/reps/{repId}/kpis?period=week&date={date}&compare=true",
                        repId,
                        day);
    }

    /** A unit's roll-up for a period (week, month, quarter; day) around today, its teams side by side. */
    public Rollup unitRollup(String unitId, String period) {
        return services.read(
                Service.KPI, Rollup.class, "/api/v1/units/{unitId}/rollup?period={period}", unitId, period);
    }

    /** A unit's forecast hierarchy for the quarter: its calls, those of the units, teams and reps under it. */
    public UnitForecast unitForecast(String unitId) {
        return services.read(Service.KPI, UnitForecast.class, "/api/v1/units/{unitId}/forecast", unitId);
    }

    /** Records the director's call for the unit's quarter (400 names the field at fault). */
    public Call unitCall(String unitId, Map<String, Object> body) {
        return Services.as(services.put(Service.KPI, body, "/api/v1/units/{unitId}/forecast/call", unitId), Call.class);
    }

    /** An amount per currency and in the unit's currency, with the rates used and the ones missing. */
    @ReadFrom(service = "kpi-service", schema = "Conversion")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conversion(
            Map<String, BigDecimal> amounts,
            String currency,
            BigDecimal total,
            LocalDate day,
            List<Rate> rates,
            List<String> missing) {

        public Conversion {
            amounts = amounts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(amounts));
            rates = rates == null ? List.of() : List.copyOf(rates);
            missing = missing == null ? List.of() : List.copyOf(missing);
        }
    }

    /** An exchange rate used. */
    @ReadFrom(service = "kpi-service", schema = "Rate")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rate(String from, String to, BigDecimal rate, LocalDate effectiveFrom, boolean inverted) {}

    /** A unit's figures over a period, its teams side by side and the units under it. */
    @ReadFrom(service = "kpi-service", schema = "Rollup")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rollup(
            String unitId,
            String name,
            String currency,
            LocalDate from,
            LocalDate to,
            LocalDate rateDay,
            Window window,
            UnitFigures total,
            List<UnitLine> units,
            List<TeamLine> teams) {

        public Rollup {
            units = units == null ? List.of() : List.copyOf(units);
            teams = teams == null ? List.of() : List.copyOf(teams);
        }
    }

    /** The span of the period before a roll-up is compared with. */
    @ReadFrom(service = "kpi-service", schema = "Window")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(LocalDate from, LocalDate to) {}

    /** Figures of a team or of a unit. */
    @ReadFrom(service = "kpi-service", schema = "Figures")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitFigures(
            Activity activity,
            Activity activityBefore,
            Conversion revenueWon,
            Conversion revenueWonBefore,
            Conversion open,
            Conversion weighted,
            Map<String, Long> objectives,
            ForecastFigures forecast) {

        public UnitFigures {
            objectives = objectives == null ? Map.of() : Map.copyOf(objectives);
        }
    }

    /** A forecast by category against quota, converted. */
    @ReadFrom(service = "kpi-service", schema = "ForecastFigures")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ForecastFigures(
            LocalDate from,
            LocalDate to,
            Conversion closed,
            Conversion commit,
            Conversion bestCase,
            Conversion commitTotal,
            Conversion quota,
            BigDecimal attainment,
            BigDecimal coverage) {}

    /** A team's column of a roll-up. */
    @ReadFrom(service = "kpi-service", schema = "TeamLine")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TeamLine(String teamId, String name, String unitId, UnitFigures figures) {}

    /** A unit under the one rolled up. */
    @ReadFrom(service = "kpi-service", schema = "UnitLine")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitLine(String unitId, String name, int teams, UnitFigures figures) {}

    /** A unit's forecast hierarchy. */
    @ReadFrom(service = "kpi-service", schema = "UnitForecast")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitForecast(
            String currency,
            LocalDate from,
            LocalDate to,
            ForecastFigures figures,
            List<Call> calls,
            List<UnitCall> units,
            List<TeamCall> teams,
            List<Accuracy> accuracy) {

        public UnitForecast {
            calls = calls == null ? List.of() : List.copyOf(calls);
            units = units == null ? List.of() : List.copyOf(units);
            teams = teams == null ? List.of() : List.copyOf(teams);
            accuracy = accuracy == null ? List.of() : List.copyOf(accuracy);
        }
    }

    /** A unit under, with the call in force for it. */
    @ReadFrom(service = "kpi-service", schema = "UnitCall")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitCall(String unitId, String name, ForecastFigures figures, Call call) {}

    /** A team under, with its manager's call and its reps' calls in force. */
    @ReadFrom(service = "kpi-service", schema = "TeamCall")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TeamCall(String teamId, String name, ForecastFigures figures, Call call, List<Call> repCalls) {

        public TeamCall {
            repCalls = repCalls == null ? List.of() : List.copyOf(repCalls);
        }
    }

    /** A team's open pipeline by stage, weighted, with the coverage of its running revenue objectives. */
    public Pipeline pipeline(String teamId) {
        return services.read(Service.KPI, Pipeline.class, "/api/v1/teams/{teamId}/pipeline", teamId);
    }

    /** What moved in a team's pipeline this week, against the same days of last week. */
    public Changes pipelineChanges(String teamId) {
        return services.read(Service.KPI, Changes.class, "/api/v1/teams/{teamId}/pipeline/changes", teamId);
    }

    /** The quarter's forecast by category against quota, and the manager's calls. */
    public ForecastReview forecast(String teamId) {
        return services.read(Service.KPI, ForecastReview.class, "/api/v1/teams/{teamId}/forecast", teamId);
    }

    /** The funnel of the quarter so far, and of the quarter before. */
    public FunnelReview funnel(String teamId) {
        return services.read(Service.KPI, FunnelReview.class, "/api/v1/teams/{teamId}/funnel", teamId);
    }

    /** Records the manager's call ({@code amount}, {@code currency}, {@code period}, {@code note}). */
    public Call call(String teamId, Object body) {
        return Services.as(services.put(Service.KPI, body, "/api/v1/teams/{teamId}/forecast/call", teamId), Call.class);
    }

    /** How far each caller's past calls were from what closed. */
    public List<Accuracy> accuracy(String teamId) {
        return services.readList(Service.KPI, Accuracy.class, "/api/v1/teams/{teamId}/forecast/accuracy", teamId);
    }

    /** A rep's calls for the quarter under way, and how far its past calls were from what it won. */
    public RepCalls repCalls(String repId) {
        return services.read(Service.KPI, RepCalls.class, "/api/v1/reps/{repId}/forecast/calls", repId);
    }

    /** Records the rep's own call for its quarter (400 names the field at fault). */
    public Call repCall(String repId, Map<String, Object> body) {
        return Services.as(services.put(Service.KPI, body, "/api/v1/reps/{repId}/forecast/call", repId), Call.class);
    }

    /** A rep's calls: those of the period (history included) and its accuracy over past ones. */
    @ReadFrom(service = "kpi-service", schema = "RepCalls")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RepCalls(LocalDate from, LocalDate to, List<Call> calls, List<Accuracy> accuracy) {

        public RepCalls {
            calls = calls == null ? List.of() : List.copyOf(calls);
            accuracy = accuracy == null ? List.of() : List.copyOf(accuracy);
        }
    }

    /** A rep's open deals, at most {@code limit}. */
    public List<OpenDeal> openDeals(String repId, int limit) {
        return services.readList(Service.KPI, OpenDeal.class, "/api/v1/reps/{repId}/deals?limit={limit}", repId, limit);
    }

    /**
     * One page of a team's deals: the open ones ({@code status} OPEN, of a stage or all), or those won or lost
     * from..to (this week so far when none is given); of one rep or of the whole team; 50 a page.
     */
    public Services.Page<ListedDeal> teamDeals(
            String teamId, String status, String stage, String repId, LocalDate from, LocalDate to, String cursor) {
        return services.readPage(
                Service.KPI,
                ListedDeal.class,
                "/api/v1/teams/{teamId}/deals?status={status}&stage={stage}&repId={repId}&from={from}&to={to}"
                        + "&limit={limit}&cursor={cursor}",
                teamId,
                status,
                stage == null ? "" : stage,
                repId == null ? "" : repId,
                from == null ? "" : from.toString(),
                to == null ? "" : to.toString(),
                DEALS_PAGE,
                cursor == null ? "" : cursor);
    }

    /** A team's customer success figures for a period (quarter, t12m...) against the one before, and its renewals ahead. */
    public Retention teamRetention(String teamId, String period) {
        return services.read(
                Service.KPI,
                Retention.class,
                "/api/v1/teams/{teamId}/retention?period={period}&compare=true",
                teamId,
                period);
    }

    /** A CSM's customer success figures for a period against the one before. */
    public Retention repRetention(String repId, String period) {
        return services.read(
                Service.KPI,
                Retention.class,
                "/api/v1/reps/{repId}/retention?period={period}&compare=true",
                repId,
                period);
    }

    /** A team's customer accounts, the soonest renewal first. */
    public List<Account> teamAccounts(String teamId) {
        return services.readList(Service.KPI, Account.class, "/api/v1/teams/{teamId}/accounts", teamId);
    }

    /** A CSM's customer accounts, the soonest renewal first. */
    public List<Account> repAccounts(String repId) {
        return services.readList(Service.KPI, Account.class, "/api/v1/reps/{repId}/accounts", repId);
    }

    /** Customer success figures: a span and the one before, the ARR due in 30/60/90 days, the renewals month by month. */
    @ReadFrom(service = "kpi-service", schema = "Retention")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Retention(String period, Span current, Span comparison, List<Due> due, List<Month> calendar) {

        public Retention {
            due = due == null ? List.of() : List.copyOf(due);
            calendar = calendar == null ? List.of() : List.copyOf(calendar);
        }
    }

    /** The figures of a span. */
    @ReadFrom(service = "kpi-service", schema = "Span")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Span(LocalDate from, LocalDate to, List<Revenue> revenue, Logos logos, Renewals renewals, Nps nps) {

        public Span {
            revenue = revenue == null ? List.of() : List.copyOf(revenue);
        }

        /** The revenue figures of one currency, if the span has some. */
        public java.util.Optional<Revenue> in(String currency) {
            return revenue.stream().filter(r -> r.currency().equals(currency)).findFirst();
        }
    }

    /** Revenue retention in one currency. */
    @ReadFrom(service = "kpi-service", schema = "Revenue")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revenue(
            String currency,
            BigDecimal startingArr,
            BigDecimal expansion,
            BigDecimal contraction,
            BigDecimal churn,
            BigDecimal endingArr,
            BigDecimal grr,
            BigDecimal nrr,
            BigDecimal newArr) {}

    /** Logo retention. */
    @ReadFrom(service = "kpi-service", schema = "Logos")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Logos(int atStart, int retained, BigDecimal rate) {}

    /** The terms ending in a span and how they ended. */
    @ReadFrom(service = "kpi-service", schema = "Renewals")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Renewals(int due, int renewed, int churned, int overdue, int pending, BigDecimal rate) {}

    /** NPS over a span. */
    @ReadFrom(service = "kpi-service", schema = "Nps")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Nps(int answers, int promoters, int passives, int detractors, Integer score) {}

    /** The ARR due within a horizon, in one currency. */
    @ReadFrom(service = "kpi-service", schema = "Due")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Due(
            int days,
            String currency,
            BigDecimal arr,
            BigDecimal arrWithRenewal,
            int contracts,
            int contractsWithRenewal) {}

    /** The renewals of a month, in one currency. */
    @ReadFrom(service = "kpi-service", schema = "Month")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Month(
            LocalDate month,
            String currency,
            BigDecimal arr,
            BigDecimal arrWithRenewal,
            int contracts,
            int contractsWithRenewal) {}

    /** A customer account as its CSM works it. */
    @ReadFrom(service = "kpi-service", schema = "Account")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(
            String accountId,
            String name,
            String csmRepId,
            List<Amount> arr,
            LocalDate nextRenewal,
            boolean renewalOpen,
            Integer health,
            Integer previousHealth,
            java.time.Instant lastTouchAt,
            Long daysSinceTouch,
            java.time.Instant lastMeetingAt) {

        public Account {
            arr = arr == null ? List.of() : List.copyOf(arr);
        }
    }

    /** An amount in one currency. */
    @ReadFrom(service = "kpi-service", schema = "Amount")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Amount(String currency, BigDecimal amount) {}

    /** How many deals a page of a team's deals lists. */
    public static final int DEALS_PAGE = 50;

    /** A team's activity day by day, per rep, from..to. */
    public TeamDaily teamDaily(String teamId, LocalDate from, LocalDate to) {
        return services.read(
                Service.KPI,
                TeamDaily.class,
                "/api/v1/teams/{teamId}/kpis/daily?from={from}&to={to}",
                teamId,
                from,
                to);
    }

    /** A rep's activity day by day, from..to. */
    public List<DailyRow> repDaily(String repId, LocalDate from, LocalDate to) {
        return services.readList(
                Service.KPI, DailyRow.class, "/api/v1/reps/{repId}/kpis/daily?from={from}&to={to}", repId, from, to);
    }

    /** A team's reps ranked by a metric over a period (amounts in one currency). */
    public Leaderboard leaderboard(String teamId, String metric, String period, String currency) {
        return services.read(
                Service.KPI,
                Leaderboard.class,
                "/api/v1/teams/{teamId}/leaderboard?metric={metric}&period={period}&currency={currency}",
                teamId,
                metric,
                period,
                currency);
    }

    /**
     * An objective with its figures.
     *
     * @param scope    TEAM or REP
     * @param scopeId  the team or the rep
     * @param currency the currency of an amount's objective (null for a count)
     */
    @ReadFrom(service = "kpi-service", schema = "ObjectiveView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Objective(
            String objectiveId,
            String scope,
            String scopeId,
            String metric,
            BigDecimal target,
            BigDecimal actual,
            BigDecimal attainment,
            BigDecimal pace,
            String status,
            String currency,
            LocalDate periodStart,
            LocalDate periodEnd)
            implements ObjectiveFigures {}

    /** A period's activity and pipeline figures: a rep's, a team's totals, or those of the period compared with. */
    public interface PeriodFigures {

        Activity activity();

        PipelineFigures pipeline();
    }

    /**
     * A team's figures for a period.
     *
     * @param timezone   the team's zone, which tells its days
     * @param reps       each rep's figures, with its own comparison
     * @param totals     the team's
     * @param comparison the team's for the period compared with
     */
    @ReadFrom(service = "kpi-service", schema = "TeamKpis")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TeamKpis(
            String teamId,
            String timezone,
            LocalDate from,
            LocalDate to,
            List<RepKpis> reps,
            Totals totals,
            Compared comparison) {

        public TeamKpis {
            reps = reps == null ? List.of() : List.copyOf(reps);
        }
    }

    /** A rep's figures for a period, and those of the period compared with. */
    @ReadFrom(service = "kpi-service", schema = "RepKpis")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RepKpis(
            String repId,
            String teamId,
            String timezone,
            LocalDate from,
            LocalDate to,
            Activity activity,
            PipelineFigures pipeline,
            Compared comparison)
            implements PeriodFigures {}

    /** A team's totals for a period. */
    @ReadFrom(service = "kpi-service", schema = "Totals")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totals(Activity activity, PipelineFigures pipeline) implements PeriodFigures {}

    /**
     * The period compared with: the same days of the one before while a period runs ({@code likeForLike}), else the
     * whole one before.
     */
    @ReadFrom(service = "kpi-service", schema = "Compared")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compared(
            LocalDate from, LocalDate to, boolean likeForLike, Activity activity, PipelineFigures pipeline)
            implements PeriodFigures {}

    /** Activity counts. */
    @ReadFrom(service = "kpi-service", schema = "ActivityFigures")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Activity(long calls, long connectedCalls, long emails, long meetingsBooked, long meetingsHeld) {

        /** A count by the name the KPI API gives it ({@code calls}, {@code connectedCalls}...); 0 for another. */
        public long count(String name) {
            return switch (name) {
                case "calls" -> calls;
                case "connectedCalls" -> connectedCalls;
                case "emails" -> emails;
                case "meetingsBooked" -> meetingsBooked;
                case "meetingsHeld" -> meetingsHeld;
                default -> 0;
            };
        }
    }

    /** Pipeline counts and amounts per currency. */
    @ReadFrom(service = "kpi-service", schema = "PipelineFigures")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PipelineFigures(long dealsCreated, long dealsWon, Map<String, BigDecimal> revenueWon) {

        public PipelineFigures {
            revenueWon = sorted(revenueWon);
        }
    }

    /**
     * A team's open pipeline.
     *
     * @param open              open amounts per currency
     * @param weighted          open amounts weighted by their stage's probability, per currency
     * @param medianDaysInStage the team's median finished stay per stage, in days
     */
    @ReadFrom(service = "kpi-service", schema = "Pipeline")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pipeline(
            List<StageRow> stages,
            Map<String, BigDecimal> open,
            Map<String, BigDecimal> weighted,
            Map<String, BigDecimal> medianDaysInStage,
            List<Coverage> coverage) {

        public Pipeline {
            stages = stages == null ? List.of() : List.copyOf(stages);
            open = sorted(open);
            weighted = sorted(weighted);
            medianDaysInStage = medianDaysInStage == null ? Map.of() : Map.copyOf(medianDaysInStage);
            coverage = coverage == null ? List.of() : List.copyOf(coverage);
        }
    }

    /** One stage of the open pipeline: its deals, amounts, probability and how long its deals have been in it. */
    @ReadFrom(service = "kpi-service", schema = "StageRow")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StageRow(
            String stage,
            long deals,
            BigDecimal probability,
            Map<String, BigDecimal> amount,
            Map<String, BigDecimal> weighted,
            BigDecimal medianDaysOpen,
            OldestDeal oldest) {

        public StageRow {
            amount = sorted(amount);
            weighted = sorted(weighted);
        }
    }

    /** The deal that has been longest in a stage. */
    @ReadFrom(service = "kpi-service", schema = "OldestDeal")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OldestDeal(String dealId, String name, long days) {}

    /** A revenue objective's coverage: open pipeline expected by its end over what is left to win. */
    @ReadFrom(service = "kpi-service", schema = "Coverage")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coverage(
            String scopeId,
            String currency,
            LocalDate periodEnd,
            BigDecimal openExpectedInPeriod,
            BigDecimal remaining,
            BigDecimal coverage) {}

    /** Amounts per currency in currency order (the pages write them so). */
    static Map<String, BigDecimal> sorted(Map<String, BigDecimal> amounts) {
        return amounts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(amounts));
    }

    /** A team's activity day by day, per rep. */
    @ReadFrom(service = "kpi-service", schema = "TeamDaily")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TeamDaily(List<RepSeries> reps) {

        public TeamDaily {
            reps = reps == null ? List.of() : List.copyOf(reps);
        }
    }

    /** One rep's days. */
    @ReadFrom(service = "kpi-service", schema = "RepSeries")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RepSeries(String repId, List<DailyRow> days) {

        public RepSeries {
            days = days == null ? List.of() : List.copyOf(days);
        }
    }

    /** One day's activity. */
    @ReadFrom(service = "kpi-service", schema = "DailyRow")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DailyRow(LocalDate day, Activity activity) {}

    /** A ranking over a period. */
    @ReadFrom(service = "kpi-service", schema = "Leaderboard")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Leaderboard(List<Ranked> ranking, Period period) {

        public Leaderboard {
            ranking = ranking == null ? List.of() : List.copyOf(ranking);
        }
    }

    /** A rep's place: equal values share a rank. */
    @ReadFrom(service = "kpi-service", schema = "Ranked")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ranked(int rank, String repId, BigDecimal value) {}

    /** A period's first and last days. */
    @ReadFrom(service = "kpi-service", schema = "Period")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(LocalDate from, LocalDate to) {}

    /** An open deal of a rep: its stage and how long in it, its amount, its close date and whether it has passed. */
    @ReadFrom(service = "kpi-service", schema = "OpenDeal")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OpenDeal(
            String dealId,
            String name,
            String stage,
            BigDecimal amount,
            String currency,
            Long daysInStage,
            LocalDate expectedCloseDate,
            boolean closeDatePassed) {}

    /** A deal as a list of a team's deals gives it, with its page in its CRM where one is configured. */
    @ReadFrom(service = "kpi-service", schema = "ListedDeal")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListedDeal(
            String dealId,
            String name,
            String ownerRepId,
            String stage,
            BigDecimal amount,
            String currency,
            LocalDate expectedCloseDate,
            Long daysInStage,
            String status,
            java.time.Instant closedAt,
            String crmUrl) {}

    /** A week's pipeline changes, and the counts and amounts of the same days of the week before. */
    @ReadFrom(service = "kpi-service", schema = "Changes")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Changes(PipelineChanges changes, Summary previous) {}

    /** Each kind of change (NEW, ADVANCED, PUSHED, WON...) with its deals. */
    @ReadFrom(service = "kpi-service", schema = "PipelineChanges")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PipelineChanges(LocalDate from, LocalDate to, Map<String, Figure> changes) {

        public PipelineChanges {
            changes = changes == null ? Map.of() : Map.copyOf(changes);
        }
    }

    /** One kind of change: how many deals, their amounts per currency, and the deals listed. */
    @ReadFrom(service = "kpi-service", schema = "Figure")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figure(long deals, Map<String, BigDecimal> amount, List<ChangedDeal> listed) {

        public Figure {
            amount = sorted(amount);
            listed = listed == null ? List.of() : List.copyOf(listed);
        }
    }

    /**
     * A deal as the week's changes list it.
     *
     * @param before what it was (a stage, a date, an amount), for a change
     * @param after  what it is now
     * @param reason why it was lost
     */
    @ReadFrom(service = "kpi-service", schema = "ChangedDeal")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChangedDeal(
            String dealId,
            String name,
            String ownerRepId,
            BigDecimal amount,
            String currency,
            String before,
            String after,
            String reason) {}

    /** A deal in the forecast ({@code overdue}: its expected close date has passed). */
    @ReadFrom(service = "kpi-service", schema = "ForecastDeal")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ForecastDeal(
            String dealId,
            String name,
            String ownerRepId,
            BigDecimal amount,
            String currency,
            LocalDate expectedCloseDate,
            boolean overdue) {}

    /** The counts and amounts per kind of change of the period compared with. */
    @ReadFrom(service = "kpi-service", schema = "Summary")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(Map<String, Long> deals, Map<String, Map<String, BigDecimal>> amount) {

        public Summary {
            deals = deals == null ? Map.of() : Map.copyOf(deals);
            amount = amount == null ? Map.of() : Map.copyOf(amount);
        }
    }

    /** The quarter's forecast, where the quota comes from, and the manager's calls. */
    @ReadFrom(service = "kpi-service", schema = "ForecastReview")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ForecastReview(Forecast forecast, Quota quota, List<Call> calls, List<Call> repCalls) {

        public ForecastReview {
            calls = calls == null ? List.of() : List.copyOf(calls);
            repCalls = repCalls == null ? List.of() : List.copyOf(repCalls);
        }
    }

    /** The forecast by currency and the deals by category (CLOSED, COMMIT, BEST_CASE, PIPELINE). */
    @ReadFrom(service = "kpi-service", schema = "Forecast")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Forecast(
            LocalDate from,
            LocalDate to,
            Map<String, Amounts> currencies,
            Map<String, List<ForecastDeal>> deals,
            int undated) {

        public Forecast {
            currencies = currencies == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(currencies));
            deals = deals == null ? Map.of() : Map.copyOf(deals);
        }
    }

    /** One currency's forecast against its quota. */
    @ReadFrom(service = "kpi-service", schema = "Amounts")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Amounts(
            BigDecimal closed,
            BigDecimal commit,
            BigDecimal bestCase,
            BigDecimal pipeline,
            BigDecimal commitTotal,
            BigDecimal bestCaseTotal,
            BigDecimal quota,
            BigDecimal attainment,
            BigDecimal commitCoverage) {}

    /** Where the quota comes from: TEAM_OBJECTIVE, REP_OBJECTIVES or NONE, and which objectives. */
    @ReadFrom(service = "kpi-service", schema = "Quota")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quota(String source, List<String> objectiveIds) {

        public Quota {
            objectiveIds = objectiveIds == null ? List.of() : List.copyOf(objectiveIds);
        }
    }

    /** A manager's call for a quarter, made in a week, perhaps replaced since. */
    @ReadFrom(service = "kpi-service", schema = "Call")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Call(
            LocalDate week,
            String subjectId,
            String level,
            String managerId,
            BigDecimal amount,
            String currency,
            String note,
            java.time.Instant replacedAt,
            Replaced replaces) {}

    /** The call a new one replaced. */
    @ReadFrom(service = "kpi-service", schema = "Replaced")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Replaced(java.time.Instant at, BigDecimal amount, String currency) {}

    /** The funnel of a period, and of the one before. */
    @ReadFrom(service = "kpi-service", schema = "FunnelReview")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FunnelReview(Funnel funnel, Funnel previous) {}

    /** How many deals reached each step, the conversions between them, the won cohort, SDR-sourced, lost reasons. */
    @ReadFrom(service = "kpi-service", schema = "Funnel")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Funnel(
            Map<String, Long> steps,
            Map<String, BigDecimal> conversions,
            Cohort wonCohort,
            Map<String, Tally> sdrSourced,
            Map<String, Tally> lostReasons) {

        public Funnel {
            steps = steps == null ? Map.of() : Map.copyOf(steps);
            conversions = conversions == null ? Map.of() : new java.util.HashMap<>(conversions);
            sdrSourced = sdrSourced == null
                    ? Map.of()
                    : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sdrSourced));
            lostReasons = lostReasons == null
                    ? Map.of()
                    : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lostReasons));
        }
    }

    /** The deals created in the period before and how many are won by {@code asOf}. */
    @ReadFrom(service = "kpi-service", schema = "Cohort")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cohort(long created, long won, LocalDate asOf, BigDecimal conversion) {}

    /** Deals and their amounts per currency. */
    @ReadFrom(service = "kpi-service", schema = "Tally")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tally(long deals, Map<String, BigDecimal> amount) {

        public Tally {
            amount = sorted(amount);
        }
    }

    /** A caller's accuracy over its judged calls. */
    @ReadFrom(service = "kpi-service", schema = "Accuracy")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Accuracy(String managerId, String level, String subjectId, int calls, BigDecimal accuracy) {

        public Accuracy {
            accuracy = accuracy == null ? BigDecimal.ZERO : accuracy;
        }
    }
}
