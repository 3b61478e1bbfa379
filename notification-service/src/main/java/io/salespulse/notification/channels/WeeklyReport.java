package io.salespulse.notification.channels;

import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.org.Language;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The weekly digest for the Monday pipeline ritual, in the manager's language: last week's activity per rep against
 * the week before, objectives with attainment and pace, the pipeline (changes, forecast, funnel, deals due and
 * overdue), the open signals, and last week's recognitions.
 *
 * @param language  the manager's language
 * @param title     one line
 * @param sections  headed lists of lines
 * @param link      the manager's view
 * @param linkLabel the words of that link
 */
public record WeeklyReport(Language language, String title, List<Section> sections, String link, String linkLabel) {

    /**
     * @param heading the section's title
     * @param lines   its lines (one "none" line when empty)
     */
    public record Section(String heading, List<String> lines) {}

    /** A rep's last two weeks. */
    public record RepWeeks(String name, DailyActivity lastWeek, DailyActivity weekBefore) {}

    /** An objective as the digest tells it. */
    public record ObjectiveLine(
            String who, ObjectiveMetric metric, BigDecimal attainment, BigDecimal pace, ObjectiveStatus status) {}

    private static final List<Map.Entry<String, ToLongFunction<DailyActivity>>> MEASURES = List.of(
            Map.entry("calls", DailyActivity::calls),
            Map.entry("connected", DailyActivity::connectedCalls),
            Map.entry("emails", DailyActivity::emails),
            Map.entry("meetings-booked", DailyActivity::meetingsBooked),
            Map.entry("meetings-held", DailyActivity::meetingsHeld),
            Map.entry("deals-created", DailyActivity::dealsCreated),
            Map.entry("deals-won", DailyActivity::dealsWon));

    /** The report of the week starting {@code lastWeekStart} (a Monday), worded from the bundles. */
    public static WeeklyReport of(
            Language language,
            LocalDate lastWeekStart,
            List<RepWeeks> reps,
            List<ObjectiveLine> objectives,
            List<String> openSignals,
            List<String> recognitions,
            String link,
            Texts texts) {
        return of(language, lastWeekStart, reps, objectives, List.of(), openSignals, recognitions, link, texts);
    }

    /** The report with the pipeline sections ({@link PipelineSections}) after the objectives. */
    public static WeeklyReport of(
            Language language,
            LocalDate lastWeekStart,
            List<RepWeeks> reps,
            List<ObjectiveLine> objectives,
            List<Section> pipeline,
            List<String> openSignals,
            List<String> recognitions,
            String link,
            Texts texts) {
        String title = texts.get(language, "weekly.title", texts.date(lastWeekStart, language));
        List<String> activity = new ArrayList<>();
        for (RepWeeks rep : reps) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, ToLongFunction<DailyActivity>> measure : MEASURES) {
                long now = measure.getValue().applyAsLong(rep.lastWeek());
                long before = measure.getValue().applyAsLong(rep.weekBefore());
                parts.add(texts.get(
                        language,
                        "weekly.measure",
                        texts.get(language, "weekly.measure." + measure.getKey()),
                        String.valueOf(now),
                        change(now - before)));
            }
            activity.add(texts.get(language, "weekly.rep", rep.name(), String.join(", ", parts)));
        }
        List<String> goals = new ArrayList<>();
        for (ObjectiveLine objective : objectives) {
            goals.add(texts.get(
                    language,
                    "weekly.objective",
                    objective.who(),
                    texts.get(language, "objective.metric." + objective.metric()),
                    percent(objective.attainment(), language, texts),
                    percent(objective.pace(), language, texts),
                    texts.get(language, "objective.status." + objective.status())));
        }
        String none = texts.get(language, "weekly.none");
        List<Section> sections = new ArrayList<>(List.of(
                section(texts.get(language, "weekly.section.activity"), activity, none),
                section(texts.get(language, "weekly.section.objectives"), goals, none)));
        sections.addAll(pipeline);
        sections.add(section(texts.get(language, "weekly.section.signals"), openSignals, none));
        sections.add(section(texts.get(language, "weekly.section.recognitions"), recognitions, none));
        return new WeeklyReport(language, title, List.copyOf(sections), link, texts.openLabel(language));
    }

    private static Section section(String heading, List<String> lines, String none) {
        return new Section(heading, lines.isEmpty() ? List.of(none) : List.copyOf(lines));
    }

    private static String change(long delta) {
        return delta == 0 ? "=" : delta > 0 ? "+" + delta : "−" + -delta;
    }

    private static String percent(BigDecimal ratio, Language language, Texts texts) {
        if (ratio == null) {
            return "—";
        }
        return texts.get(
                language,
                "format.percent",
                ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString());
    }
}
