package io.salespulse.notification.delivery.senders;

import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.outbound.OutboundPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * A JSON POST to the target, bounded as a whole ({@code salespulse.notifications.http-timeout}: connecting, headers and
 * a body that trickles in alike, cancelled past it), redirects never followed. 2xx is delivered; 429 and 5xx, a network
 * failure or a time-out are worth retrying (429 with its {@code Retry-After} in seconds); any other status is permanent.
 * Slack (a Block Kit message) and Teams (an Adaptive Card) are this POST as it is ({@link Senders}); the generic
 * webhook signs it ({@link WebhookSender}).
 *
 * <p>The target's name is resolved once, by the outbound policy, and the call connects to the addresses it judged
 * ({@link OutboundPolicy#addressesToCall}): a name that resolved outside when the delivery was checked and resolves
 * inside when it is called is never called (a permanent failure, "refused by the outbound policy"). TLS still checks
 * the certificate against the URL's host name. The exchange, resolution included, runs on the senders' own threads:
 * a slow DNS answer or endpoint holds no other manager's delivery.
 */
class HttpSender implements ChannelSender {

    /** The senders' threads: resolving, connecting and exchanging happen here, never on the dispatch loop. */
    private static final ExecutorService CALLS = calls();

    private final Channel channel;
    private final CloseableHttpClient http;
    private final Duration timeout;

    HttpSender(Channel channel, Duration timeout, OutboundPolicy outbound) {
        this.channel = channel;
        this.timeout = timeout;
        Timeout connect = Timeout.of(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5));
        DnsResolver judged = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return outbound.addressesToCall(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        // Redirects are never followed: a receiver could send the call on to an address the outbound policy refuses.
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(judged)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(Timeout.of(timeout))
                                .build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(8)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(timeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    private static ExecutorService calls() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(32, 32, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "outbound-http-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    /** Adds the channel's headers, or says why the delivery can never go (e.g. a webhook without its secret). */
    Optional<Attempt> prepare(HttpPost request, Outgoing outgoing) {
        return Optional.empty();
    }

    @Override
    public CompletableFuture<Attempt> send(Outgoing outgoing) {
        HttpPost request = new HttpPost(URI.create(outgoing.target()));
        request.setEntity(new StringEntity(outgoing.payload(), ContentType.APPLICATION_JSON));
        Optional<Attempt> refused = prepare(request, outgoing);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        // The whole exchange, a body that trickles in included, is bounded here; past it the request is aborted, which
        // closes its connection and frees the thread.
        return CompletableFuture.supplyAsync(() -> exchange(request), CALLS)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((attempt, error) -> {
                    if (error != null) {
                        request.cancel();
                    }
                })
                .handle((attempt, error) -> error != null ? Attempt.retryable(networkFailure(error)) : attempt);
    }

    private Attempt exchange(HttpPost request) {
        try {
            return http.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return of(response);
            });
        } catch (OutboundPolicy.RefusedAddress refused) {
            // The detail says nothing of what is there: the delivery log tells nothing of the network behind it.
            return Attempt.permanent("refused by the outbound policy");
        } catch (IOException e) {
            return Attempt.retryable(networkFailure(e));
        }
    }

    static Attempt of(ClassicHttpResponse response) {
        int status = response.getCode();
        String detail = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return Attempt.delivered(detail);
        }
        if (status == 429) {
            Header retryAfter = response.getFirstHeader("Retry-After");
            return Attempt.retryable(detail, retryAfter == null ? null : seconds(retryAfter.getValue()));
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
        return cause instanceof InterruptedIOException || cause instanceof TimeoutException
                ? "timed out"
                : "unreachable";
    }
}
