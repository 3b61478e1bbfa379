package io.salespulse.coaching.signals;

import io.salespulse.coaching.customers.CustomerBook;
import io.salespulse.coaching.signals.rules.AccountRules;
import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.contracts.signal.SignalType;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The customer success rules on an account: renewal at risk, gone quiet, health drop, customer lost, each kept in step
 * with the account as it stands; an account grown and a renewal secured early recognised once, from the contract
 * facts that are news. Each signal is its CSM's, about the account (its name, ARR and next renewal in the summary).
 */
@Component
class AccountJudge implements SignalJudge {

    private final SignalStore book;
    private final Clock clock;

    AccountJudge(SignalStore book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    @Override
    public void judgeAccount(Account subject) {
        var account = subject.account();
        RuleSettings.Accounts settings = subject.settings().accounts();
        Instant now = clock.instant();
        String accountId = account.accountId();
        book.sync(
                SignalType.RENEWAL_AT_RISK,
                accountId,
                AccountRules.renewalAtRisk(settings, account, now, subject.zone(), subject.today()),
                subject.context(),
                "customer met, health or NPS recovered, renewed or lost");
        book.sync(
                SignalType.CUSTOMER_GONE_QUIET,
                accountId,
                AccountRules.goneQuiet(settings, account, subject.zone(), subject.today()),
                subject.context(),
                "customer touched, or no longer a customer");
        book.sync(
                SignalType.HEALTH_DROP,
                accountId,
                AccountRules.healthDrop(settings, account, now),
                subject.context(),
                "health score recovered or the fall is older than the window");
        book.sync(
                SignalType.CHURNED,
                accountId,
                AccountRules.churned(settings, account, now, subject.zone(), subject.today()),
                subject.context(),
                "told, or the customer signed again");
        for (CustomerBook.News news : subject.news()) {
            AccountRules.expansion(settings, news, now).ifPresent(found -> book.recognise(found, subject.context()));
            AccountRules.earlyRenewal(settings, news, now, subject.zone())
                    .ifPresent(found -> book.recognise(found, subject.context()));
        }
    }
}
