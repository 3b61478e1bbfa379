package io.salespulse.coaching.signals;

import io.salespulse.coaching.projection.DealView;
import io.salespulse.coaching.signals.rules.DealRules;
import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.TeamRules;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.kit.crm.DealLinks;
import io.salespulse.kit.figures.Figures;
import io.salespulse.kit.roster.RosterStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What every family of rules needs around a signal: whom it is about (the rep's name and stance, or the team's name),
 * the deal as a manager reads it, and the thresholds of the subject's team.
 */
@Component
class SignalContexts {

    private final RosterStore roster;
    private final RuleSettings rules;
    private final DealLinks links;
    private final Clock clock;

    SignalContexts(RosterStore roster, RuleSettings rules, DealLinks links, Clock clock) {
        this.roster = roster;
        this.rules = rules;
        this.links = links;
        this.clock = clock;
    }

    /** A rep's context: its team, its name, its stance today (in onboarding, junior, senior). */
    SignalStore.Context ofRep(String repId) {
        Optional<RepChanged> rep = roster.rep(repId);
        LocalDate today = LocalDate.now(clock.withZone(roster.zoneOf(repId)));
        return new SignalStore.Context(
                repId,
                rep.map(RepChanged::teamId).orElse(null),
                rep.map(RepChanged::displayName).orElse(repId),
                Stance.of(rep.orElse(null), today, rules.windows().onboarding()));
    }

    /** A team's context, by its name. */
    SignalStore.Context ofTeam(String teamId) {
        return new SignalStore.Context(
                null, teamId, roster.team(teamId).map(TeamChanged::name).orElse(teamId));
    }

    /** The installation's rule settings with the team's own thresholds over them. */
    RuleSettings rulesOf(String teamId) {
        return teamId == null
                ? rules
                : rules.forTeam(
                        roster.team(teamId).map(TeamChanged::rulesOrNone).orElse(TeamRules.NONE));
    }

    /** The installation's rule settings (the windows are not a team's). */
    RuleSettings rules() {
        return rules;
    }

    /** The deal as a manager reads it in a signal: name, amount, stage and days in it, close date, CRM link. */
    DealSummary summaryOf(DealView deal, ZoneId zone, LocalDate today) {
        DealStage stage = DealRules.stageOf(deal);
        Long days = deal.stageSince() == null ? null : Figures.daysSince(deal.stageSince(), zone, today);
        return new DealSummary(
                deal.name(),
                deal.amount(),
                stage,
                days,
                deal.expectedCloseDate(),
                links.of(deal.dealId()).orElse(null));
    }

    /**
     * A customer account as a manager reads it in a signal, in the summary deals use: its name, its largest running ARR
     * (the ARR it churned from, once lost), its next renewal date.
     */
    DealSummary summaryOf(io.salespulse.coaching.customers.CustomerAccount account) {
        io.salespulse.contracts.Money arr = account.mainArr()
                .map(main -> new io.salespulse.contracts.Money(main.getValue(), main.getKey()))
                .orElse(
                        account.churnedArr() == null || account.churnedCurrency() == null
                                ? null
                                : new io.salespulse.contracts.Money(account.churnedArr(), account.churnedCurrency()));
        return new DealSummary(
                account.name() != null ? account.name() : account.accountId(),
                arr,
                null,
                null,
                account.nextRenewal()
                        .map(io.salespulse.coaching.customers.CustomerAccount.Contract::termEnd)
                        .orElse(null),
                null);
    }

    /** A deal's link in its CRM, if configured. */
    String linkOf(String dealId) {
        return links.of(dealId).orElse(null);
    }
}
