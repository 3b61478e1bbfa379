package io.salespulse.coaching.signals.rules;

import io.salespulse.coaching.customers.CustomerAccount;
import io.salespulse.coaching.customers.CustomerBook;
import io.salespulse.contracts.account.ContractChange;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.kit.figures.Figures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer success rules (docs/kpis-and-signals.md, "Customer success signals"): a renewal at risk, a customer gone
 * quiet, a health drop, a customer lost; and the recognitions of an account grown and a renewal secured early. Each
 * reads one account as it stands ({@link CustomerAccount}) or one contract fact as news; days are whole days of the
 * CSM's team's time zone. Pure: every threshold is a unit test.
 */
public final class AccountRules {

    private AccountRules() {}

    /**
     * A running contract's term ends within {@code renewalHorizonDays} and the account had no customer meeting held in
     * {@code meetingDays}, or its health score is under {@code healthFloor}, or a customer answered the NPS question
     * with 6 or less within {@code detractorDays}. Critical within {@code urgentDays} of the renewal.
     */
    public static Optional<Detection> renewalAtRisk(
            RuleSettings.Accounts s, CustomerAccount account, Instant now, ZoneId zone, LocalDate today) {
        Optional<CustomerAccount.Contract> next = account.nextRenewal();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        long daysToRenewal = ChronoUnit.DAYS.between(today, next.get().termEnd());
        if (daysToRenewal < 0 || daysToRenewal > s.renewalHorizonDays()) {
            return Optional.empty();
        }
        Long sinceMeeting =
                account.lastMeetingAt() == null ? null : Figures.daysSince(account.lastMeetingAt(), zone, today);
        boolean noMeeting = sinceMeeting == null || sinceMeeting > s.meetingDays();
        Integer health = account.healthNow().map(CustomerAccount.Score::score).orElse(null);
        boolean unhealthy = health != null && health < s.healthFloor();
        Optional<CustomerAccount.Score> detractor = account.nps().stream()
                .filter(answer -> answer.score() <= 6)
                .filter(answer -> !answer.at().isBefore(now.minus(Duration.ofDays(s.detractorDays()))))
                .reduce((first, second) -> second);
        if (!noMeeting && !unhealthy && detractor.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("daysToRenewal", daysToRenewal));
        evidence.add(Evidence.of("arr", next.get().arr()));
        if (sinceMeeting != null) {
            evidence.add(Evidence.of("daysSinceMeeting", sinceMeeting));
        }
        if (health != null) {
            evidence.add(Evidence.of("healthScore", health));
            evidence.add(Evidence.of("healthFloor", s.healthFloor()));
        }
        detractor.ifPresent(answer -> evidence.add(Evidence.of("npsScore", answer.score())));
        return Optional.of(new Detection(
                SignalType.RENEWAL_AT_RISK,
                SubjectKind.ACCOUNT,
                account.accountId(),
                daysToRenewal <= s.urgentDays() ? Severity.CRITICAL : Severity.WARNING,
                evidence));
    }

