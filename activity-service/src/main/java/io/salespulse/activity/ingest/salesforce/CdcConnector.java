package io.salespulse.activity.ingest.salesforce;

import com.google.protobuf.ByteString;
import com.salesforce.eventbus.protobuf.ConsumerEvent;
import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import com.salesforce.eventbus.protobuf.ReplayPreset;
import com.salesforce.eventbus.protobuf.SchemaRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.IngestService;
import io.salespulse.activity.ingest.OwnerDirectory;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.contracts.EventCodec;
import io.salespulse.kit.web.FieldProblem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Salesforce Change Data Capture through the Pub/Sub API (gRPC, Avro): one subscription per topic, resumed after the
 * stored replay id ({@link ReplayStore}; the earliest retained events at the first start, {@code LATEST} being what
 * Salesforce does without a replay id), with flow control (it asks for {@code batch} events, and for more once the
 * server has sent them all); each batch's events go through the same intake as the webhooks (durable, deduped by event
 * id) before its replay id is stored. A broken stream is reconnected with a backoff doubling up to {@code max-backoff},
 * signing in again when the session expired. Gap events are read back through the REST API; an overflow (too many
 * changes to tell) is logged and counted: run a backfill for that object. One instance of activity-service at a time
 * holds the subscriptions (a lease renewed every 10 seconds, for 30); another takes over when it stops or dies.
 */
