package io.salespulse.cockpit.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/** Figures as the pages show them. */
final class Figures {

    private Figures() {}

    /** "+3", "−2", "=". */
    static String change(long now, long before) {
        long delta = now - before;
        return delta == 0 ? "=" : delta > 0 ? "+" + delta : "−" + -delta;
    }

    /** A share as a whole percentage, in the page's language ("33 %" in French, "33%" in English); none is "—". */
    static String percent(BigDecimal share, Locale locale) {
        if (share == null) {
            return "—";
        }
        long value = share.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
        return Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? value + " %" : value + "%";
    }

    /** Evidence that is a share of a whole: a ratio to a baseline, an attainment, an elapsed share, a rate, a milestone. */
    private static final java.util.Set<String> SHARES =
            java.util.Set.of("ratio", "attainment", "elapsed", "connectRate", "baselineConnectRate", "milestone");
    /** The signal types whose threshold is a share (of the baseline, or a connect rate); others count days, pushes, amounts. */
    private static final java.util.Set<String> SHARE_THRESHOLDS =
            java.util.Set.of("ACTIVITY_DROP", "BACK_ON_TRACK", "CONNECT_RATE_DROP");

    /**
     * A signal's evidence as a manager reads it: shares as percentages ("33 %" for a ratio of 0.3264, "60 %" for a drop's
     * threshold), everything else (days, counts, amounts, averages) as a number of the page's language with at most two
     * decimals ("205,25", "12 500").
     */
    static String evidence(String type, String name, BigDecimal value, Locale locale) {
        if (SHARES.contains(name) || "threshold".equals(name) && SHARE_THRESHOLDS.contains(type)) {
            return percent(value, locale);
        }
        return decimal(value, locale);
    }

    /** A figure with at most two decimals, as the page's language writes it ("205,25", "12 500", "6,96"). */
    static String decimal(BigDecimal value, Locale locale) {
        return number(
                value.setScale(
                        Math.min(2, Math.max(0, value.stripTrailingZeros().scale())), RoundingMode.HALF_UP),
                locale);
    }

    /**
     * A moment in a time zone as people write it: "lun. 30 nov., 09:05" in French, "Mon 30 Nov, 09:05" in English, with
     * the year when it is not this one; none is "—".
     */
    static String moment(java.time.Instant at, java.time.ZoneId zone, Locale locale) {
        if (at == null) {
            return "—";
        }
        java.time.ZonedDateTime local = at.atZone(zone);
        return day(local.toLocalDate(), locale) + ", "
                + java.time.format.DateTimeFormatter.ofPattern("HH:mm", locale).format(local);
    }

    /** A figure as the page's language writes it (0,3264 in French), up to four decimals. */
    static String number(BigDecimal value, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(4);
        return format.format(value);
    }

    /**
     * A day as people write it in the page's language: "lun. 30 nov." in French, "Mon 30 Nov" in English, with the
     * year when it is not this one ("mer. 31 déc. 2025"); a value that is not a day is shown as it is, and none as "—".
     */
    static String day(String iso, Locale locale) {
        return day(
                iso, locale, java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear());
    }

    static String day(String iso, Locale locale, int thisYear) {
        if (iso == null || iso.isBlank()) {
            return "—";
        }
        try {
            return day(java.time.LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso), locale, thisYear);
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** A day as people write it in the page's language (see {@link #day(String, Locale)}); none is "—". */
    static String day(java.time.LocalDate day, Locale locale) {
        return day(
                day, locale, java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear());
    }

    private static String day(java.time.LocalDate day, Locale locale, int thisYear) {
        if (day == null) {
            return "—";
        }
        String pattern = day.getYear() == thisYear ? "EEE d MMM" : "EEE d MMM yyyy";
        return java.time.format.DateTimeFormatter.ofPattern(pattern, locale).format(day);
    }

    /** An amount in whole units of its currency, as the page's language writes it ("12 500 EUR"). */
    static String amount(BigDecimal amount, String currency, Locale locale) {
        return number(amount.setScale(0, RoundingMode.HALF_UP), locale) + " " + currency;
    }

    /** Amounts per currency ("12 500 EUR, 3 000 USD"), or "—". */
    static String money(Map<String, BigDecimal> amounts, Locale locale) {
        if (amounts == null || amounts.isEmpty()) {
            return "—";
        }
        StringBuilder text = new StringBuilder();
        amounts.forEach((currency, value) -> {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            BigDecimal amount = value.setScale(0, RoundingMode.HALF_UP);
            text.append(String.format(locale, "%,d", amount.longValue()))
                    .append(' ')
                    .append(currency);
        });
        return text.toString();
    }
}
