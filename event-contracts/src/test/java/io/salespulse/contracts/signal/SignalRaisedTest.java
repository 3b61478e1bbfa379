package io.salespulse.contracts.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.org.Language;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalRaisedTest {

    @Test
    void anUpdatedSignalTakesTheNewSeverityAndFiguresAndKeepsItsDeal() {
        DealSummary deal = new DealSummary(
                "Globex",
                new Money(new BigDecimal("12000"), "EUR"),
                DealStage.NEGOTIATION,
                21L,
                LocalDate.of(2026, 12, 18),
                null);
        SignalRaised raised = new SignalRaised(
                "sig-1",
                SignalType.STALLED_DEAL,
                SubjectKind.DEAL,
                "hubspot-1",
                "ae-ines",
                "team-paris",
                Severity.WARNING,
                List.of(Evidence.of("daysInStage", 21)),
                Map.of(Language.en, "Ask what blocks it."),
                deal,
                Instant.parse("2026-12-01T09:00:00Z"));
        SignalUpdated update = new SignalUpdated(
                "sig-1",
                SignalType.STALLED_DEAL,
                "ae-ines",
                "team-paris",
                Severity.CRITICAL,
                List.of(Evidence.of("daysInStage", 30)),
                Instant.parse("2026-12-10T09:00:00Z"));

        SignalRaised now = raised.updatedBy(update);

        assertThat(now.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(now.evidence()).containsExactly(Evidence.of("daysInStage", 30));
        // What it is about stays as raised: a waiting deal signal once lost its deal here.
        assertThat(now.deal()).isEqualTo(deal);
        assertThat(now.suggestedAction()).isEqualTo(raised.suggestedAction());
        assertThat(now.occurredAt()).isEqualTo(raised.occurredAt());
    }
}
