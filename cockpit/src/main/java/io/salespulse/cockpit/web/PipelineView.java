package io.salespulse.cockpit.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

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
    private static String openAge(JsonNode row, Labels labels, Locale locale) {
        JsonNode oldest = row.get("oldest");
        if (oldest == null || oldest.isNull()) {
            return "—";
        }
        String name = oldest.hasNonNull("name")
                ? oldest.get("name").asString()
                : oldest.get("dealId").asString();
        return labels.word(
                "pipeline.openAge.line",
                locale,
                Figures.number(row.get("medianDaysOpen").decimalValue(), locale),
                name,
                oldest.get("days").asLong());
    }

    static PipelineView of(JsonNode pipeline, Map<String, String> names, Labels labels, Locale locale) {
        JsonNode medians = pipeline.path("medianDaysInStage");
        List<StageLine> stages = new ArrayList<>();
        for (JsonNode row : pipeline.get("stages")) {
            String stage = row.get("stage").asString();
            stages.add(new StageLine(
                    stage,
                    labels.word("stage." + stage, locale),
                    row.get("deals").asLong(),
                    Figures.percent(row.get("probability"), locale),
                    Figures.money(row.get("amount"), locale),
                    Figures.money(row.get("weighted"), locale),
                    medians.hasNonNull(stage)
                            ? Figures.number(medians.get(stage).decimalValue(), locale)
                            : "—",
                    openAge(row, labels, locale)));
        }
        List<CoverageLine> coverage = new ArrayList<>();
        for (JsonNode line : pipeline.get("coverage")) {
            String scopeId = line.get("scopeId").asString();
            String currency = line.get("currency").asString();
            JsonNode ratio = line.get("coverage");
            coverage.add(new CoverageLine(
                    names.getOrDefault(scopeId, scopeId),
                    Figures.day(line.get("periodEnd").asString(), locale),
                    Figures.amount(line.get("openExpectedInPeriod").decimalValue(), currency, locale),
                    Figures.amount(line.get("remaining").decimalValue(), currency, locale),
                    ratio == null || ratio.isNull()
                            ? null
                            : Figures.number(ratio.decimalValue().setScale(2, RoundingMode.HALF_UP), locale) + "×",
                    ratio != null && !ratio.isNull() && ratio.decimalValue().compareTo(BigDecimal.ONE) < 0));
        }
        return new PipelineView(
                stages,
                Figures.money(pipeline.get("open"), locale),
                Figures.money(pipeline.get("weighted"), locale),
                coverage);
    }
}
