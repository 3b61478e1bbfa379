package io.salespulse.kpi.report;

import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kpi.accounts.AccountBook;
import io.salespulse.kpi.accounts.Owner;
import io.salespulse.kpi.accounts.RetentionMath;
import io.salespulse.kpi.periods.Period;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer success figures of a team or of one CSM: revenue and logo retention, renewals, NPS, the ARR due for renewal,
 * and the accounts with their health and last touch (definitions in docs/kpis-and-signals.md).
 */
@RestController
class RetentionController {

    /** The renewal horizons reported, in days from today. */
    static final List<Integer> HORIZONS = List.of(30, 60, 90);

    static final int MAX_ACCOUNTS = 500;

    /** How many months the renewal calendar shows: this one and the five after it. */
    static final int MONTHS_AHEAD = 6;

    private final AccountBook book;
    private final RosterStore roster;
    private final Clock clock;

    RetentionController(AccountBook book, RosterStore roster, Clock clock) {
        this.book = book;
        this.roster = roster;
        this.clock = clock;
    }

    /**
     * NPS over a span.
     *
     * @param answers    how many answered
     * @param promoters  answers of 9 or 10
     * @param passives   answers of 7 or 8
     * @param detractors answers of 0 to 6
     * @param score      promoters minus detractors, in points of the answers (−100 to 100), null without answers
     */
    record Nps(int answers, int promoters, int passives, int detractors, Integer score) {}

    /**
     * The ARR whose term ends within a horizon, in one currency.
     *
     * @param days                 the horizon: terms ending from today to today + days
     * @param currency             the currency
     * @param arr                  the ARR of those contracts
     * @param arrWithRenewal       of it, the ARR of contracts with an open renewal deal
     * @param contracts            how many contracts
     * @param contractsWithRenewal of those, with an open renewal deal
     */
    record Due(
            int days,
            String currency,
            BigDecimal arr,
            BigDecimal arrWithRenewal,
            int contracts,
            int contractsWithRenewal) {}

    /**
     * The renewals of one month: the ARR of running contracts whose term ends in it, in one currency.
     *
     * @param month                its first day
     * @param currency             the currency
     * @param arr                  their ARR
     * @param arrWithRenewal       of it, with an open renewal deal
     * @param contracts            how many
     * @param contractsWithRenewal of those, with an open renewal deal
     */
    record Month(
            LocalDate month,
            String currency,
            BigDecimal arr,
            BigDecimal arrWithRenewal,
            int contracts,
            int contractsWithRenewal) {}

    /** The figures of one span. */
    record Span(
            LocalDate from,
            LocalDate to,
            List<RetentionMath.Revenue> revenue,
            RetentionMath.Logos logos,
            RetentionMath.Renewals renewals,
            Nps nps) {}

    /**
     * A team's or a CSM's customer success figures.
     *
     * @param period     day, week, month, quarter or t12m (the twelve months up to the date)
     * @param current    the span asked for
     * @param comparison with {@code compare=true}: the span it is compared with (like for like, see the KPIs)
     * @param due        the ARR due for renewal in the next 30, 60 and 90 days, per currency
     * @param calendar   the renewals of this month and the five after it (two quarters ahead), per currency
     */
    record Retention(
            String teamId,
            String repId,
            String period,
            String timezone,
            Span current,
            Span comparison,
            List<Due> due,
            List<Month> calendar) {}

    /** One amount in one currency. */
    record Amount(String currency, BigDecimal amount) {}

    /**
     * An account as a CSM works it.
     *
     * @param arr            its running contracts' ARR, per currency (empty once it churned)
     * @param nextRenewal    the soonest term end of its running contracts
     * @param renewalOpen    whether that contract has an open renewal deal
     * @param health         its health score (0-100), if the CRM gives one
     * @param previousHealth the score before the last change
     * @param lastTouchAt    its last customer touch (a call, an email or a meeting linked to it)
     * @param daysSinceTouch whole days since then in the team's time zone, null when never touched
     * @param lastMeetingAt  its last meeting held
     */
    record Account(
            String accountId,
            String name,
            String csmRepId,
            List<Amount> arr,
            LocalDate nextRenewal,
            boolean renewalOpen,
            Integer health,
            Integer previousHealth,
            Instant lastTouchAt,
            Long daysSinceTouch,
            Instant lastMeetingAt) {}

