package io.salespulse.kpi.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An amount held in several currencies, and its total in one (a unit's reporting currency) at the rates of a day:
 * each currency's amount converted at its rate, rounded to the cent, then added. The rates used are given with it, to be
 * shown beside the figure; a currency without a rate leaves the total out ({@code null}) and is named in
 * {@code missing}, so the figure is read per currency. Pure.
 *
 * @param amounts   the amount in each currency, as held
 * @param currency  the currency of the total
 * @param total     the total in {@code currency}; {@code null} when a rate is missing
 * @param day       the day whose rates were used
 * @param rates     the rates used (none for an amount already in {@code currency})
 * @param missing   the currencies with no rate into {@code currency} on that day
 */
public record Conversion(
        Map<String, BigDecimal> amounts,
        String currency,
        BigDecimal total,
        LocalDate day,
        List<RateTable.Rate> rates,
        List<String> missing) {

    public static Conversion of(Map<String, BigDecimal> amounts, String currency, LocalDate day, RateTable table) {
        Map<String, BigDecimal> held = new TreeMap<>(amounts == null ? Map.of() : amounts);
        BigDecimal total = BigDecimal.ZERO;
        List<RateTable.Rate> used = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> entry : held.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            Optional<RateTable.Rate> rate = table.rate(entry.getKey(), currency, day);
            if (rate.isEmpty()) {
                missing.add(entry.getKey());
                continue;
            }
            if (!entry.getKey().equals(currency)) {
                used.add(rate.get());
            }
            total = total.add(entry.getValue().multiply(rate.get().rate()).setScale(2, RoundingMode.HALF_EVEN));
        }
        return new Conversion(held, currency, missing.isEmpty() ? total : null, day, used, missing);
    }

    /** The sum of conversions of the same currency and day: amounts added per currency, converted again. */
    public static Conversion sum(List<Conversion> parts, String currency, LocalDate day, RateTable table) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        parts.forEach(part -> part.amounts().forEach((c, a) -> amounts.merge(c, a, BigDecimal::add)));
        return of(amounts, currency, day, table);
    }
}
