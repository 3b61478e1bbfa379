package io.salespulse.notification.channels;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.kpi.PipelineReviewed;
import io.salespulse.contracts.org.Language;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The Monday digest's pipeline sections, from each team's {@link PipelineReviewed}: what moved in the pipeline last
 * week, the quarter's forecast against quota, the funnel's conversions against the week before, the deals expected to
 * close this week and those overdue. With several teams, each line names its team.
 */
public final class PipelineSections {

    private static final List<String> CHANGES = List.of(
            "CREATED", "ADVANCED", "MOVED_BACK", "PUSHED", "PULLED_IN", "AMOUNT_UP", "AMOUNT_DOWN", "WON", "LOST");
    private static final List<String> STEPS =
            List.of("connectedCalls", "meetingsBooked", "meetingsHeld", "dealsCreated", "dealsWon");

    private PipelineSections() {}

    /** A team's review, with the team's name. */
    public record TeamReview(String teamName, PipelineReviewed review) {}

    /**
     * The sections, in the manager's language; {@code missing} names the teams whose review has not come (their lines
     * say so), {@code repName} names a rep by id.
     */
    public static List<WeeklyReport.Section> of(
            Language language,
            List<TeamReview> reviews,
            List<String> missing,
            UnaryOperator<String> repName,
            Texts texts) {
        boolean several = reviews.size() + missing.size() > 1;
        List<String> changes = new ArrayList<>();
        List<String> forecast = new ArrayList<>();
        List<String> funnel = new ArrayList<>();
        List<String> closing = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        for (TeamReview team : reviews) {
            PipelineReviewed r = team.review();
            String prefix = several ? team.teamName() + " · " : "";
            for (String change : CHANGES) {
                PipelineReviewed.Change figure = r.changes().get(change);
                if (figure != null && figure.deals() > 0) {
                    changes.add(prefix
                            + texts.get(
                                    language,
                                    "weekly.change",
                                    texts.get(language, "weekly.change." + change),
                                    figure.deals(),
                                    amounts(figure.amount(), language, texts)));
                }
            }
            for (PipelineReviewed.Forecast f : r.forecast()) {
                String closed = texts.money(new Money(f.closed(), f.currency()), language);
                String commit = texts.money(new Money(f.commitTotal(), f.currency()), language);
                String best = texts.money(new Money(f.bestCaseTotal(), f.currency()), language);
                forecast.add(prefix
                        + (f.quota() == null || f.quota().signum() <= 0
                                ? texts.get(language, "weekly.forecast.no-quota", closed, commit, best)
                                : texts.get(
                                        language,
                                        "weekly.forecast",
                                        closed,
                                        commit,
                                        best,
                                        texts.money(new Money(f.quota(), f.currency()), language),
                                        percent(
                                                f.closed().divide(f.quota(), 4, RoundingMode.HALF_UP),
                                                language,
                                                texts))));
            }
            for (String step : STEPS) {
                Long count = r.funnel().steps().get(step);
                BigDecimal now = r.funnel().conversions().get(step);
                BigDecimal before = r.funnelWeekBefore() == null
                        ? null
                        : r.funnelWeekBefore().conversions().get(step);
                funnel.add(prefix
                        + texts.get(
                                language,
                                "weekly.funnel",
                                texts.get(language, "weekly.funnel." + step),
                                count == null ? 0 : count,
                                percent(now, language, texts),
                                percent(before, language, texts)));
            }
            for (PipelineReviewed.DealDue deal : r.closingThisWeek()) {
                closing.add(prefix + due(deal, language, repName, texts));
            }
            for (PipelineReviewed.DealDue deal : r.overdue()) {
                overdue.add(prefix + due(deal, language, repName, texts));
            }
        }
        for (String team : missing) {
            String line = (several ? team + " · " : "") + texts.get(language, "weekly.pipeline.unavailable");
            changes.add(line);
            forecast.add(line);
            funnel.add(line);
        }
        String none = texts.get(language, "weekly.none");
        return List.of(
                section(texts.get(language, "weekly.section.pipeline"), changes, none),
                section(texts.get(language, "weekly.section.forecast"), forecast, none),
                section(texts.get(language, "weekly.section.funnel"), funnel, none),
                section(texts.get(language, "weekly.section.closing"), closing, none),
                section(texts.get(language, "weekly.section.overdue"), overdue, none));
    }

    private static String due(
            PipelineReviewed.DealDue deal, Language language, UnaryOperator<String> repName, Texts texts) {
        return texts.get(
                language,
                "weekly.deal",
                deal.name(),
                repName.apply(deal.ownerRepId()),
                deal.amount() == null ? "—" : texts.money(deal.amount(), language),
                texts.date(deal.expectedCloseDate(), language));
    }

    private static String amounts(Map<String, BigDecimal> amounts, Language language, Texts texts) {
        if (amounts.isEmpty()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(amounts)
                .forEach((currency, amount) -> parts.add(texts.money(new Money(amount, currency), language)));
        return String.join(" + ", parts);
    }

    private static String percent(BigDecimal ratio, Language language, Texts texts) {
        return ratio == null
                ? "—"
                : texts.get(
                        language,
                        "format.percent",
                        ratio.movePointRight(2)
                                .setScale(0, RoundingMode.HALF_UP)
                                .toPlainString());
    }

    private static WeeklyReport.Section section(String heading, List<String> lines, String none) {
        return new WeeklyReport.Section(heading, lines.isEmpty() ? List.of(none) : List.copyOf(lines));
    }
}
