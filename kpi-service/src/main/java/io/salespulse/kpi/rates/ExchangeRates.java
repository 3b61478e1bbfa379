package io.salespulse.kpi.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The exchange-rate table an admin sets (the {@code exchange_rates} collection): one document per currency pair and
 * effective day, so setting the same rate again changes nothing and a new rate for a later day leaves the earlier
 * periods converted as they were.
 */
@Component
public class ExchangeRates {

    /** A rate as stored (the amount Decimal128, the day ISO text). */
    @Document("exchange_rates")
    public record Stored(
            @Id String id, String from, String to, BigDecimal rate, String effectiveFrom, Instant changedAt) {}

    private final MongoTemplate mongo;

    ExchangeRates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String idOf(String from, String to, LocalDate effectiveFrom) {
        return from + ">" + to + "@" + effectiveFrom;
    }

    /** Sets a rate; {@code false} when the same rate was already set for that pair and day. */
    public boolean put(String from, String to, BigDecimal rate, LocalDate effectiveFrom, Instant at) {
        String id = idOf(from, to, effectiveFrom);
        Stored held = mongo.findById(id, Stored.class);
        if (held != null && held.rate().compareTo(rate) == 0) {
            return false;
        }
        mongo.save(new Stored(id, from, to, rate, effectiveFrom.toString(), at));
        return true;
    }

    /** Every rate set, by pair then effective day. */
    public List<Stored> all() {
        return mongo.findAll(Stored.class).stream()
                .sorted(java.util.Comparator.comparing(Stored::id))
                .toList();
    }

    /** The table to convert with (read whole: a few rates per pair and month). */
    public RateTable table() {
        return new RateTable(all().stream()
                .map(s -> new RateTable.Rate(s.from(), s.to(), s.rate(), LocalDate.parse(s.effectiveFrom()), false))
                .toList());
    }
}