    /**
     * An account with at least {@code quietArrFloor} of running ARR (in one currency) has had no call, email or meeting
     * for {@code quietDays} or more (counted from when it became a customer if it never had one).
     */
    public static Optional<Detection> goneQuiet(
            RuleSettings.Accounts s, CustomerAccount account, ZoneId zone, LocalDate today) {
        Optional<Map.Entry<String, BigDecimal>> arr = account.mainArr();
        Instant since = account.lastTouchAt() != null ? account.lastTouchAt() : account.customerSince();
        if (arr.isEmpty() || arr.get().getValue().compareTo(s.quietArrFloor()) < 0 || since == null) {
            return Optional.empty();
        }
        long days = Figures.daysSince(since, zone, today);
        if (days < s.quietDays()) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.CUSTOMER_GONE_QUIET,
                SubjectKind.ACCOUNT,
                account.accountId(),
                Severity.WARNING,
                List.of(
                        Evidence.of("daysSinceTouch", days),
                        Evidence.of("threshold", s.quietDays()),
                        Evidence.of("arr", arr.get().getValue()))));
    }

    /**
     * The account's health score now is at least {@code healthDropPoints} under the highest it had within the last
     * {@code healthDropDays} (the score in force when the window began counts). Critical at twice the fall. It clears
     * when the score comes back, or once the high score leaves the window (a lasting low score is the renewal rule's).
     */
    public static Optional<Detection> healthDrop(RuleSettings.Accounts s, CustomerAccount account, Instant now) {
        Optional<CustomerAccount.Score> current = account.healthNow();
        if (current.isEmpty() || account.running().isEmpty()) {
            return Optional.empty();
        }
        Instant start = now.minus(Duration.ofDays(s.healthDropDays()));
        Integer highest = null;
        for (CustomerAccount.Score score : account.health()) {
            boolean inWindow = !score.at().isBefore(start);
            boolean inForceAtStart = score.at().isBefore(start)
                    && account.health().stream()
                            .noneMatch(later ->
                                    later.at().isAfter(score.at()) && later.at().isBefore(start));
            if ((inWindow || inForceAtStart) && (highest == null || score.score() > highest)) {
                highest = score.score();
            }
        }
        int fall = highest == null ? 0 : highest - current.get().score();
        if (fall < s.healthDropPoints()) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.HEALTH_DROP,
                SubjectKind.ACCOUNT,
                account.accountId(),
                fall >= 2 * s.healthDropPoints() ? Severity.CRITICAL : Severity.WARNING,
                List.of(
                        Evidence.of("healthScore", current.get().score()),
                        Evidence.of("healthBefore", highest),
                        Evidence.of("healthDrop", fall),
                        Evidence.of("healthWindowDays", s.healthDropDays()))));
    }

    /**
     * The account's last running contract churned less than {@code churnNewsDays} ago: told to the manager with its
     * history (the ARR lost, how long it was a customer, its last touch, health and NPS answer). It clears after that,
     * or when the customer signs again.
     */
    public static Optional<Detection> churned(
            RuleSettings.Accounts s, CustomerAccount account, Instant now, ZoneId zone, LocalDate today) {
        if (account.churnedAt() == null
                || !account.running().isEmpty()
                || account.churnedAt().isBefore(now.minus(Duration.ofDays(s.churnNewsDays())))) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        if (account.churnedArr() != null) {
            evidence.add(Evidence.of("arrLost", account.churnedArr()));
        }
        if (account.customerSince() != null) {
            evidence.add(
                    Evidence.of("customerDays", ChronoUnit.DAYS.between(account.customerSince(), account.churnedAt())));
        }
        if (account.lastTouchAt() != null) {
            evidence.add(Evidence.of("daysSinceTouch", Figures.daysSince(account.lastTouchAt(), zone, today)));
        }
        account.healthNow().ifPresent(score -> evidence.add(Evidence.of("healthScore", score.score())));
        if (!account.nps().isEmpty()) {
            evidence.add(Evidence.of(
                    "npsScore", account.nps().get(account.nps().size() - 1).score()));
        }
        return Optional.of(new Detection(
                SignalType.CHURNED, SubjectKind.ACCOUNT, account.accountId(), Severity.CRITICAL, evidence));
    }

    /**
     * A contract fact still news ({@code newsDays}) that grew the account's ARR in its currency: an expansion, a
     * renewal at a higher ARR, a new contract of an account already a customer. Its subject is the fact itself, so
     * each growth is recognised once.
     */
    public static Optional<Detection> expansion(RuleSettings.Accounts s, CustomerBook.News news, Instant now) {
        var fact = news.fact();
        boolean grows = fact.change() == ContractChange.EXPANDED
                || fact.change() == ContractChange.RENEWED
                || fact.change() == ContractChange.STARTED && news.arrBefore().signum() > 0;
        BigDecimal added = news.arrAfter().subtract(news.arrBefore());
        if (!grows || added.signum() <= 0 || !isNews(s, fact.occurredAt(), now)) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.EXPANSION_WON,
                SubjectKind.ACCOUNT,
                fact.accountId() + "|" + fact.contractId() + "|"
                        + fact.occurredAt().toEpochMilli(),
                Severity.INFO,
                List.of(
                        Evidence.of("arrBefore", news.arrBefore()),
                        Evidence.of("arrAfter", news.arrAfter()),
                        Evidence.of("arrAdded", added))));
    }

    /** A renewal still news signed {@code earlyRenewalDays} or more before the term it renewed ended. */
    public static Optional<Detection> earlyRenewal(
            RuleSettings.Accounts s, CustomerBook.News news, Instant now, ZoneId zone) {
        var fact = news.fact();
        if (fact.change() != ContractChange.RENEWED
                || news.previousTermEnd() == null
                || !isNews(s, fact.occurredAt(), now)) {
            return Optional.empty();
        }
        long early = ChronoUnit.DAYS.between(LocalDate.ofInstant(fact.occurredAt(), zone), news.previousTermEnd());
        if (early < s.earlyRenewalDays()) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.RENEWAL_SECURED_EARLY,
                SubjectKind.ACCOUNT,
                fact.accountId() + "|" + fact.contractId() + "|" + news.previousTermEnd(),
                Severity.INFO,
                List.of(
                        Evidence.of("daysEarly", early),
                        Evidence.of("arr", fact.arr().amount()))));
    }

    private static boolean isNews(RuleSettings.Accounts s, Instant at, Instant now) {
        return !at.isBefore(now.minus(Duration.ofDays(s.newsDays())));
    }
}