    @Operation(summary = "A team's customer success figures: retention, renewals, NPS, ARR due for renewal")
    @GetMapping("/api/v1/teams/{teamId}/retention")
    Retention team(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "quarter") String period,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "false") boolean compare) {
        TeamChanged team = roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
        return report(teamId, null, period, date, compare, ZoneId.of(team.timezone()), Owner.team(teamId));
    }

    @Operation(summary = "A CSM's customer success figures: retention, renewals, NPS, ARR due for renewal")
    @GetMapping("/api/v1/reps/{repId}/retention")
    Retention rep(
            @PathVariable String repId,
            @RequestParam(defaultValue = "quarter") String period,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "false") boolean compare) {
        String teamId = roster.rep(repId).map(RepChanged::teamId).orElse(null);
        return report(teamId, repId, period, date, compare, roster.zoneOf(repId), Owner.csm(repId));
    }

    @Operation(summary = "A team's customer accounts, the soonest renewal first")
    @GetMapping("/api/v1/teams/{teamId}/accounts")
    List<Account> teamAccounts(@PathVariable String teamId) {
        TeamChanged team = roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
        return accounts(Owner.team(teamId), ZoneId.of(team.timezone()));
    }

    @Operation(summary = "A CSM's customer accounts, the soonest renewal first")
    @GetMapping("/api/v1/reps/{repId}/accounts")
    List<Account> repAccounts(@PathVariable String repId) {
        return accounts(Owner.csm(repId), roster.zoneOf(repId));
    }

    private Retention report(
            String teamId, String repId, String period, String date, boolean compare, ZoneId zone, Owner owner) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = date == null || date.isBlank() ? today : KpiController.parse("date", date);
        String kind = period.toLowerCase(Locale.ROOT);
        LocalDate from;
        LocalDate to;
        LocalDate thenFrom;
        LocalDate thenTo;
        if ("t12m".equals(kind)) {
            from = day.minusYears(1).plusDays(1);
            to = day;
            thenFrom = from.minusYears(1);
            thenTo = to.minusYears(1);
        } else {
            Period span = Period.containing(kind(period), day);
            Period window = span.likeForLike(today);
            from = span.from();
            to = span.to();
            thenFrom = window.from();
            thenTo = window.to();
        }
        List<RetentionMath.Fact> facts = book.facts(owner);
        Span current = figures(facts, from, to, owner, today);
        Span comparison = compare ? figures(facts, thenFrom, thenTo, owner, today) : null;
        List<AccountBook.StoredContract> running = book.runningContracts(owner);
        return new Retention(
                teamId, repId, kind, zone.getId(), current, comparison, due(running, today), calendar(running, today));
    }

    private Span figures(List<RetentionMath.Fact> facts, LocalDate from, LocalDate to, Owner owner, LocalDate today) {
        RetentionMath.Retention retention = RetentionMath.of(facts, from, to, owner::owns, today);
        List<AccountBook.StoredAnswer> answers = book.answers(owner, from, to);
        int promoters = (int) answers.stream().filter(a -> a.score() >= 9).count();
        int detractors = (int) answers.stream().filter(a -> a.score() <= 6).count();
        Integer score = answers.isEmpty()
                ? null
                : BigDecimal.valueOf(100L * (promoters - detractors))
                        .divide(BigDecimal.valueOf(answers.size()), 0, RoundingMode.HALF_UP)
                        .intValueExact();
        return new Span(
                from,
                to,
                retention.revenue(),
                retention.logos(),
                retention.renewals(),
                new Nps(answers.size(), promoters, answers.size() - promoters - detractors, detractors, score));
    }

    private static List<Due> due(List<AccountBook.StoredContract> running, LocalDate today) {
        List<Due> due = new ArrayList<>();
        for (int days : HORIZONS) {
            renewalsEnding(running, today, today.plusDays(days))
                    .forEach(r -> due.add(
                            new Due(days, r.currency(), r.arr(), r.arrWithRenewal(), r.contracts(), r.withRenewal())));
        }
        return due;
    }

    /** The renewals of this month and the five after it, per currency (terms ending before today are not due any more). */
    private static List<Month> calendar(List<AccountBook.StoredContract> running, LocalDate today) {
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < MONTHS_AHEAD; i++) {
            LocalDate month = today.withDayOfMonth(1).plusMonths(i);
            LocalDate first = month.isBefore(today) ? today : month;
            renewalsEnding(running, first, month.plusMonths(1).minusDays(1))
                    .forEach(r -> months.add(new Month(
                            month, r.currency(), r.arr(), r.arrWithRenewal(), r.contracts(), r.withRenewal())));
        }
        return months;
    }

    /**
     * The running contracts whose term ends from {@code first} to {@code last}, per currency (in currency order).
     *
     * @param withRenewal how many of them have a renewal deal under way
     */
    private record Renewals(
            String currency, BigDecimal arr, BigDecimal arrWithRenewal, int contracts, int withRenewal) {}

    private static List<Renewals> renewalsEnding(
            List<AccountBook.StoredContract> running, LocalDate first, LocalDate last) {
        List<Renewals> renewals = new ArrayList<>();
        running.stream()
                .filter(c -> {
                    LocalDate end = LocalDate.parse(c.termEnd());
                    return !end.isBefore(first) && !end.isAfter(last);
                })
                .collect(Collectors.groupingBy(AccountBook.StoredContract::currency, TreeMap::new, Collectors.toList()))
                .forEach((currency, contracts) -> {
                    List<AccountBook.StoredContract> covered = contracts.stream()
                            .filter(c -> c.renewalDealId() != null)
                            .toList();
                    renewals.add(
                            new Renewals(currency, sum(contracts), sum(covered), contracts.size(), covered.size()));
                });
        return renewals;
    }

    private List<Account> accounts(Owner owner, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<String, List<AccountBook.StoredContract>> contracts = book.runningContracts(owner).stream()
                .collect(Collectors.groupingBy(AccountBook.StoredContract::accountId));
        return book.accounts(owner).stream()
                .map(account -> {
                    List<AccountBook.StoredContract> running = contracts.getOrDefault(account.accountId(), List.of());
                    AccountBook.StoredContract next = running.stream()
                            .min(Comparator.comparing(AccountBook.StoredContract::termEnd))
                            .orElse(null);
                    List<Amount> arr = running.stream()
                            .collect(Collectors.groupingBy(
                                    AccountBook.StoredContract::currency,
                                    TreeMap::new,
                                    Collectors.reducing(
                                            BigDecimal.ZERO, AccountBook.StoredContract::arr, BigDecimal::add)))
                            .entrySet()
                            .stream()
                            .map(e -> new Amount(e.getKey(), e.getValue()))
                            .toList();
                    return new Account(
                            account.accountId(),
                            account.name(),
                            account.csmRepId(),
                            arr,
                            next == null ? null : LocalDate.parse(next.termEnd()),
                            next != null && next.renewalDealId() != null,
                            account.health(),
                            account.previousHealth(),
                            account.lastTouchAt(),
                            account.lastTouchAt() == null
                                    ? null
                                    : io.salespulse.kit.figures.Figures.daysSince(account.lastTouchAt(), zone, today),
                            account.lastMeetingAt());
                })
                .sorted(Comparator.comparing(Account::nextRenewal, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Account::accountId))
                .limit(MAX_ACCOUNTS)
                .toList();
    }

    private static BigDecimal sum(List<AccountBook.StoredContract> contracts) {
        return contracts.stream().map(AccountBook.StoredContract::arr).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static io.salespulse.kpi.periods.PeriodKind kind(String period) {
        try {
            return KpiController.kind(period);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("period", "must be day, week, month, quarter or t12m");
        }
    }
}