@Component
class CdcConnector implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CdcConnector.class);
    static final String API_VERSION = "v62.0";
    static final String LEASE = "salesforce-cdc";
    static final Duration LEASE_TERM = Duration.ofSeconds(30);

    /** How the connector reaches the Pub/Sub API (a test gives an in-process channel). */
    interface Channels {
        ManagedChannel open(CdcProperties config);
    }

    private final CdcProperties config;
    private final CrmProperties.Salesforce mapping;
    private final IngestService ingest;
    private final OwnerDirectory owners;
    private final TimeWindow window;
    private final ReplayStore replays;
    private final Channels channels;
    private final MeterRegistry meters;
    private final SalesforceAuth auth;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private volatile SalesforceAuth.Session session;
    private volatile ManagedChannel channel;
    private volatile boolean running;
    private volatile boolean holding;
    private final io.salespulse.kit.mongo.Leases leases;

    CdcConnector(
            CdcProperties config,
            CrmProperties crm,
            IngestService ingest,
            OwnerDirectory owners,
            TimeWindow window,
            ReplayStore replays,
            ObjectProvider<Channels> channels,
            MeterRegistry meters,
            org.springframework.data.mongodb.core.MongoTemplate mongo) {
        this.leases = new io.salespulse.kit.mongo.Leases(mongo, "salesforce_cdc_lease", java.time.Clock.systemUTC());
        this.config = config;
        this.mapping = crm.salesforce();
        this.ingest = ingest;
        this.owners = owners;
        this.window = window;
        this.replays = replays;
        this.meters = meters;
        this.channels = channels.getIfAvailable(() -> c -> c.plaintext()
                ? NettyChannelBuilder.forAddress(c.host(), c.port())
                        .usePlaintext()
                        .build()
                : NettyChannelBuilder.forAddress(c.host(), c.port())
                        .useTransportSecurity()
                        .build());
        this.auth = new SalesforceAuth(config);
    }

    @Override
    public void start() {
        if (!config.enabled()) {
            return;
        }
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "salesforce-cdc"));
        channel = channels.open(config);
        scheduler.scheduleWithFixedDelay(this::hold, 0, 10, TimeUnit.SECONDS);
    }

    /** Takes or renews the lease: the holder subscribes; an instance that lost it lets its streams go. */
    private void hold() {
        try {
            boolean held = leases.acquire(LEASE, LEASE_TERM);
            if (held && !holding) {
                holding = true;
                config.topics().forEach(topic -> subscribe(topic, Duration.ofSeconds(1)));
            } else if (!held && holding) {
                holding = false;
                subscriptions.values().forEach(Subscription::cancel);
                subscriptions.clear();
                log.info("Salesforce CDC: another instance holds the subscriptions now");
            }
        } catch (RuntimeException e) {
            log.warn("Salesforce CDC lease not renewed: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        holding = false;
        subscriptions.values().forEach(Subscription::cancel);
        subscriptions.clear();
        if (config.enabled()) {
            leases.release(LEASE);
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (channel != null) {
            channel.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Opens a topic's subscription after its stored replay id; on failure, tries again after the backoff. */
    private void subscribe(String topic, Duration backoff) {
        if (!running || !holding) {
            return;
        }
        try {
            if (session == null) {
                session = auth.signIn();
            }
            Subscription subscription = new Subscription(topic, backoff);
            subscriptions.put(topic, subscription);
            subscription.open();
        } catch (IOException | RuntimeException e) {
            retry(topic, backoff, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retry(String topic, Duration backoff, Throwable cause) {
        if (!running || !holding) {
            return;
        }
        log.warn("Salesforce CDC {}: {}; trying again in {} s", topic, cause.getMessage(), backoff.toSeconds());
        meters.counter("salespulse.salesforce.cdc.reconnects", "topic", topic).increment();
        Duration next = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0
                ? config.maxBackoff()
                : backoff.multipliedBy(2);
        scheduler.schedule(() -> subscribe(topic, next), backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private PubSubGrpc.PubSubStub async() {
        return PubSubGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers()));
    }

    private Metadata headers() {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER), session.accessToken());
        headers.put(Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER), session.instanceUrl());
        headers.put(Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER), session.organizationId());
        return headers;
    }

    /**
     * A schema by its id, fetched once. The fetch runs on the stream's thread, so it has a deadline ({@code call-timeout}):
     * a server that does not answer fails it ({@code DEADLINE_EXCEEDED}), the stream is given up and opened again after
     * its stored position, and nothing is lost.
     */
    private Schema schema(String schemaId) {
        Schema known = schemas.get(schemaId);
        if (known != null) {
            return known;
        }
        Schema fetched = new Schema.Parser()
                .parse(PubSubGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers()))
                        .withDeadlineAfter(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .getSchema(
                                SchemaRequest.newBuilder().setSchemaId(schemaId).build())
                        .getSchemaJson());
        schemas.put(schemaId, fetched);
        return fetched;
    }

    /** One topic's stream. */
    private final class Subscription implements StreamObserver<FetchResponse> {

        private final String topic;
        private final Duration backoff;
        private StreamObserver<FetchRequest> requests;

        Subscription(String topic, Duration backoff) {
            this.topic = topic;
            this.backoff = backoff;
        }

        void open() {
            requests = async().subscribe(this);
            FetchRequest.Builder first =
                    FetchRequest.newBuilder().setTopicName(topic).setNumRequested(config.batch());
            replays.of(topic)
                    .ifPresentOrElse(
                            replay ->
                                    first.setReplayPreset(ReplayPreset.CUSTOM).setReplayId(ByteString.copyFrom(replay)),
                            () -> first.setReplayPreset(ReplayPreset.EARLIEST));
            requests.onNext(first.build());
        }

        void cancel() {
            if (requests != null) {
                requests.onCompleted();
            }
        }

        @Override
        public void onNext(FetchResponse response) {
            try {
                List<Inbound> inbound = new ArrayList<>();
                List<FieldProblem> problems = new ArrayList<>();
                String source = "/crm/salesforce/" + session.organizationId();
                for (ConsumerEvent event : response.getEventsList()) {
                    CdcEvents.Change change = CdcEvents.decode(
                            schema(event.getEvent().getSchemaId()),
                            event.getEvent().getPayload().toByteArray());
                    if ("GAP_OVERFLOW".equals(change.changeType())) {
                        log.warn(
                                "Salesforce CDC {}: overflow of {} changes (too many to tell); run a backfill for them",
                                topic,
                                change.entity());
                        meters.counter("salespulse.salesforce.cdc.overflows", "entity", change.entity())
                                .increment();
                        continue;
                    }
                    for (CdcEvents.Change told : change.gap() ? readBack(change) : List.of(change)) {
                        inbound.addAll(CdcEvents.map(
                                told, event.getEvent().getId(), source, mapping, owners::repOf, window, problems));
                    }
                }
                if (!problems.isEmpty()) {
                    log.warn("Salesforce CDC {}: changes refused: {}", topic, problems);
                    meters.counter("salespulse.salesforce.cdc.refused", "topic", topic)
                            .increment(problems.size());
                }
                if (!inbound.isEmpty()) {
                    ingest.acceptAll(SalesforceMapper.CRM, inbound);
                }
                // Durable: the position moves on (an empty batch, the server's keepalive, gives the latest replay id).
                ByteString position = response.getEventsCount() > 0
                        ? response.getEvents(response.getEventsCount() - 1).getReplayId()
                        : response.getLatestReplayId();
                if (!position.isEmpty()) {
                    replays.save(topic, position.toByteArray());
                }
                if (response.getPendingNumRequested() == 0) {
                    requests.onNext(FetchRequest.newBuilder()
                            .setTopicName(topic)
                            .setNumRequested(config.batch())
                            .build());
                }
            } catch (IOException | RuntimeException e) {
                // Not stored: the stream is given up and opened again after the stored position, so nothing is lost.
                requests.onError(Status.ABORTED.withDescription(e.getMessage()).asRuntimeException());
                subscriptions.remove(topic);
                retry(topic, backoff, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onError(Throwable t) {
            if (Status.fromThrowable(t).getCode() == Status.Code.UNAUTHENTICATED) {
                session = null; // signed in again before the next try
            }
            subscriptions.remove(topic);
            retry(topic, backoff, t);
        }

        @Override
        public void onCompleted() {
            subscriptions.remove(topic);
            if (running) {
                retry(topic, Duration.ofSeconds(1), new IllegalStateException("stream completed by the server"));
            }
        }

        /** A gap's records as they now are, through the REST API, each a change of its own. */
        private List<CdcEvents.Change> readBack(CdcEvents.Change gap) throws IOException, InterruptedException {
            List<CdcEvents.Change> changes = new ArrayList<>();
            for (String id : gap.recordIds()) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(session.instanceUrl() + "/services/data/" + API_VERSION
                                        + "/sobjects/" + gap.entity() + "/" + id))
                                .header("Authorization", "Bearer " + session.accessToken())
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 404) {
                    continue; // deleted since: nothing to tell
                }
                if (answer.statusCode() != 200) {
                    throw new IOException(
                            "Salesforce answered " + answer.statusCode() + " for " + gap.entity() + " " + id);
                }
                ObjectNode fields = EventCodec.mapper().createObjectNode();
                for (var property : EventCodec.mapper().readTree(answer.body()).properties()) {
                    JsonNode value = property.getValue();
                    if (!value.isNull() && !value.isObject() && !value.isArray()) {
                        // The REST API writes offsets as +0000: RFC 3339 wants +00:00.
                        fields.put(property.getKey(), value.asString().replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"));
                    }
                }
                changes.add(
                        new CdcEvents.Change(gap.entity(), List.of(id), gap.changeType(), gap.commitTime(), fields));
            }
            return changes;
        }
    }
}
