package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.salesforce.eventbus.protobuf.ConsumerEvent;
import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.ProducerEvent;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import com.salesforce.eventbus.protobuf.ReplayPreset;
import com.salesforce.eventbus.protobuf.SchemaInfo;
import com.salesforce.eventbus.protobuf.SchemaRequest;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Salesforce Change Data Capture through the Pub/Sub API, against an in-process gRPC server implementing Salesforce's
 * {@code pubsub_api.proto} and serving Avro change events shaped like Salesforce's documentation (a
 * {@code ChangeEventHeader} with entity, record ids, change type and commit time; only the changed fields set on an
 * update), after a client-credentials sign-in at a local token endpoint: an Opportunity created then moved on and a
 * logged call reach the topics; stopped and started again, the connector resumes after its stored replay id and
 * nothing is told twice.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "salespulse.crm.salesforce.cdc.enabled=true", "salespulse.crm.salesforce.cdc.client-id=cdc-app",
            "salespulse.crm.salesforce.cdc.client-secret=cdc-secret", "salespulse.crm.salesforce.cdc.batch=2",
            "salespulse.crm.salesforce.cdc.call-timeout=1s", "salespulse.crm.salesforce.cdc.max-backoff=2s"
        })
@RealInfrastructure
class SalesforceCdcIT {

    static final String ORG = "00D5e000000CdcAEAS";
    static final String SERVER = "pubsub-" + UUID.randomUUID();
    static final Schema HEADER = new Schema.Parser().parse("""
            {"type":"record","name":"ChangeEventHeader","namespace":"com.sforce.eventbus","fields":[
              {"name":"entityName","type":"string"},{"name":"recordIds","type":{"type":"array","items":"string"}},
              {"name":"changeType","type":{"type":"enum","name":"ChangeType","symbols":["CREATE","UPDATE","DELETE","UNDELETE",
                "GAP_CREATE","GAP_UPDATE","GAP_DELETE","GAP_UNDELETE","GAP_OVERFLOW"]}},
              {"name":"changeOrigin","type":"string"},{"name":"transactionKey","type":"string"},{"name":"sequenceNumber","type":"int"},
              {"name":"commitTimestamp","type":"long"},{"name":"commitNumber","type":"long"},{"name":"commitUser","type":"string"},
              {"name":"nulledFields","type":{"type":"array","items":"string"}},{"name":"diffFields","type":{"type":"array","items":"string"}},
              {"name":"changedFields","type":{"type":"array","items":"string"}}]}""");
    static final Schema OPPORTUNITY = record("OpportunityChangeEvent", """
            {"name":"Name","type":["null","string"],"default":null},{"name":"StageName","type":["null","string"],"default":null},
            {"name":"Amount","type":["null","double"],"default":null},{"name":"CloseDate","type":["null","int"],"default":null},
            {"name":"OwnerId","type":["null","string"],"default":null},{"name":"CreatedDate","type":["null","long"],"default":null},
            {"name":"LastModifiedDate","type":["null","long"],"default":null}""");
    static final Schema TASK = record("TaskChangeEvent", """
            {"name":"Subject","type":["null","string"],"default":null},{"name":"TaskSubtype","type":["null","string"],"default":null},
            {"name":"CallDurationInSeconds","type":["null","int"],"default":null},{"name":"OwnerId","type":["null","string"],"default":null},
            {"name":"WhatId","type":["null","string"],"default":null},{"name":"CreatedDate","type":["null","long"],"default":null}""");

    static final PubSubServer PUBSUB = new PubSubServer();
    static final Map<String, String> RECORDS = new java.util.concurrent.ConcurrentHashMap<>();
    static final Server GRPC = start();
    static final HttpServer TOKENS = tokens();

    private static Schema record(String name, String fields) {
        return new Schema.Parser().parse("""
                {"type":"record","name":"%s","namespace":"com.sforce.eventbus","fields":[
                  {"name":"ChangeEventHeader","type":%s},%s]}""".formatted(name, HEADER.toString(), fields));
    }

