package io.salespulse.notification.channels;

import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.org.Language;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The weekly digest for the Monday pipeline ritual, in the manager's language: last week's activity per rep against
 * the week before, objectives with attainment and pace, the open signals, and last week's recognitions.
 *
 * @param language the manager's language
 * @param title    one line
 * @param sections headed lists of lines
 * @param link     the manager's view
 */
public record WeeklyReport(Language language, String title, List<Section> sections, String link) {

    /**
     * @param heading the section's title
     * @param lines   its lines (one "none" line when empty)
     */
    public record Section(String heading, List<String> lines) {
    }

    /** A rep's last two weeks. */
    public record RepWeeks(String name, DailyActivity lastWeek, DailyActivity weekBefore) {
    }

    /** An objective as the digest tells it. */
    public record ObjectiveLine(String who, ObjectiveMetric metric, BigDecimal attainment, BigDecimal pace, ObjectiveStatus status) {
    }

    private static final List<Map.Entry<String[], ToLongFunction<DailyActivity>>> MEASURES = List.of(
            Map.entry(new String[] {"appels", "calls"}, DailyActivity::calls),
            Map.entry(new String[] {"décrochés", "connected"}, DailyActivity::connectedCalls),
            Map.entry(new String[] {"e-mails", "emails"}, DailyActivity::emails),
            Map.entry(new String[] {"RDV pris", "meetings booked"}, DailyActivity::meetingsBooked),
            Map.entry(new String[] {"RDV tenus", "meetings held"}, DailyActivity::meetingsHeld),
            Map.entry(new String[] {"affaires créées", "deals created"}, DailyActivity::dealsCreated),
            Map.entry(new String[] {"affaires gagnées", "deals won"}, DailyActivity::dealsWon));

    private static final Map<ObjectiveMetric, String[]> METRICS = Map.of(
            ObjectiveMetric.CALLS, new String[] {"appels", "calls"},
            ObjectiveMetric.CONNECTED_CALLS, new String[] {"appels décrochés", "connected calls"},
            ObjectiveMetric.EMAILS, new String[] {"e-mails", "emails"},
            ObjectiveMetric.MEETINGS_BOOKED, new String[] {"RDV pris", "meetings booked"},
            ObjectiveMetric.MEETINGS_HELD, new String[] {"RDV tenus", "meetings held"},
            ObjectiveMetric.DEALS_CREATED, new String[] {"affaires créées", "deals created"},
            ObjectiveMetric.PIPELINE_CREATED, new String[] {"pipeline créé", "pipeline created"},
            ObjectiveMetric.DEALS_WON, new String[] {"affaires gagnées", "deals won"},
            ObjectiveMetric.REVENUE_WON, new String[] {"chiffre d'affaires signé", "revenue won"});

    private static final Map<ObjectiveStatus, String[]> STATUSES = Map.of(
            ObjectiveStatus.ACHIEVED, new String[] {"atteint", "achieved"},
            ObjectiveStatus.ON_TRACK, new String[] {"en bonne voie", "on track"},
            ObjectiveStatus.AT_RISK, new String[] {"à risque", "at risk"},
            ObjectiveStatus.OFF_TRACK, new String[] {"en retard", "off track"});

    /** The report of the week starting {@code lastWeekStart} (a Monday). */
    public static WeeklyReport of(Language language, LocalDate lastWeekStart, List<RepWeeks> reps, List<ObjectiveLine> objectives,
                                  List<String> openSignals, List<String> recognitions, String link) {
        boolean fr = language == Language.fr;
        int i = fr ? 0 : 1;
        String title = fr ? "Revue hebdomadaire : semaine du " + lastWeekStart.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                : "Weekly review: week of " + lastWeekStart;
        List<String> activity = new ArrayList<>();
        for (RepWeeks rep : reps) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String[], ToLongFunction<DailyActivity>> measure : MEASURES) {
                long now = measure.getValue().applyAsLong(rep.lastWeek());
                long before = measure.getValue().applyAsLong(rep.weekBefore());
                parts.add(measure.getKey()[i] + " " + now + " (" + change(now - before) + ")");
            }
            activity.add(rep.name() + (fr ? " : " : ": ") + String.join(", ", parts));
        }
        List<String> goals = new ArrayList<>();
        for (ObjectiveLine objective : objectives) {
            goals.add(objective.who() + " · " + METRICS.get(objective.metric())[i] + (fr ? " : " : ": ")
                    + percent(objective.attainment(), language) + (fr ? " atteint, rythme " : " attained, pace ")
                    + decimal(objective.pace(), language) + " — " + STATUSES.get(objective.status())[i]);
        }
        List<Section> sections = List.of(
                section(fr ? "Activité de la semaine (écart avec la précédente)" : "Last week's activity (change from the week before)",
                        activity, fr),
                section(fr ? "Objectifs et rythme" : "Objectives and pace", goals, fr),
                section(fr ? "Signaux ouverts" : "Open signals", openSignals, fr),
                section(fr ? "Réussites à saluer" : "Recognitions", recognitions, fr));
        return new WeeklyReport(language, title, sections, link);
    }

    private static Section section(String heading, List<String> lines, boolean fr) {
        return new Section(heading, lines.isEmpty() ? List.of(fr ? "Aucun" : "None") : List.copyOf(lines));
    }

    private static String change(long delta) {
        return delta == 0 ? "=" : delta > 0 ? "+" + delta : "−" + -delta;
    }

    private static String percent(BigDecimal ratio, Language language) {
        if (ratio == null) {
            return "—";
        }
        String value = ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString();
        return language == Language.fr ? value + " %" : value + "%";
    }

    private static String decimal(BigDecimal value, Language language) {
        if (value == null) {
            return "—";
        }
        String text = value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return language == Language.fr ? text.replace('.', ',') : text;
    }

    String viewLabel() {
        return language == Language.fr ? "Voir dans SalesPulse" : "Open in SalesPulse";
    }
}
