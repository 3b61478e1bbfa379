package io.salespulse.kit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    record Progress(
            String id,
            Money target,
            BigDecimal attainment,
            double pace,
            long calls,
            List<BigDecimal> milestones,
            Instant at) {}

    private static final Progress PROGRESS = new Progress(
            "obj-1",
            new Money(new BigDecimal("30000.10"), "EUR"),
            new BigDecimal("0.6230"),
            0.9,
            42,
            List.of(new BigDecimal("0.5"), BigDecimal.ONE),
            Instant.parse("2026-11-25T17:00:00Z"));

    @Test
    void amountsAndRatiosAreStoredAsDecimal128AndReadBackExactly() {
        Document doc = Documents.of(PROGRESS);
        assertThat(doc.get("attainment")).isEqualTo(new Decimal128(new BigDecimal("0.6230")));
        assertThat(((Document) doc.get("target")).get("amount")).isEqualTo(new Decimal128(new BigDecimal("30000.10")));
        assertThat(doc.getList("milestones", Object.class)).allMatch(Decimal128.class::isInstance);
        assertThat(doc.get("calls")).isEqualTo(42);
        assertThat(doc.get("at")).isEqualTo("2026-11-25T17:00:00Z");
        assertThat(Documents.read(doc, Progress.class)).isEqualTo(PROGRESS);
    }

    @Test
    void whatOlderVersionsStoredStillReads() {
        // Before Decimal128: BigDecimal went through JSON into a double; hand-built stores kept decimal strings.
        Document old = new Document("_id", "obj-1")
                .append("id", "obj-1")
                .append("target", new Document("amount", 30000.1).append("currency", "EUR"))
                .append("attainment", 0.623)
                .append("pace", 0.9)
                .append("calls", 42L)
                .append("milestones", List.of(0.5, 1))
                .append("at", "2026-11-25T17:00:00Z")
                .append("updatedAt", new Date());
        Progress read = Documents.read(old, Progress.class);
        assertThat(read.target().amount()).isEqualByComparingTo("30000.1");
        assertThat(read.attainment()).isEqualByComparingTo("0.623");
        assertThat(read.milestones()).containsExactly(new BigDecimal("0.5"), BigDecimal.ONE);
        assertThat(Decimals.read("12.50")).isEqualTo(new BigDecimal("12.50"));
        assertThat(Decimals.read(7L)).isEqualTo(BigDecimal.valueOf(7));
        assertThat(Decimals.read(null)).isNull();
    }

    @Test
    void aDecimalBeyondDecimal128sDigitsIsRoundedNotRefused() {
        BigDecimal third = BigDecimal.ONE.divide(new BigDecimal("3"), 50, java.math.RoundingMode.HALF_UP);
        assertThat(Decimals.bson(third).bigDecimalValue().precision()).isEqualTo(34);
    }
}