    private static Server start() {
        try {
            // The sign-in's headers must reach every call, as Salesforce requires.
            ServerInterceptor headers = new ServerInterceptor() {
                @Override
                public <Q, R> ServerCall.Listener<Q> interceptCall(
                        ServerCall<Q, R> call, Metadata metadata, ServerCallHandler<Q, R> next) {
                    PUBSUB.headers.add(metadata.get(Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER))
                            + "|" + metadata.get(Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER)));
                    return next.startCall(call, metadata);
                }
            };
            return InProcessServerBuilder.forName(SERVER)
                    .addService(ServerInterceptors.intercept(PUBSUB, headers))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer tokens() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/services/oauth2/token", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                byte[] body = (form.contains("grant_type=client_credentials")
                                        && form.contains("client_secret=cdc-secret")
                                ? "{\"access_token\":\"00Dtoken\",\"instance_url\":\"http://127.0.0.1:"
                                        + server.getAddress().getPort() + "\",\"id\":"
                                        + "\"https://login.salesforce.com/id/" + ORG
                                        + "/0055e000001AbCdAAK\",\"token_type\":\"Bearer\"}"
                                : "{\"error\":\"invalid_client\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(body.length > 40 ? 200 : 400, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            // The REST API, for the records of a gap event: each as it now is.
            server.createContext("/services/data/v62.0/sobjects/Opportunity/", exchange -> {
                String id = exchange.getRequestURI()
                        .getPath()
                        .substring(exchange.getRequestURI().getPath().lastIndexOf('/') + 1);
                String json = RECORDS.get(id);
                byte[] body =
                        (json == null ? "[{\"errorCode\":\"NOT_FOUND\"}]" : json).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(json == null ? 404 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void login(DynamicPropertyRegistry registry) {
        registry.add(
                "salespulse.crm.salesforce.cdc.login-url",
                () -> "http://127.0.0.1:" + TOKENS.getAddress().getPort());
        registry.add(
                "salespulse.crm.salesforce.cdc.topics", () -> "/data/OpportunityChangeEvent,/data/TaskChangeEvent");
    }

    @TestConfiguration
    static class InProcess {
        @Bean
        io.salespulse.activity.ingest.salesforce.CdcTestChannels cdcChannels() {
            return new io.salespulse.activity.ingest.salesforce.CdcTestChannels(SERVER);
        }
    }

    /** A Pub/Sub API server: the events of each topic in order, replay id = position + 1, sent as asked. */
    static final class PubSubServer extends PubSubGrpc.PubSubImplBase {

        final Map<String, List<ConsumerEvent>> topics = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> subscriptions = new CopyOnWriteArrayList<>();
        final List<String> headers = new CopyOnWriteArrayList<>();

        final List<Stream> streams = new CopyOnWriteArrayList<>();

        /** Schema ids whose first fetch is never answered (a server that hangs). */
        final java.util.Set<String> hangOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

        void add(String topic, Schema schema, GenericRecord record) {
            add(topic, schema, schema.getName(), record);
        }

        void add(String topic, Schema schema, String schemaId, GenericRecord record) {
            List<ConsumerEvent> events = topics.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>());
            events.add(ConsumerEvent.newBuilder()
                    .setReplayId(replay(events.size() + 1))
                    .setEvent(ProducerEvent.newBuilder()
                            .setId(UUID.randomUUID().toString())
                            .setSchemaId(schemaId)
                            .setPayload(avro(schema, record)))
                    .build());
            streams.stream().filter(stream -> topic.equals(stream.topic)).forEach(Stream::drain);
        }

        @Override
        public void getSchema(SchemaRequest request, StreamObserver<SchemaInfo> response) {
            if (hangOnce.remove(request.getSchemaId())) {
                return; // never answered
            }
            Schema schema = "OpportunityChangeEvent".equals(request.getSchemaId()) ? OPPORTUNITY : TASK;
            response.onNext(SchemaInfo.newBuilder()
                    .setSchemaId(request.getSchemaId())
                    .setSchemaJson(schema.toString())
                    .build());
            response.onCompleted();
        }

        @Override
        public StreamObserver<FetchRequest> subscribe(StreamObserver<FetchResponse> response) {
            Stream stream = new Stream(response);
            streams.add(stream);
            return stream;
        }

        /** One subscriber's stream: events sent as they come, as many as it asked for (flow control). */
        final class Stream implements StreamObserver<FetchRequest> {
            final StreamObserver<FetchResponse> response;
            volatile String topic;
            int next;
            int pending;
            boolean open = true;

            Stream(StreamObserver<FetchResponse> response) {
                this.response = response;
            }

            @Override
            public synchronized void onNext(FetchRequest request) {
                if (topic == null) {
                    next = request.getReplayPreset() == ReplayPreset.CUSTOM ? position(request.getReplayId()) : 0;
                    subscriptions.add(request.getTopicName() + "@"
                            + (request.getReplayPreset() == ReplayPreset.CUSTOM ? next : request.getReplayPreset()));
                    topic = request.getTopicName();
                }
                pending += request.getNumRequested();
                drain();
            }

            synchronized void drain() {
                List<ConsumerEvent> events = topics.getOrDefault(topic, List.of());
                List<ConsumerEvent> batch = new ArrayList<>();
                while (open && next < events.size() && batch.size() < pending) {
                    batch.add(events.get(next++));
                }
                if (!batch.isEmpty()) {
                    pending -= batch.size();
                    response.onNext(FetchResponse.newBuilder()
                            .addAllEvents(batch)
                            .setLatestReplayId(replay(next))
                            .setPendingNumRequested(pending)
                            .build());
                }
            }

            @Override
            public synchronized void onError(Throwable t) {
                open = false;
                streams.remove(this);
            }

            @Override
            public synchronized void onCompleted() {
                open = false;
                streams.remove(this);
                response.onCompleted();
            }
        }

        static ByteString replay(int position) {
            return ByteString.copyFrom(
                    java.nio.ByteBuffer.allocate(8).putLong(position).array());
        }

        static int position(ByteString replay) {
            return (int) java.nio.ByteBuffer.wrap(replay.toByteArray()).getLong();
        }
    }

    private static ByteString avro(Schema schema, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
            return ByteString.copyFrom(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GenericRecord change(
            Schema schema, String entity, String recordId, String type, Instant at, Map<String, Object> fields) {
        GenericRecord header = new GenericData.Record(HEADER);
        header.put("entityName", entity);
        header.put("recordIds", List.of(recordId));
        header.put(
                "changeType",
                new GenericData.EnumSymbol(HEADER.getField("changeType").schema(), type));
        header.put("changeOrigin", "com/salesforce/api/soap/62.0;client=SfdcInternalAPI/");
        header.put("transactionKey", UUID.randomUUID().toString());
        header.put("sequenceNumber", 1);
        header.put("commitTimestamp", at.toEpochMilli());
        header.put("commitNumber", 1L);
        header.put("commitUser", "0055e000001AbCdAAK");
        header.put("nulledFields", List.of());
        header.put("diffFields", List.of());
        header.put("changedFields", List.of());
        GenericRecord record = new GenericData.Record(schema);
        record.put("ChangeEventHeader", header);
        fields.forEach(record::put);
        return record;
    }

    @LocalServerPort
    int port;

    @Autowired
    io.salespulse.activity.ingest.salesforce.CdcTestChannels channels;

    /** A team and its AE, mapped to a Salesforce owner. */
    private void givenRep(String s, String rep, String owner) {
        Http.put(
                "http://localhost:" + port + "/api/v1/teams/team-" + s,
                "{\"name\":\"T\",\"timezone\":\"Europe/Paris\",\"locale\":\"fr\"}");
        assertThat(Http.put("http://localhost:" + port + "/api/v1/reps/" + rep, """
                {"displayName":"Rep","teamId":"team-%s","role":"AE","seniority":"SENIOR","externalIds":{"salesforce":"%s"}}""".formatted(s, owner))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aSchemaFetchThatIsNeverAnsweredTimesOutAndTheChangeStillArrives() {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String owner = "0055e0000H" + s;
        String rep = "ae-cdc-hang-" + s;
        givenRep(s, rep, owner);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        // A task whose schema (a new version, never fetched) the server does not answer the first time it is asked.
        String schemaId = "TaskChangeEvent-" + s;
        PUBSUB.hangOnce.add(schemaId);
        PUBSUB.add(
                "/data/TaskChangeEvent",
                TASK,
                schemaId,
                change(
                        TASK,
                        "Task",
                        "00T5e0000H" + s,
                        "CREATE",
                        at,
                        Map.of(
                                "Subject",
                                "Call",
                                "TaskSubtype",
                                "Call",
                                "CallDurationInSeconds",
                                120,
                                "OwnerId",
                                owner,
                                "CreatedDate",
                                at.toEpochMilli())));
        try (KafkaProbe probe = KafkaProbe.reading(Topics.ACTIVITIES)) {
            // Past the call's deadline (1 s here) the stream is opened again after its stored position and the schema
            // asked again.
            assertThat(probe.awaitEvents(e -> e.key().equals(rep), 1, Duration.ofSeconds(30)))
                    .extracting(EventEnvelope::data)
                    .containsExactly(
                            new CallLogged(rep, "salesforce-00T5e0000H" + s, CallOutcome.CONNECTED, 120, null, at));
        }
        assertThat(PUBSUB.hangOnce).doesNotContain(schemaId);
    }

    @Test
    void changesReachTheTopicsAndARestartResumesAfterTheStoredReplayId() {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String owner = "0055e0000C" + s;
        String rep = "ae-cdc-" + s;
        givenRep(s, rep, owner);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String opportunity = "0065e0000C" + s;
        int close = (int) LocalDate.now().plusDays(30).toEpochDay();
        PUBSUB.add(
                "/data/OpportunityChangeEvent",
                OPPORTUNITY,
                change(
                        OPPORTUNITY,
                        "Opportunity",
                        opportunity,
                        "CREATE",
                        now.minusSeconds(300),
                        Map.of(
                                "Name",
                                "Acme renewal",
                                "StageName",
                                "Qualification",
                                "Amount",
                                24000.0,
                                "CloseDate",
                                close,
                                "OwnerId",
                                owner,
                                "CreatedDate",
                                now.minusSeconds(300).toEpochMilli(),
                                "LastModifiedDate",
                                now.minusSeconds(300).toEpochMilli())));
        PUBSUB.add(
                "/data/OpportunityChangeEvent",
                OPPORTUNITY,
                change(
                        OPPORTUNITY,
                        "Opportunity",
                        opportunity,
                        "UPDATE",
                        now.minusSeconds(200),
                        Map.of(
                                "StageName",
                                "Proposal/Price Quote",
                                "LastModifiedDate",
                                now.minusSeconds(200).toEpochMilli())));
        PUBSUB.add(
                "/data/TaskChangeEvent",
                TASK,
                change(
                        TASK,
                        "Task",
                        "00T5e0000C" + s,
                        "CREATE",
                        now.minusSeconds(100),
                        Map.of(
                                "Subject",
                                "Call",
                                "TaskSubtype",
                                "Call",
                                "CallDurationInSeconds",
                                300,
                                "OwnerId",
                                owner,
                                "WhatId",
                                opportunity,
                                "CreatedDate",
                                now.minusSeconds(100).toEpochMilli())));

        try (KafkaProbe probe = KafkaProbe.reading(Topics.DEALS, Topics.ACTIVITIES)) {
            List<EventEnvelope> facts =
                    probe.awaitEvents(e -> e.key().equals("salesforce-" + opportunity), 2, Duration.ofSeconds(60));
            assertThat(facts.get(0).dataAs(DealCreated.class).stage()).isEqualTo(DealStage.QUALIFIED);
            assertThat(facts.get(0).dataAs(DealCreated.class).ownerRepId()).isEqualTo(rep);
            assertThat(facts.get(1).dataAs(DealStageChanged.class).to()).isEqualTo(DealStage.PROPOSAL);
            assertThat(probe.awaitEvents(e -> e.key().equals(rep), 1, Duration.ofSeconds(30)))
                    .extracting(EventEnvelope::data)
                    .containsExactly(new CallLogged(
                            rep,
                            "salesforce-00T5e0000C" + s,
                            CallOutcome.CONNECTED,
                            300,
                            "salesforce-" + opportunity,
                            now.minusSeconds(100)));
            assertThat(PUBSUB.headers).contains("00Dtoken|" + ORG);

            // Stopped, a new change meanwhile, started again: it resumes right after what it stored.
            int before = PUBSUB.subscriptions.size();
            channels.connector().stop();
            PUBSUB.add(
                    "/data/OpportunityChangeEvent",
                    OPPORTUNITY,
                    change(
                            OPPORTUNITY,
                            "Opportunity",
                            opportunity,
                            "UPDATE",
                            now.minusSeconds(50),
                            Map.of(
                                    "StageName",
                                    "Closed Won",
                                    "LastModifiedDate",
                                    now.minusSeconds(50).toEpochMilli())));
            int stored = PUBSUB.topics.get("/data/OpportunityChangeEvent").size() - 1;
            channels.connector().start();
            await().atMost(Duration.ofSeconds(30)).until(() -> PUBSUB.subscriptions.size() >= before + 2);
            assertThat(PUBSUB.subscriptions.subList(before, PUBSUB.subscriptions.size()))
                    .contains("/data/OpportunityChangeEvent@" + stored);
            List<EventEnvelope> after =
                    probe.awaitEvents(e -> e.key().equals("salesforce-" + opportunity), 4, Duration.ofSeconds(30));
            assertThat(after)
                    .extracting(e -> e.data().getClass().getSimpleName())
                    .containsExactly("DealCreated", "DealStageChanged", "DealStageChanged", "DealWon");
            assertThat(probe.drain(
                            e -> e.key().equals("salesforce-" + opportunity)
                                    || e.key().equals(rep),
                            Duration.ofSeconds(2)))
                    .hasSize(5);

            // A gap (Salesforce could not tell the change): the record is read back as it now is. An overflow (too many
            // changes to tell) is logged and counted; it moves no deal.
            String other = "0065e0000G" + s;
            RECORDS.put(other, """
                    {"attributes":{"type":"Opportunity","url":"/services/data/v62.0/sobjects/Opportunity/%s"},"Id":"%s",
                     "Name":"Globex","StageName":"Negotiation/Review","Amount":9000.0,"CloseDate":"%s","OwnerId":"%s",
                     "CreatedDate":"%s","LastModifiedDate":"%s"}""".formatted(
                            other,
                            other,
                            LocalDate.now().plusDays(10),
                            owner,
                            now.minusSeconds(400).toString().replace("Z", "+0000"),
                            now.minusSeconds(40).toString().replace("Z", "+0000")));
            PUBSUB.add(
                    "/data/OpportunityChangeEvent",
                    OPPORTUNITY,
                    change(OPPORTUNITY, "Opportunity", other, "GAP_UPDATE", now.minusSeconds(40), Map.of()));
            PUBSUB.add(
                    "/data/OpportunityChangeEvent",
                    OPPORTUNITY,
                    change(OPPORTUNITY, "Opportunity", "", "GAP_OVERFLOW", now.minusSeconds(30), Map.of()));
            List<EventEnvelope> gap =
                    probe.awaitEvents(e -> e.key().equals("salesforce-" + other), 1, Duration.ofSeconds(30));
            assertThat(gap.get(0).dataAs(DealCreated.class).stage()).isEqualTo(DealStage.NEGOTIATION);
            assertThat(gap.get(0).dataAs(DealCreated.class).name()).isEqualTo("Globex");
        }
    }
}
