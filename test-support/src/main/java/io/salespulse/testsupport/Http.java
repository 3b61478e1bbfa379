package io.salespulse.testsupport;

import io.salespulse.contracts.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A plain HTTP client for tests that call a running service the way a CRM or a browser would. Calls to
 * {@code /api/} (but the ingest API) carry an admin token ({@link TestTokens#admin()}) unless the test passes its own
 * {@code Authorization} header; an empty one sends none.
 */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    /** An answer: status, content type, body and the next page's URL from a {@code Link: <...>; rel="next"} header, if any. */
    public record Answer(int status, String contentType, String body, String next, String etag) {

        public JsonNode json() {
            return EventCodec.mapper().readTree(body);
        }
    }

    private static String next(HttpResponse<?> response) {
        for (String link : response.headers().allValues("Link")) {
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"")
                    .matcher(link);
            if (next.find()) {
                return next.group(1);
            }
        }
        return null;
    }

    public static Answer send(String method, String url, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        boolean authorization = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if ("Authorization".equalsIgnoreCase(headers[i])) {
                authorization = true;
                if (headers[i + 1].isEmpty()) {
                    continue;
                }
            }
            request.header(headers[i], headers[i + 1]);
        }
        if (!authorization && url.contains("/api/") && !url.contains("/api/v1/events")) {
            request.header("Authorization", "Bearer " + TestTokens.admin());
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    next(response),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Answer get(String url, String... headers) {
        return send("GET", url, null, null, headers);
    }

    public static Answer put(String url, String json, String... headers) {
        return send("PUT", url, "application/json", json, headers);
    }

    public static Answer post(String url, String contentType, String body, String... headers) {
        return send("POST", url, contentType, body, headers);
    }

    /**
     * The sum of a metric's samples in a service's Prometheus scrape whose line contains {@code labelFragment}
     * (0 when none): what a test awaits to know the service consumed something.
     */
    public static double scrapeSum(String baseUrl, String metric, String labelFragment) {
        return get(baseUrl + "/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith(metric + "{") && line.contains(labelFragment))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
