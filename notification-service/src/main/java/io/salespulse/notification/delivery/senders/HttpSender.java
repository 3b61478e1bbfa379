package io.salespulse.notification.delivery.senders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JSON POST to the target, bounded as a whole ({@code salespulse.notifications.http-timeout}: headers and a body that
 * trickles in alike, cancelled past it), redirects never followed. 2xx is delivered; 429 and 5xx, a network failure
 * or a time-out are worth retrying (429 with its {@code Retry-After} in seconds); any other status is permanent.
 * Slack (a Block Kit message) and Teams (an Adaptive Card) are this POST as it is ({@link Senders}); the generic
 * webhook signs it ({@link WebhookSender}).
 */
class HttpSender implements ChannelSender {

    private final String channel;
    private final HttpClient http;
    private final Duration timeout;

    HttpSender(String channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
        // Redirects are never followed: a receiver could send the call on to an address the outbound policy refuses.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5)).build();
    }

    @Override
    public String channel() {
        return channel;
    }

    /** Adds the channel's headers, or says why the delivery can never go (e.g. a webhook without its secret). */
    Optional<Attempt> prepare(HttpRequest.Builder request, Outgoing outgoing) {
        return Optional.empty();
    }

    @Override
    public CompletableFuture<Attempt> send(Outgoing outgoing) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(outgoing.target())).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(outgoing.payload()));
        Optional<Attempt> refused = prepare(request, outgoing);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        // The request's own time-out stops at the response headers (JDK-8258397): the whole exchange, a body that
        // trickles in included, is bounded here, and the exchange is cancelled when it runs over.
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        return exchange.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> {
                    if (error != null) {
                        exchange.cancel(true);
                    }
                })
                .handle((response, error) -> error != null ? Attempt.retryable(networkFailure(error)) : of(response));
    }

    static Attempt of(HttpResponse<?> response) {
        int status = response.statusCode();
        String detail = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return Attempt.delivered(detail);
        }
        if (status == 429) {
            return Attempt.retryable(detail, response.headers().firstValue("Retry-After").map(HttpSender::seconds).orElse(null));
        }
        return status >= 500 ? Attempt.retryable(detail) : Attempt.permanent(detail + ": permanent");
    }

    /** A {@code Retry-After} in seconds; an HTTP date or anything else is ignored (the backoff applies). */
    static Duration seconds(String retryAfter) {
        try {
            long seconds = Long.parseLong(retryAfter.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String networkFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof HttpTimeoutException || cause instanceof TimeoutException ? "timed out" : "unreachable";
    }
}
