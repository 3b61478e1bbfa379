package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.KpiClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A team's open pipeline as the board shows it: per stage the deals, amount, weighted amount, how long its open deals
 * have been in it (median, and the oldest by name) beside the team's median finished stay; the totals; and the
 * coverage of each running revenue objective.
 */
record PipelineView(List<StageLine> stages, String open, String weighted, List<CoverageLine> coverage) {

    /** One stage. */
    record StageLine(
            String stage,
            String label,
            long deals,
            String probability,
            String amount,
            String weighted,
            String medianDays,
            String openAge) {}

    /** One revenue objective's coverage: open pipeline expected by its end over what is left to win. */
    record CoverageLine(
            String who, String periodEnd, String expected, String remaining, String coverage, boolean low) {}

    /** "median 4 d · oldest: Globex, 20 d" for a stage's open deals, or "—" with none. */
    private static String openAge(KpiClient.StageRow row, Labels labels, Locale locale) {
        KpiClient.OldestDeal oldest = row.oldest();
        if (oldest == null) {
            return "—";
        }
        return labels.word(
                "pipeline.openAge.line",
                locale,
                row.medianDaysOpen() == null ? "—" : Figures.number(row.medianDaysOpen(), locale),
                oldest.name() != null ? oldest.name() : oldest.dealId(),
                oldest.days());
    }

    static PipelineView of(KpiClient.Pipeline pipeline, Map<String, String> names, Labels labels, Locale locale) {
        List<StageLine> stages = new ArrayList<>();
        for (KpiClient.StageRow row : pipeline.stages()) {
            BigDecimal median = pipeline.medianDaysInStage().get(row.stage());
            stages.add(new StageLine(
                    row.stage(),
                    labels.word("stage." + row.stage(), locale),
                    row.deals(),
                    Figures.percent(row.probability(), locale),
                    Figures.money(row.amount(), locale),
                    Figures.money(row.weighted(), locale),
                    median != null ? Figures.number(median, locale) : "—",
                    openAge(row, labels, locale)));
        }
        List<CoverageLine> coverage = new ArrayList<>();
        for (KpiClient.Coverage line : pipeline.coverage()) {
            BigDecimal ratio = line.coverage();
            coverage.add(new CoverageLine(
                    names.getOrDefault(line.scopeId(), line.scopeId()),
                    Figures.day(line.periodEnd(), locale),
                    Figures.amount(line.openExpectedInPeriod(), line.currency(), locale),
                    Figures.amount(line.remaining(), line.currency(), locale),
                    ratio == null ? null : Figures.number(ratio.setScale(2, RoundingMode.HALF_UP), locale) + "×",
                    ratio != null && ratio.compareTo(BigDecimal.ONE) < 0));
        }
        return new PipelineView(
                stages, Figures.money(pipeline.open(), locale), Figures.money(pipeline.weighted(), locale), coverage);
    }
}
