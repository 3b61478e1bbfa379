package io.salespulse.contracts.texts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Figures as people read them, the same in every page of the cockpit and every message a service sends: one way per
 * language to write a day, an amount, a share and a number.
 */
public final class Readable {

    private Readable() {}

    /**
     * A day as people write it in the language: "lun. 30 nov." in French, "Mon 30 Nov" in English, with the year when
     * it is not {@code thisYear} (the reader's clock's: "mer. 31 déc. 2025"); none is "—".
     */
    public static String day(LocalDate day, Locale locale, int thisYear) {
        if (day == null) {
            return "—";
        }
        String pattern = day.getYear() == thisYear ? "EEE d MMM" : "EEE d MMM yyyy";
        return DateTimeFormatter.ofPattern(pattern, locale).format(day);
    }

    /** An amount in whole units of its currency, as the language writes it ("12 500 EUR", "12,500 USD"). */
    public static String amount(BigDecimal amount, String currency, Locale locale) {
        return number(amount.setScale(0, RoundingMode.HALF_UP), locale) + " " + currency;
    }

    /** A share as a whole percentage, as the language writes it ("33 %" in French, "33%" in English); none is "—". */
    public static String percent(BigDecimal share, Locale locale) {
        if (share == null) {
            return "—";
        }
        long value = share.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
        return French.is(locale) ? value + " %" : value + "%";
    }

    /** Evidence that is a share of a whole: a ratio to a baseline, an attainment, an elapsed share, a rate, a milestone. */
    private static final java.util.Set<String> SHARES = java.util.Set.of(
            "ratio",
            "attainment",
            "elapsed",
            "connectRate",
            "baselineConnectRate",
            "milestone",
            "afterHoursShare",
            "baselineAfterHoursShare",
            "weekRatio");

    /** Evidence that is an amount of the signal's summary's currency: a customer's ARR. */
    private static final java.util.Set<String> AMOUNTS =
            java.util.Set.of("arr", "arrBefore", "arrAfter", "arrAdded", "arrLost");

    /** The signal types whose threshold is a share (of the baseline, or a connect rate); others count days, pushes, amounts. */
    private static final java.util.Set<String> SHARE_THRESHOLDS = java.util.Set.of(
            "ACTIVITY_DROP", "BACK_ON_TRACK", "CONNECT_RATE_DROP", "AFTER_HOURS_RISING", "SUSTAINED_OVERLOAD");

    /**
     * A signal's evidence as a manager reads it, on a page or in a message: shares as percentages ("33 %" for a ratio of
     * 0.3264, "60 %" for a drop's threshold), a big win's amount and threshold in its deal's currency ("68 000 EUR"),
     * a customer's ARR in its currency ("60 000 EUR"), a coverage and its threshold as multiples ("0,34×", "3,00×"), everything else (days, counts, amounts, averages) as a number with at most two decimals ("205,25", "12 500").
     *
     * @param currency the signal's deal's currency, or null
     */
    public static String evidence(String type, String name, BigDecimal value, String currency, Locale locale) {
        if (value == null) {
            return "";
        }
        if (SHARES.contains(name) || "threshold".equals(name) && SHARE_THRESHOLDS.contains(type)) {
            return percent(value, locale);
        }
        if (currency != null
                && ("BIG_WIN".equals(type) && ("amount".equals(name) || "threshold".equals(name))
                        || AMOUNTS.contains(name))) {
            return amount(value, currency, locale);
        }
        if ("coverage".equals(name) || "threshold".equals(name) && "LOW_COVERAGE".equals(type)) {
            // A multiple of what is left to win, as the board writes it: "0,34×".
            NumberFormat multiple = NumberFormat.getNumberInstance(locale);
            multiple.setMinimumFractionDigits(2);
            multiple.setMaximumFractionDigits(2);
            return multiple.format(value.setScale(2, RoundingMode.HALF_UP)) + "×";
        }
        return decimal(value, locale);
    }

    /** A figure with at most two decimals, as the language writes it ("205,25", "12 500", "6,96"). */
    public static String decimal(BigDecimal value, Locale locale) {
        return number(
                value.setScale(
                        Math.min(2, Math.max(0, value.stripTrailingZeros().scale())), RoundingMode.HALF_UP),
                locale);
    }

    /** A figure as the language writes it (0,3264 in French), up to four decimals. */
    public static String number(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(4);
        return format.format(value);
    }
}
