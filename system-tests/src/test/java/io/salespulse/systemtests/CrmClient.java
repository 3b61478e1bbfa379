package io.salespulse.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts to activity-service as each CRM does: CloudEvents with the ingest key, HubSpot and Twenty signed (with the
 * time of the service's clock, which a test may shift), Pipedrive with HTTP Basic, Salesforce to its organisation's
 * endpoint secret. Every request is retried as a CRM retries (connection refused, 5xx, 429) until it is answered 202,
 * so what it was told is accepted is what must be counted; any other answer fails the test.
 *
 * @param activityUrl        activity-service's base URL
 * @param ingestKey          the CloudEvents ingest key
 * @param hubspotSecret      the HubSpot app's client secret
 * @param pipedriveUser      Pipedrive's webhook user
 * @param pipedrivePassword  and password
 * @param twentySecret       Twenty's webhook secret
 * @param salesforceSecret   the Salesforce organisation's endpoint secret (null: none configured)
 * @param clock              the services' clock (signatures carry its time)
 */
record CrmClient(
        String activityUrl,
        String ingestKey,
        String hubspotSecret,
        String pipedriveUser,
        String pipedrivePassword,
        String twentySecret,
        String salesforceSecret,
        Clock clock,
        Counts counts) {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    CrmClient(
            String activityUrl,
            String ingestKey,
            String hubspotSecret,
            String pipedriveUser,
            String pipedrivePassword,
            String twentySecret,
            String salesforceSecret,
            Clock clock) {
        this(
                activityUrl,
                ingestKey,
                hubspotSecret,
                pipedriveUser,
                pipedrivePassword,
                twentySecret,
                salesforceSecret,
                clock,
                new Counts());
    }

    /** Events sent (duplicates included), newly accepted, and answered as duplicates. */
    static final class Counts {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        /** Requests answered 503 (a part the service needs is away: nothing of them acknowledged), then sent again. */
        final AtomicLong unavailable = new AtomicLong();
    }

    /** A structured CloudEvent from the dialer's source. */
    static String cloudEvent(String id, String type, String time, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/demo/dialer\",\"type\":\"%s\",\"time\":\"%s\",\"data\":%s}"
                .formatted(id, type, time, data);
    }

    void postCloudEvents(List<String> events) {
        if (events.isEmpty()) {
            return;
        }
        send(
                () -> HttpRequest.newBuilder(URI.create(activityUrl + "/api/v1/events"))
                        .header("Authorization", "Bearer " + ingestKey)
                        .header("Content-Type", "application/cloudevents-batch+json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]")),
                events.size());
    }

    /** A batch of HubSpot notifications, signed at each attempt (HubSpot's signature carries its time, which must be recent). */
    void postHubSpot(List<String> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        String body = "[" + String.join(",", notifications) + "]";
        String url = activityUrl + "/webhooks/hubspot";
        send(
                () -> {
                    String timestamp = String.valueOf(clock.millis());
                    String signature =
                            Base64.getEncoder().encodeToString(hmac(hubspotSecret, "POST" + url + body + timestamp));
                    return HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .header("X-HubSpot-Request-Timestamp", timestamp)
                            .header("X-HubSpot-Signature-v3", signature)
                            .POST(HttpRequest.BodyPublishers.ofString(body));
                },
                notifications.size());
    }

    void postPipedrive(String body) {
        String basic = Base64.getEncoder()
                .encodeToString((pipedriveUser + ":" + pipedrivePassword).getBytes(StandardCharsets.UTF_8));
        send(
                () -> HttpRequest.newBuilder(URI.create(activityUrl + "/webhooks/pipedrive"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                1);
    }

    void postTwenty(String body) {
        String url = activityUrl + "/webhooks/twenty";
        send(
                () -> {
                    String timestamp = String.valueOf(clock.millis());
                    return HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .header("X-Twenty-Webhook-Timestamp", timestamp)
                            .header(
                                    "X-Twenty-Webhook-Signature",
                                    HexFormat.of().formatHex(hmac(twentySecret, timestamp + ":" + body)))
                            .POST(HttpRequest.BodyPublishers.ofString(body));
                },
                1);
    }

    /** A Salesforce Outbound Message (SOAP) of some notifications. */
    void postSalesforce(String message, int notifications) {
        send(
                () -> HttpRequest.newBuilder(URI.create(activityUrl + "/webhooks/salesforce/" + salesforceSecret))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"\"")
                        .POST(HttpRequest.BodyPublishers.ofString(message)),
                notifications);
    }

    static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends until answered (202, or 200 for Salesforce), as a CRM retries: a connection refused (the service is down),
     * a 5xx (its store is down) or a 429 is tried again, for up to three minutes; anything else fails the test.
     */
    private void send(Supplier<HttpRequest.Builder> request, int events) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        counts.sent.addAndGet(events);
        while (true) {
            HttpRequest built = request.get().timeout(Duration.ofSeconds(20)).build();
            try {
                HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202 || status == 200) {
                    counts.accepted.addAndGet(number(response.body(), "accepted"));
                    counts.duplicates.addAndGet(number(response.body(), "duplicates"));
                    return;
                }
                if (status == 503) {
                    counts.unavailable.incrementAndGet();
                }
                if (status != 429 && status < 500) {
                    throw new IllegalStateException(
                            built.uri().getPath() + " answered " + status + ": " + response.body());
                }
            } catch (IOException e) {
                // down or restarting: the CRM tries again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(built.uri().getPath() + " not accepted within 3 minutes");
            }
            // The CRM's retry delay.
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    private static long number(String json, String field) {
        int at = json.indexOf("\"" + field + "\":");
        if (at < 0) {
            return 0;
        }
        int start = at + field.length() + 3;
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Long.parseLong(json.substring(start, end));
    }
}
