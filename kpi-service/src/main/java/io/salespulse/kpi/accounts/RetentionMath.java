package io.salespulse.kpi.accounts;

import io.salespulse.contracts.account.ContractChange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Retention over a span from contract facts (see docs/kpis-and-signals.md, "Customer success"): gross and net revenue
 * retention per currency for the accounts active at the start, logo retention, renewals due and how they ended, and
 * the new customers' ARR. Pure: no I/O, each figure computed from the facts handed in, so each is a unit test.
 */
public final class RetentionMath {

    private RetentionMath() {}

    /**
     * Facts in time order; at one instant a contract ends before it starts again (a currency change is told as a churn
     * and a start at once).
     */
    static final Comparator<Fact> ORDER = Comparator.comparing(Fact::at)
            .thenComparing(Fact::contractId)
            .thenComparing(f -> f.change() == ContractChange.CHURNED ? 0 : 1);

    /**
     * One contract fact as the figures read it.
     *
     * @param accountId   the account
     * @param contractId  the contract
     * @param change      what happened
     * @param arr         the ARR after it
     * @param previousArr the ARR before it (zero when it started)
     * @param currency    the ARR's currency
     * @param termEnd     the last day of the contract's term after it
     * @param csmRepId    the CSM then
     * @param teamId      the CSM's team then
     * @param at          when it happened
     * @param day         the day it happened, in its team's time zone
     */
    public record Fact(
            String accountId,
            String contractId,
            ContractChange change,
            BigDecimal arr,
            BigDecimal previousArr,
            String currency,
            LocalDate termEnd,
            String csmRepId,
            String teamId,
            Instant at,
            LocalDate day) {}

    /**
     * The revenue kept from the accounts active at the start, in one currency.
     *
     * @param currency    the currency
     * @param startingArr their ARR at the start
     * @param expansion   what they added (upsells, new contracts, renewals at a higher ARR)
     * @param contraction what they cut while staying (renewals at a lower ARR included)
     * @param churn       the ARR of the contracts that ended
     * @param endingArr   their ARR at the end: start + expansion − contraction − churn
     * @param grr         gross revenue retention (start − contraction − churn) / start, null without a start
     * @param nrr         net revenue retention (start − contraction − churn + expansion) / start
     * @param newArr      the ARR of accounts that were not customers at the start
     */
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

    /**
     * @param atStart  accounts with ARR at the start
     * @param retained of those, accounts still with ARR at the end
     * @param rate     retained / at start, null without accounts at the start
     */
    public record Logos(int atStart, int retained, BigDecimal rate) {}

    /**
     * Contract terms ending in the span.
     *
     * @param due     terms ending in the span
     * @param renewed of those, renewed
     * @param churned of those, churned
     * @param overdue of those, ended before today and neither renewed nor churned
     * @param pending of those, ending today or later and not decided yet
     * @param rate    renewed / (renewed + churned + overdue): null when none is decided or overdue
     */
    public record Renewals(int due, int renewed, int churned, int overdue, int pending, BigDecimal rate) {}

    /** Everything at once. */
    public record Retention(List<Revenue> revenue, Logos logos, Renewals renewals) {}

