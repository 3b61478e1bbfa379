package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.contracts.signal.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A rep's care figures as a page writes them, the same for the rep (My week) and its managers (the rep's page): its
 * evenings and days off worked this week and last, its share of activity outside working hours against its own usual,
 * its days in a row, its energy at its 1:1s and its 1:1 cadence, the care signals open about it and the rules its team
 * turned off. Never on a shared screen, never exported.
 */
final class CareSection {

    /** A care signal as the section lists it: its title and its figures. */
    record CareLine(String signalId, String title, List<Map.Entry<String, String>> evidence) {}

    /**
     * @param lines   the figures, one sentence each
     * @param signals the care signals open about the rep
     * @param rulesOff the care rules the team turned off, worded (empty: every rule on)
     */
    record View(List<String> lines, List<CareLine> signals, String rulesOff) {}

    private CareSection() {}

    static View of(CoachingClient.Care care, String name, Labels labels, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(labels.word("care.hours", locale, care.workdayStart(), care.workdayEnd()));
        if (care.thisWeek() != null) {
            lines.add(labels.word(
                    "care.thisWeek",
                    locale,
                    care.thisWeek().evenings(),
                    care.thisWeek().daysOffWorked()));
        }
        if (care.lastWeek() != null) {
            lines.add(labels.word(
                    "care.lastWeek",
                    locale,
                    care.lastWeek().evenings(),
                    care.lastWeek().daysOffWorked()));
        }
        if (care.afterHoursShare() != null) {
            lines.add(
                    care.baselineAfterHoursShare() == null
                            ? labels.word(
                                    "care.afterHoursOnly", locale, Figures.percent(care.afterHoursShare(), locale))
                            : labels.word(
                                    "care.afterHours",
                                    locale,
                                    Figures.percent(care.afterHoursShare(), locale),
                                    Figures.percent(care.baselineAfterHoursShare(), locale)));
        }
        lines.add(
                care.lastDayOff() == null
                        ? labels.word("care.daysInARowNoRest", locale, care.daysInARow())
                        : labels.word(
                                "care.daysInARow", locale, care.daysInARow(), Figures.day(care.lastDayOff(), locale)));
        if (!care.energy().isEmpty()) {
            lines.add(labels.word(
                    "care.energy",
                    locale,
                    care.energy().stream()
                            .map(check -> String.valueOf(check.energy()))
                            .collect(Collectors.joining(", "))));
        }
        lines.add(
                care.lastOneOnOne() == null
                        ? labels.word("care.noOneOnOne", locale, care.oneOnOneCadenceDays())
                        : labels.word(
                                "care.lastOneOnOne",
                                locale,
                                Figures.day(care.lastOneOnOne(), locale),
                                care.oneOnOneCadenceDays()));
        List<CareLine> signals = new ArrayList<>();
        for (CoachingClient.CareSignal signal : care.signals()) {
            List<Map.Entry<String, String>> facts = new ArrayList<>();
            for (Evidence e : signal.evidence()) {
                facts.add(Map.entry(
                        labels.evidence(e.name(), locale),
                        Figures.evidence(signal.type().name(), e.name(), e.value(), null, locale)));
            }
            signals.add(new CareLine(
                    signal.signalId(), labels.signalTitle(signal.type().name(), name, locale), facts));
        }
        String off = care.rulesOff().stream()
                .map(rule -> labels.word("care.rule." + rule, locale))
                .collect(Collectors.joining(", "));
        return new View(lines, signals, off);
    }
}
