package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.cockpit.services.CoachingClient.Signal;
import io.salespulse.cockpit.services.KpiClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import io.salespulse.contracts.signal.SignalType;
import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A team's renewals board, for the teams with customer success managers: revenue and logo retention against the period
 * before, the renewals coming month by month over two quarters, the accounts at risk with the reason, and every
 * account with its ARR, next renewal, health and last touch (kpi-service's customer success figures, coaching-service's
 * customer signals).
 */
@Controller
class RenewalsPage {

    static final List<String> PERIODS = List.of("month", "quarter", "t12m");

    /** The customer signals the board lists as accounts at risk, the most urgent kinds first. */
    static final List<SignalType> AT_RISK = List.of(
            SignalType.CHURNED, SignalType.RENEWAL_AT_RISK, SignalType.HEALTH_DROP, SignalType.CUSTOMER_GONE_QUIET);

    /** A month's renewals in one currency. */
    record MonthLine(String month, String arr, String withRenewal, int contracts, int contractsWithRenewal) {}

    /** An account at risk: the signal that says why. */
    record RiskLine(
            String signalId,
            String severity,
            String account,
            String csm,
            String title,
            List<Map.Entry<String, String>> evidence) {}

    private final KpiClient kpi;
    private final ActivityClient activity;
    private final CoachingClient coaching;
    private final Services services;
    private final Labels labels;

    RenewalsPage(KpiClient kpi, ActivityClient activity, CoachingClient coaching, Services services, Labels labels) {
        this.kpi = kpi;
        this.activity = activity;
        this.coaching = coaching;
        this.services = services;
        this.labels = labels;
    }

    @GetMapping("/teams/{teamId}/renewals")
    String renewals(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "quarter") String period,
            Model model,
            Locale locale) {
        PageAdvice.checkId(teamId);
        String chosen = PERIODS.contains(period) ? period : "quarter";
        ActivityClient.Team team = activity.team(teamId);
        Pending<Map<String, String>> roster = services.async(() -> activity.namesOf(teamId));
        Pending<KpiClient.Retention> retention = services.async(() -> kpi.teamRetention(teamId, chosen));
        Pending<List<KpiClient.Account>> accounts = services.async(() -> kpi.teamAccounts(teamId));
        List<Pending<List<Signal>>> open = List.of("OPEN", "ACKNOWLEDGED").stream()
                .map(status -> services.async(() -> coaching.signalsOfTeam(teamId, status, 200)))
                .toList();
        Map<String, String> names = roster.get();
        KpiClient.Retention figures = retention.get();

        model.addAttribute("team", team);
        model.addAttribute("teamId", teamId);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("from", Figures.day(figures.current().from(), locale));
        model.addAttribute("to", Figures.day(figures.current().to(), locale));
        KpiClient.Span before = figures.comparison();
        model.addAttribute(
                "comparedWith",
                before == null
                        ? ""
                        : labels.word(
                                "renewals.comparedWith",
                                locale,
                                Figures.day(before.from(), locale),
                                Figures.day(before.to(), locale)));
        model.addAttribute("revenue", BookSection.revenue(figures, locale));
        KpiClient.Span now = figures.current();
        model.addAttribute(
                "logos", share(now.logos() == null ? null : now.logos().rate(), locale));
        model.addAttribute(
                "logosBefore",
                share(
                        before == null || before.logos() == null
                                ? null
                                : before.logos().rate(),
                        locale));
        model.addAttribute("logoCount", now.logos() == null ? 0 : now.logos().atStart());
        model.addAttribute(
                "renewalRate",
                share(now.renewals() == null ? null : now.renewals().rate(), locale));
        model.addAttribute("renewalsDue", now.renewals());
        model.addAttribute("nps", now.nps());
        model.addAttribute("calendar", calendar(figures.calendar(), locale));
        model.addAttribute("risks", risks(open, names, locale));
        model.addAttribute("accounts", BookSection.accounts(accounts.get(), names, labels, locale));
        return "renewals";
    }

    private static List<MonthLine> calendar(List<KpiClient.Month> months, Locale locale) {
        return months.stream()
                .map(m -> new MonthLine(
                        m.month().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " "
                                + m.month().getYear(),
                        Figures.amount(m.arr(), m.currency(), locale),
                        Figures.amount(m.arrWithRenewal(), m.currency(), locale),
                        m.contracts(),
                        m.contractsWithRenewal()))
                .toList();
    }

    private List<RiskLine> risks(List<Pending<List<Signal>>> open, Map<String, String> names, Locale locale) {
        Set<SignalType> kinds = Set.copyOf(AT_RISK);
        List<RiskLine> risks = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        open.forEach(list -> signals.addAll(list.get()));
        signals.stream()
                .filter(s -> s.type() != null && kinds.contains(s.type()))
                .sorted(Comparator.comparing((Signal s) -> AT_RISK.indexOf(s.type()))
                        .thenComparing(s -> s.deal() == null || s.deal().name() == null
                                ? ""
                                : s.deal().name()))
                .forEach(s -> {
                    String csm = names.getOrDefault(s.repId(), s.repId());
                    risks.add(new RiskLine(
                            s.signalId(),
                            s.severity().name(),
                            s.deal() == null ? "" : s.deal().name(),
                            csm,
                            labels.signalTitle(s.type().name(), csm, locale),
                            SignalPage.evidence(s, labels, locale)));
                });
        return risks;
    }

    private static String share(BigDecimal share, Locale locale) {
        return BookSection.share(share, locale);
    }
}