    /**
     * The retention of the accounts a caller owns over {@code [from, to]} (days, both ends included).
     *
     * @param facts every fact of the contracts concerned, up to the span's end or later (later ones are ignored)
     * @param owned whether an account's owner (the CSM and team of its latest fact before the span) is the caller's:
     *              a team or a CSM; for the accounts new in the span, the owner of their first fact
     * @param today the day the figures are read, for renewals still to come
     */
    public static Retention of(List<Fact> facts, LocalDate from, LocalDate to, Predicate<Fact> owned, LocalDate today) {
        List<Fact> all = facts.stream().sorted(ORDER).toList();
        List<Fact> ordered = all.stream().filter(f -> !f.day().isAfter(to)).toList();
        // The state at the start: each contract's ARR and its account's owner.
        Map<String, Fact> lastBefore = new HashMap<>();
        Map<String, Fact> accountOwnerBefore = new HashMap<>();
        Map<String, Fact> firstInSpan = new HashMap<>();
        for (Fact f : ordered) {
            if (f.day().isBefore(from)) {
                lastBefore.put(f.contractId(), f);
                accountOwnerBefore.put(f.accountId(), f);
            } else {
                firstInSpan.putIfAbsent(f.accountId(), f);
            }
        }
        Map<String, Map<String, BigDecimal>> startArr = new TreeMap<>(); // account -> currency -> ARR
        lastBefore
                .values()
                .forEach(f -> startArr.computeIfAbsent(f.accountId(), a -> new TreeMap<>())
                        .merge(f.currency(), f.arr(), BigDecimal::add));
        // An account's owner: the CSM of its latest fact before the span, else of its first fact in it.
        Set<String> cohort = new TreeSet<>();
        Set<String> newcomers = new TreeSet<>();
        Set<String> accounts = new TreeSet<>(accountOwnerBefore.keySet());
        accounts.addAll(firstInSpan.keySet());
        for (String account : accounts) {
            Fact owner = accountOwnerBefore.getOrDefault(account, firstInSpan.get(account));
            if (!owned.test(owner)) {
                continue;
            }
            boolean customer =
                    startArr.getOrDefault(account, Map.of()).values().stream().anyMatch(v -> v.signum() > 0);
            if (customer) {
                cohort.add(account);
            } else if (firstInSpan.containsKey(account)) {
                newcomers.add(account);
            }
        }

        Map<String, BigDecimal[]> sums = new TreeMap<>(); // currency -> start, expansion, contraction, churn, new
        Map<String, BigDecimal> endArr = new HashMap<>(); // account -> total ARR at the end, any currency
        Map<String, Fact> lastOverall = new HashMap<>(lastBefore);
        for (String account : cohort) {
            startArr.get(account).forEach((currency, arr) -> sum(sums, currency)[0] = sum(sums, currency)[0].add(arr));
        }
        for (Fact f : ordered) {
            if (f.day().isBefore(from)) {
                continue;
            }
            lastOverall.put(f.contractId(), f);
            BigDecimal delta = f.arr().subtract(f.previousArr());
            BigDecimal[] s = sum(sums, f.currency());
            if (cohort.contains(f.accountId())) {
                if (f.change() == ContractChange.CHURNED) {
                    s[3] = s[3].add(f.previousArr());
                } else if (delta.signum() > 0) {
                    s[1] = s[1].add(delta);
                } else if (delta.signum() < 0) {
                    s[2] = s[2].add(delta.negate());
                }
            } else if (newcomers.contains(f.accountId())) {
                s[4] = s[4].add(delta);
            }
        }
        lastOverall.values().forEach(f -> endArr.merge(f.accountId(), f.arr(), BigDecimal::add));

        List<Revenue> revenue = new ArrayList<>();
        sums.forEach((currency, s) -> {
            if (s[0].signum() == 0 && s[4].signum() == 0) {
                return;
            }
            BigDecimal kept = s[0].subtract(s[2]).subtract(s[3]);
            BigDecimal ending = kept.add(s[1]);
            revenue.add(new Revenue(
                    currency, s[0], s[1], s[2], s[3], ending, ratio(kept, s[0]), ratio(ending, s[0]), s[4]));
        });
        int retained = (int) cohort.stream()
                .filter(account -> endArr.getOrDefault(account, BigDecimal.ZERO).signum() > 0)
                .count();
        Logos logos = new Logos(
                cohort.size(), retained, ratio(BigDecimal.valueOf(retained), BigDecimal.valueOf(cohort.size())));
        return new Retention(revenue, logos, renewals(all, from, to, owned, today));
    }

    /**
     * Each contract's terms and how they ended: a term ends on the {@code termEnd} its facts carried until a renewal
     * (a {@code RENEWED} fact: renewed) or a churn ({@code CHURNED}: churned) closed it, whenever that came (a renewal
     * signed late still renews the term that ended in the span).
     */
    static Renewals renewals(List<Fact> ordered, LocalDate from, LocalDate to, Predicate<Fact> owned, LocalDate today) {
        Map<String, List<Fact>> byContract = new LinkedHashMap<>();
        ordered.forEach(f -> byContract
                .computeIfAbsent(f.contractId(), c -> new ArrayList<>())
                .add(f));
        int due = 0;
        int renewed = 0;
        int churned = 0;
        int overdue = 0;
        int pending = 0;
        for (List<Fact> contract : byContract.values()) {
            Fact current = null;
            for (int i = 0; i <= contract.size(); i++) {
                Fact next = i < contract.size() ? contract.get(i) : null;
                boolean closes = next != null
                        && current != null
                        && (next.change() == ContractChange.RENEWED || next.change() == ContractChange.CHURNED);
                boolean running = current != null && current.change() != ContractChange.CHURNED;
                if (running && (closes || next == null)) {
                    LocalDate end = current.termEnd();
                    if (!end.isBefore(from) && !end.isAfter(to) && owned.test(current)) {
                        due++;
                        if (closes && next.change() == ContractChange.RENEWED) {
                            renewed++;
                        } else if (closes) {
                            churned++;
                        } else if (end.isBefore(today)) {
                            overdue++;
                        } else {
                            pending++;
                        }
                    }
                }
                if (next != null) {
                    current = next;
                }
            }
        }
        BigDecimal decided = BigDecimal.valueOf((long) renewed + churned + overdue);
        return new Renewals(due, renewed, churned, overdue, pending, ratio(BigDecimal.valueOf(renewed), decided));
    }

    /**
     * The ARR renewed over {@code [from, to]} per currency: each {@code RENEWED} fact's ARR after it, of the contracts
     * whose fact {@code owned} accepts (the CSM or team that renewed it).
     */
    public static Map<String, BigDecimal> renewedArr(
            List<Fact> facts, LocalDate from, LocalDate to, Predicate<Fact> owned) {
        Map<String, BigDecimal> renewed = new TreeMap<>();
        facts.stream()
                .filter(f -> f.change() == ContractChange.RENEWED
                        && !f.day().isBefore(from)
                        && !f.day().isAfter(to)
                        && owned.test(f))
                .forEach(f -> renewed.merge(f.currency(), f.arr(), BigDecimal::add));
        return renewed;
    }

    private static BigDecimal[] sum(Map<String, BigDecimal[]> sums, String currency) {
        return sums.computeIfAbsent(currency, c ->
                new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
    }

    /** A share to four decimals (0.9250 is 92.5 %), or null when there is nothing to divide by. */
    static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_EVEN);
    }
}
