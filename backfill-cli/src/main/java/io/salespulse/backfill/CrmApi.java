package io.salespulse.backfill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A CRM's read API as the backfill calls it: a GET with the account's token, a {@code 429} (or a 5xx) waited out and
 * tried again ({@code Retry-After}, else the CRM's own reset header, else ten seconds; at most ten tries), and the pace
 * slowed when the CRM's rate-limit headers say the window is spent (HubSpot's {@code X-HubSpot-RateLimit-Remaining},
 * Pipedrive's {@code x-ratelimit-remaining}).
 */
final class CrmApi {

    private static final int MAX_ATTEMPTS = 10;

    private final String crm;
    private final String authHeader;
    private final String authValue;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int requests;
    private int waits;

    CrmApi(String crm, String authHeader, String authValue) {
        this.crm = crm;
        this.authHeader = authHeader;
        this.authValue = authValue;
    }

    int requests() {
        return requests;
    }

    int waits() {
        return waits;
    }

    String get(String url) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            requests++;
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header(authHeader, authValue)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if ((answer.statusCode() == 429 || answer.statusCode() >= 500) && attempt < MAX_ATTEMPTS) {
                waits++;
                long seconds = header(answer, "Retry-After")
                        .or(() -> header(answer, "x-ratelimit-reset"))
                        .map(CrmApi::seconds)
                        .orElse(10L);
                Thread.sleep(
                        Duration.ofSeconds(Math.max(1, Math.min(60, seconds))).toMillis());
                continue;
            }
            if (answer.statusCode() != 200) {
                throw new IOException(crm + " answered " + answer.statusCode() + " for " + url + ": " + answer.body());
            }
            if ("0".equals(header(answer, "X-HubSpot-RateLimit-Remaining").orElse(""))) {
                Thread.sleep(Math.min(
                        60_000,
                        header(answer, "X-HubSpot-RateLimit-Interval-Milliseconds")
                                .map(Long::parseLong)
                                .orElse(10_000L)));
            } else if ("0".equals(header(answer, "x-ratelimit-remaining").orElse(""))) {
                Thread.sleep(Duration.ofSeconds(Math.max(
                                1,
                                Math.min(
                                        60,
                                        header(answer, "x-ratelimit-reset")
                                                .map(CrmApi::seconds)
                                                .orElse(2L))))
                        .toMillis());
            }
            return answer.body();
        }
    }

    private static Optional<String> header(HttpResponse<String> answer, String name) {
        return answer.headers().firstValue(name);
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    /** A CRM's time: RFC 3339, epoch milliseconds, or Pipedrive's {@code 2026-11-02 10:00:00} (UTC); null otherwise. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.trim().replace(' ', 'T') + (text.contains("Z") ? "" : "Z"));
            } catch (DateTimeParseException notPipedrive) {
                try {
                    return Instant.ofEpochMilli(Long.parseLong(text.trim()));
                } catch (NumberFormatException notMillis) {
                    return null;
                }
            }
        }
    }
}
