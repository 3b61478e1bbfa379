package io.salespulse.kpi.rates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exchange rates as set (docs/kpis-and-signals.md, "Currencies in a unit's totals"): each says how much of
 * {@code to} one {@code from} buys from its effective day until the next rate of the same pair. The rate of a day is
 * the pair's latest rate effective on or before it; a pair set only the other way round is used inverted (one rate, one
 * meaning); no rate, no conversion (never a chain through a third currency, never a guess). Pure.
 */
public final class RateTable {

    /**
     * A rate in force.
     *
     * @param from          the currency converted
     * @param to            the currency it is converted into
     * @param rate          how much of {@code to} one {@code from} buys
     * @param effectiveFrom the first day it applies
     * @param inverted      whether it is the inverse of the rate set for {@code to → from}
     */
    public record Rate(String from, String to, BigDecimal rate, LocalDate effectiveFrom, boolean inverted) {}

    private final Map<String, List<Rate>> byPair = new TreeMap<>();

    public RateTable(Collection<Rate> rates) {
        for (Rate rate : rates) {
            byPair.computeIfAbsent(rate.from() + ">" + rate.to(), k -> new ArrayList<>())
                    .add(rate);
        }
        byPair.values().forEach(list -> list.sort(Comparator.comparing(Rate::effectiveFrom)));
    }

    /** The rate converting {@code from} into {@code to} on {@code day} (1 for the same currency), if one is set. */
    public Optional<Rate> rate(String from, String to, LocalDate day) {
        if (from.equals(to)) {
            return Optional.of(new Rate(from, to, BigDecimal.ONE, LocalDate.MIN, false));
        }
        Optional<Rate> direct = latest(from + ">" + to, day);
        if (direct.isPresent()) {
            return direct;
        }
        return latest(to + ">" + from, day)
                .map(other -> new Rate(
                        from,
                        to,
                        BigDecimal.ONE.divide(other.rate(), new MathContext(10, RoundingMode.HALF_EVEN)),
                        other.effectiveFrom(),
                        true));
    }

    private Optional<Rate> latest(String pair, LocalDate day) {
        Rate found = null;
        for (Rate rate : byPair.getOrDefault(pair, List.of())) {
            if (rate.effectiveFrom().isAfter(day)) {
                break;
            }
            found = rate;
        }
        return Optional.ofNullable(found);
    }
}
