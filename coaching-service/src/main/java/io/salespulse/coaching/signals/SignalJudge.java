package io.salespulse.coaching.signals;

import io.salespulse.coaching.projection.DealView;
import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One family of signal rules: it judges the subjects it is about and keeps their signals in step through the
 * {@link SignalStore} (the decisions themselves are the pure rules of {@code signals/rules}). Families are beans:
 * {@link SignalEvaluator} finds them all, builds each subject once when its facts change (or the hour passes, or a
 * backfill is over) and hands it to every family, which judges what concerns it. A team waiting for its backfill
 * reaches none. Adding a rule: its pure rule, a family here (or a line in one), its texts, its tests
 * (docs/code-map.md).
 */
public interface SignalJudge {

    /** A rep's facts changed (which ones: {@code change}), or the hour passed. */
    default void judgeRep(Rep rep, RepChange change) {}

    /** A deal changed (a fact, an activity on it, its team's thresholds), or the hour passed. */
    default void judgeDeal(Deal deal) {}

    /** An objective's new figures ({@link Objective#news()}), or, for a revenue objective, the hour passed. */
    default void judgeObjective(Objective objective) {}

    /** A team's wins arrived or were attributed to it, or the hour passed. */
    default void judgeTeam(Team team) {}

    /** A customer account's facts changed (a contract fact, a renewal, a score, a touch), or the hour passed. */
    default void judgeAccount(Account account) {}

    /** What changed for a rep. */
    enum RepChange {
        /** Its days' activity (kpi-service's rep-days), a completed day among them. */
        ACTIVITY,
        /**
         * Today's activity only: the rules on completed days (the care rules) have nothing new; the others judge it as
         * {@link #ACTIVITY}.
         */
        TODAYS_ACTIVITY,
        /** An absence recorded, changed or withdrawn. */
        ABSENCE,
        /** Its 1:1s: one recorded or changed, or an action item done. */
        ACTION_ITEMS,
        /** Its development plan. */
        PLAN,
        /** Its team's settings changed (working hours, care rules, thresholds): the care rules judge again at once. */
        TEAM_SETTINGS,
        /** Nothing: the hour passed, or the team's backfill is over. */
        HOURLY;

        /** Whether this change is one of those. */
        boolean in(RepChange... changes) {
            for (RepChange change : changes) {
                if (change == this) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A rep to judge.
     *
     * @param rep     the rep as the roster has it (perhaps inactive)
     * @param team    its team (null when the roster does not know it)
     * @param context the signals' context: name, team, stance
     * @param zone    the team's time zone
     */
    record Rep(RepChanged rep, TeamChanged team, SignalStore.Context context, ZoneId zone) {

        public String repId() {
            return rep.repId();
        }
    }

    /**
     * A deal to judge.
     *
     * @param deal     the deal as coaching-service holds it
     * @param context  its owner's context, about the deal
     * @param zone     its owner's time zone
     * @param today    today in that zone
     * @param settings the thresholds of its owner's team
     */
    record Deal(DealView deal, SignalStore.Context context, ZoneId zone, LocalDate today, RuleSettings settings) {}

    /**
     * An objective to judge.
     *
     * @param progress         its latest figures
     * @param attainmentBefore its attainment before these figures (null when not news)
     * @param news             whether these figures just arrived (at risk and milestones are judged on news only)
     * @param context          its rep's context, or its team's
     * @param settings         the thresholds of its team
     */
    record Objective(
            ObjectiveProgressed progress,
            BigDecimal attainmentBefore,
            boolean news,
            SignalStore.Context context,
            RuleSettings settings) {}

    /**
     * A customer account to judge.
     *
     * @param account  the account as it stands
     * @param news     the contract facts that just arrived for it, with the account before and after each (none for
     *                 a touch, a score or the hourly pass)
     * @param context  its CSM's context, about the account (its name, ARR and next renewal in the summary)
     * @param zone     its CSM's time zone
     * @param today    today in that zone
     * @param settings the thresholds of its CSM's team
     */
    record Account(
            io.salespulse.coaching.customers.CustomerAccount account,
            List<io.salespulse.coaching.customers.CustomerBook.News> news,
            SignalStore.Context context,
            ZoneId zone,
            LocalDate today,
            RuleSettings settings) {}

    /**
     * A team to judge.
     *
     * @param teamId   the team
     * @param settings its thresholds
     */
    record Team(String teamId, RuleSettings settings) {}
}
