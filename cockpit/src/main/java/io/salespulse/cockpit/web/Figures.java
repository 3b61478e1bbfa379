package io.salespulse.cockpit.web;

import io.salespulse.contracts.texts.Readable;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** Figures as the pages show them: {@link Readable}'s, the same as in every message the services send. */
final class Figures {

    /** The clock the pages' days are read against (the year a day is written without): the cockpit's own. */
    private static volatile java.time.Clock clock = java.time.Clock.systemUTC();

    private Figures() {}

    /** The cockpit's clock (shifted as the services' in the local run), for the year a day is written without. */
    static void readAgainst(java.time.Clock cockpitClock) {
        clock = cockpitClock;
    }

    private static int thisYear() {
        return java.time.LocalDate.now(clock).getYear();
    }

    /** "+3", "−2", "=". */
    static String change(long now, long before) {
        long delta = now - before;
        return delta == 0 ? "=" : delta > 0 ? "+" + delta : "−" + -delta;
    }

    /** A share as a whole percentage, in the page's language ("33 %" in French, "33%" in English); none is "—". */
    static String percent(BigDecimal share, Locale locale) {
        return Readable.percent(share, locale);
    }

    /** A signal's evidence as a manager reads it ({@link Readable#evidence}); {@code currency}: its deal's, or null. */
    static String evidence(String type, String name, BigDecimal value, String currency, Locale locale) {
        return Readable.evidence(type, name, value, currency, locale);
    }

    /** A figure with at most two decimals, as the page's language writes it ("205,25", "12 500", "6,96"). */
    static String decimal(BigDecimal value, Locale locale) {
        return Readable.decimal(value, locale);
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

    /**
     * How long ago, as people say it in the page's language: "à l'instant", "il y a 5 min", "il y a 3 h", "il y a 2
     * jours" ("just now", "5 min ago", "3 h ago", "2 days ago"); a week or more ago, the day ("lun. 30 nov.").
     */
    static String ago(
            java.time.Instant at, java.time.Instant now, java.time.ZoneId zone, Labels labels, Locale locale) {
        if (at == null) {
            return "—";
        }
        java.time.Duration since = java.time.Duration.between(at, now);
        if (since.toMinutes() < 1) {
            return labels.word("ago.now", locale);
        }
        if (since.toHours() < 1) {
            return labels.word("ago.minutes", locale, since.toMinutes());
        }
        if (since.toDays() < 1) {
            return labels.word("ago.hours", locale, since.toHours());
        }
        if (since.toDays() < 7) {
            return labels.word("ago.days", locale, since.toDays());
        }
        return day(at.atZone(zone).toLocalDate(), locale, now.atZone(zone).getYear());
    }

    /** A figure as the page's language writes it (0,3264 in French), up to four decimals. */
    static String number(BigDecimal value, Locale locale) {
        return Readable.number(value, locale);
    }

    /**
     * A day as people write it in the page's language: "lun. 30 nov." in French, "Mon 30 Nov" in English, with the
     * year when it is not this one ("mer. 31 déc. 2025"); a value that is not a day is shown as it is, and none as "—".
     */
    static String day(String iso, Locale locale) {
        return day(iso, locale, thisYear());
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
        return day(day, locale, thisYear());
    }

    private static String day(java.time.LocalDate day, Locale locale, int thisYear) {
        return Readable.day(day, locale, thisYear);
    }

    /** An amount in whole units of its currency, as the page's language writes it ("12 500 EUR"). */
    static String amount(BigDecimal amount, String currency, Locale locale) {
        return Readable.amount(amount, currency, locale);
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
            text.append(Readable.amount(value, currency, locale));
        });
        return text.toString();
    }
}
