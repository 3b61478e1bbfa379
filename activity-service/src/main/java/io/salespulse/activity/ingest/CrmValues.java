package io.salespulse.activity.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Values as CRMs send them: times as epoch milliseconds or ISO 8601 text, dates alone, decimals as text. */
public final class CrmValues {

    private CrmValues() {}

    /**
     * A CRM's scalar as text: a string or a number as written; {@code null} for null, for an array or an object (a
     * value of the wrong shape is no value, never an error).
     */
    public static String scalar(tools.jackson.databind.JsonNode value) {
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    public static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return Instant.ofEpochMilli(Long.parseLong(text));
        } catch (NumberFormatException notMillis) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    /** A decimal, or {@code null} when absent or not a number. */
    public static java.math.BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new java.math.BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date property (HubSpot stores {@code closedate} as midnight UTC; others send {@code 2026-12-17}). */
    public static LocalDate date(String value) {
        Instant instant = instant(value);
        return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
