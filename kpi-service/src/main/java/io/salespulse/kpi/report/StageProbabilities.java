package io.salespulse.kpi.report;

import io.salespulse.contracts.deal.DealStage;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Win probability per canonical stage, for the weighted pipeline: the defaults of {@link DealStage}, overridable per
 * installation with {@code salespulse.kpi.stage-probabilities.<STAGE>=0.35}.
 */
@ConfigurationProperties("salespulse.kpi")
public record StageProbabilities(Map<DealStage, BigDecimal> stageProbabilities) {

    public BigDecimal of(DealStage stage) {
        Map<DealStage, BigDecimal> configured = stageProbabilities == null ? Map.of() : stageProbabilities;
        return configured.getOrDefault(stage, BigDecimal.valueOf(stage.defaultWinProbability()));
    }

    public Map<DealStage, BigDecimal> all() {
        Map<DealStage, BigDecimal> all = new EnumMap<>(DealStage.class);
        for (DealStage stage : DealStage.values()) {
            all.put(stage, of(stage));
        }
        return all;
    }
}
