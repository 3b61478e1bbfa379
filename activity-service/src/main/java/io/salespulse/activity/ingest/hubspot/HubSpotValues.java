package io.salespulse.activity.ingest.hubspot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** HubSpot's property values: dates and times come as epoch milliseconds or ISO 8601 text. */
final class HubSpotValues {

    private HubSpotValues() {
    }

    static Instant instant(String value) {
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

    /** A date property (HubSpot stores {@code closedate} as midnight UTC). */
    static LocalDate date(String value) {
        Instant instant = instant(value);
        return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
