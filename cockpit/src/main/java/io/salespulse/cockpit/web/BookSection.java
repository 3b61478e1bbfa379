package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.KpiClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A book of customer accounts as the pages show it: revenue retention per currency against the period before, and
 * each account with its ARR, next renewal, health and last touch. The renewals board shows a team's; a CSM's page and
 * My week show the CSM's own ({@code book.html}).
 */
final class BookSection {

    /** Revenue retention in one currency, now and in the period before. */
    record RevenueLine(
            String currency,
            String startingArr,
            String nrr,
            String nrrBefore,
            String grr,
            String grrBefore,
            String expansion,
            String contraction,
            String churn,
            String newArr) {}

    /** An account as a list shows it. */
    record AccountLine(
            String name,
            String csmId,
            String csm,
            String arr,
            String nextRenewal,
            String renewal,
            String health,
            String lastTouch) {}

    /**
     * A CSM's book: this quarter's retention, its renewal rate, its accounts.
     *
     * @param revenue     retention per currency
     * @param renewalRate renewals decided or due this quarter that were renewed
     * @param accounts    the accounts, the soonest renewal first
     */
    record Book(List<RevenueLine> revenue, String renewalRate, List<AccountLine> accounts) {}

    private BookSection() {}

    static Book of(
            KpiClient.Retention retention,
            List<KpiClient.Account> accounts,
            Map<String, String> names,
            Labels labels,
            Locale locale) {
        return new Book(
                revenue(retention, locale),
                share(
                        retention.current().renewals() == null
                                ? null
                                : retention.current().renewals().rate(),
                        locale),
                accounts(accounts, names, labels, locale));
    }

    static List<RevenueLine> revenue(KpiClient.Retention figures, Locale locale) {
        List<RevenueLine> lines = new ArrayList<>();
        for (KpiClient.Revenue r : figures.current().revenue()) {
            KpiClient.Revenue then = figures.comparison() == null
                    ? null
                    : figures.comparison().in(r.currency()).orElse(null);
            lines.add(new RevenueLine(
                    r.currency(),
                    Figures.amount(r.startingArr(), r.currency(), locale),
                    share(r.nrr(), locale),
                    share(then == null ? null : then.nrr(), locale),
                    share(r.grr(), locale),
                    share(then == null ? null : then.grr(), locale),
                    Figures.amount(r.expansion(), r.currency(), locale),
                    Figures.amount(r.contraction(), r.currency(), locale),
                    Figures.amount(r.churn(), r.currency(), locale),
                    Figures.amount(r.newArr(), r.currency(), locale)));
        }
        return lines;
    }

    static List<AccountLine> accounts(
            List<KpiClient.Account> accounts, Map<String, String> names, Labels labels, Locale locale) {
        List<AccountLine> lines = new ArrayList<>();
        for (KpiClient.Account a : accounts) {
            StringBuilder arr = new StringBuilder();
            a.arr()
                    .forEach(amount -> arr.append(arr.isEmpty() ? "" : ", ")
                            .append(Figures.amount(amount.amount(), amount.currency(), locale)));
            lines.add(new AccountLine(
                    a.name() != null ? a.name() : a.accountId(),
                    a.csmRepId(),
                    names.getOrDefault(a.csmRepId(), a.csmRepId()),
                    arr.isEmpty() ? labels.word("renewals.churned", locale) : arr.toString(),
                    a.nextRenewal() == null ? "—" : Figures.day(a.nextRenewal(), locale),
                    a.nextRenewal() == null
                            ? "—"
                            : labels.word(a.renewalOpen() ? "renewals.open.yes" : "renewals.open.no", locale),
                    a.health() == null ? "—" : String.valueOf(a.health()),
                    a.daysSinceTouch() == null
                            ? labels.word("renewals.neverTouched", locale)
                            : labels.word("renewals.daysAgo", locale, a.daysSinceTouch())));
        }
        return lines;
    }

    /** A share as a percentage, or "—" when there is none. */
    static String share(BigDecimal share, Locale locale) {
        return share == null ? "—" : Figures.percent(share, locale);
    }
}
