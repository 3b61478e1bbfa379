package io.salespulse.cockpit.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Figures as the pages show them. */
final class Figures {

    private Figures() {
    }

    static long count(JsonNode node, String field) {
        return node == null || node.get(field) == null || node.get(field).isNull() ? 0 : node.get(field).asLong();
    }

    /** "+3", "−2", "=". */
    static String change(long now, long before) {
        long delta = now - before;
        return delta == 0 ? "=" : delta > 0 ? "+" + delta : "−" + -delta;
    }

    /** A ratio as a whole percentage, in the page's language. */
    static String percent(JsonNode ratio, Locale locale) {
        if (ratio == null || ratio.isNull()) {
            return "—";
        }
        long value = ratio.decimalValue().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
        return Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? value + " %" : value + "%";
    }

    /** A figure as the page's language writes it (0,3264 in French), up to four decimals. */
    static String number(BigDecimal value, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(4);
        return format.format(value);
    }

    /** An amount in whole units of its currency, as the page's language writes it ("12 500 EUR"). */
    static String amount(BigDecimal amount, String currency, Locale locale) {
        return number(amount.setScale(0, RoundingMode.HALF_UP), locale) + " " + currency;
    }

    /** Amounts per currency ("12 500 EUR, 3 000 USD"), or "—". */
    static String money(JsonNode amounts, Locale locale) {
        if (amounts == null || amounts.isNull() || amounts.isEmpty()) {
            return "—";
        }
        StringBuilder text = new StringBuilder();
        for (var entry : amounts.properties()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            BigDecimal amount = entry.getValue().decimalValue().setScale(0, RoundingMode.HALF_UP);
            text.append(String.format(locale, "%,d", amount.longValue())).append(' ').append(entry.getKey());
        }
        return text.toString();
    }
}
