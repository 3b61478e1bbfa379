package io.salespulse.coaching.signals;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.salespulse.coaching.signals.rules.Detection;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalAcknowledged;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalResolved;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SignalUpdated;
import io.salespulse.kit.kafka.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The signals and their lifecycle. At most one open (or acknowledged) signal per type and subject: its
 * {@code openKey} is {@code type|subject} while open, unique, and becomes the signal's own id once resolved. A
 * condition that persists updates its signal; one that clears resolves it. Each change is published to the signals
 * topic with a deterministic id, before it is marked done, so a crash or a redelivery re-sends the same event
 * (consumers drop it) and never raises a second signal.
 */
@Component
public class SignalBook {

    static final String COLLECTION = "signals";
    static final String SOURCE = "/coaching-service";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Clock clock;
    private final MultiGauge openGauge;
    private final SuggestedActions actions;

    SignalBook(MongoTemplate mongo, EventPublisher publisher, Clock clock, MeterRegistry meters, SuggestedActions actions) {
        this.mongo = mongo;
        this.actions = actions;
        this.publisher = publisher;
        this.clock = clock;
        collection().createIndex(Indexes.ascending("openKey"), new IndexOptions().unique(true).name("openKey"));
        collection().createIndex(Indexes.ascending("teamId", "status"));
        collection().createIndex(Indexes.ascending("subjectId", "type"));
        collection().createIndex(Indexes.ascending("status"));
        this.openGauge = MultiGauge.builder("salespulse.signals.open").description("Open signals by team, type, severity and status").register(meters);
    }

    /**
     * Who a signal concerns, for routing and wording.
     *
     * @param stance how the rep is led (the words of the suggestion); null for a team or an unknown rep
     * @param deal   the deal a deal signal is about, as the manager reads it; null for other signals
     */
    public record Context(String repId, String teamId, String repName, Stance stance, DealSummary deal) {

        /** A rep's. */
        public Context(String repId, String teamId, String repName, Stance stance) {
            this(repId, teamId, repName, stance, null);
        }

        /** A team's, or nobody's. */
        public Context(String repId, String teamId, String repName) {
            this(repId, teamId, repName, null, null);
        }

        /** This context, about a deal. */
        public Context about(DealSummary summary) {
            return new Context(repId, teamId, repName, stance, summary);
        }
    }

    /** Raises, updates or resolves the signal of (type, subject) to match what the rule found now. */
    public void sync(SignalType type, String subjectId, Optional<Detection> detection, Context context, String resolution) {
        Optional<Document> open = open(type, subjectId);
        if (detection.isPresent()) {
            if (open.isEmpty()) {
                raise(detection.get(), context);
            } else {
                update(open.get(), detection.get(), context);
            }
        } else {
            open.ifPresent(doc -> resolve(doc, resolution));
        }
    }

    /** Raises a recognition unless one is already open for the same subject (recognitions do not clear). */
    public void recognise(Detection detection, Context context) {
        Optional<Document> open = open(detection.type(), detection.subjectId());
        if (open.isEmpty()) {
            raise(detection, context);
        } else {
            announceIfNeeded(open.get());
        }
    }

    /** The last resolved signal of (type, subject) resolved since a time, if any. */
    public Optional<Signal> resolvedSince(SignalType type, String subjectId, Instant since) {
        return find(Filters.and(Filters.eq("type", type.name()), Filters.eq("subjectId", subjectId),
                Filters.eq("status", SignalStatus.RESOLVED.name()), Filters.gte("resolvedAt", Date.from(since)))).stream().findFirst();
    }

    private void raise(Detection d, Context context) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Document doc = new Document("_id", id).append("openKey", openKey(d.type(), d.subjectId()))
                .append("type", d.type().name()).append("subjectKind", d.subjectKind().name()).append("subjectId", d.subjectId())
                .append("repId", context.repId()).append("teamId", context.teamId()).append("severity", d.severity().name())
                .append("status", SignalStatus.OPEN.name()).append("evidence", json(d.evidence()))
                .append("suggestedAction", json(actions.of(d.type(), context.repName(), context.stance())))
                .append("deal", context.deal() == null ? null : json(context.deal()))
                .append("raisedAt", Date.from(now)).append("updatedAt", Date.from(now)).append("announced", false);
        try {
            collection().insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
            open(d.type(), d.subjectId()).ifPresent(existing -> update(existing, d, context));
            return;
        }
        announceIfNeeded(doc);
    }

    /** Publishes the raise of a signal stored but not yet announced (also after a crash between the two). */
    private void announceIfNeeded(Document doc) {
        if (doc.getBoolean("announced", false)) {
            return;
        }
        Signal s = read(doc);
        publish(s.signalId(), new SignalRaised(s.signalId(), s.type(), s.subjectKind(), s.subjectId(), s.repId(), s.teamId(),
                s.severity(), s.evidence(), s.suggestedAction(), s.deal(), s.raisedAt()));
        collection().updateOne(Filters.eq("_id", s.signalId()), Updates.set("announced", true));
    }

    /** New figures of an open signal: published as an update; the deal it is about is kept as it now is. */
    private void update(Document doc, Detection d, Context context) {
        announceIfNeeded(doc);
        String evidence = json(d.evidence());
        if (evidence.equals(doc.getString("evidence")) && d.severity().name().equals(doc.getString("severity"))) {
            return;
        }
        Instant now = clock.instant();
        String signalId = doc.getString("_id");
        publish(UUID.nameUUIDFromBytes((signalId + "|" + d.severity() + "|" + evidence).getBytes(StandardCharsets.UTF_8)).toString(),
                new SignalUpdated(signalId, d.type(), doc.getString("repId"), doc.getString("teamId"), d.severity(), d.evidence(), now));
        List<Bson> changes = new ArrayList<>(List.of(Updates.set("evidence", evidence),
                Updates.set("severity", d.severity().name()), Updates.set("updatedAt", Date.from(now))));
        if (context.deal() != null) {
            changes.add(Updates.set("deal", json(context.deal())));
        }
        collection().updateOne(Filters.eq("_id", signalId), Updates.combine(changes));
    }

    private void resolve(Document doc, String resolution) {
        announceIfNeeded(doc);
        Instant now = clock.instant();
        String signalId = doc.getString("_id");
        publish(signalId + "|resolved", new SignalResolved(signalId, SignalType.valueOf(doc.getString("type")),
                doc.getString("repId"), doc.getString("teamId"), resolution, now));
        collection().updateOne(Filters.eq("_id", signalId), Updates.combine(Updates.set("status", SignalStatus.RESOLVED.name()),
                Updates.set("openKey", signalId), Updates.set("resolvedAt", Date.from(now)), Updates.set("resolution", resolution)));
    }

    /** A manager acknowledges a signal; false if it does not exist. */
    public Optional<Signal> acknowledge(String signalId, String managerId, String note) {
        Document doc = collection().find(Filters.eq("_id", signalId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        if (SignalStatus.OPEN.name().equals(doc.getString("status"))) {
            Instant now = clock.instant();
            publish(signalId + "|acknowledged", new SignalAcknowledged(signalId, SignalType.valueOf(doc.getString("type")),
                    doc.getString("repId"), doc.getString("teamId"), managerId, now));
            collection().updateOne(Filters.eq("_id", signalId), Updates.combine(
                    Updates.set("status", SignalStatus.ACKNOWLEDGED.name()), Updates.set("acknowledgedAt", Date.from(now)),
                    Updates.set("acknowledgedBy", managerId), Updates.set("note", note)));
        }
        return get(signalId);
    }

    public Optional<Signal> get(String signalId) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", signalId)).first()).map(SignalBook::read);
    }

    /** A team's signals, newest first, optionally by status and type. */
    public List<Signal> ofTeam(String teamId, SignalStatus status, SignalType type) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("teamId", teamId)));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (type != null) {
            filters.add(Filters.eq("type", type.name()));
        }
        return find(Filters.and(filters));
    }

    /** A page of a team's signals, newest first, as the list endpoint answers it. */
    public org.springframework.http.ResponseEntity<List<Signal>> pageOfTeam(String teamId, SignalStatus status, SignalType type,
                                                                             io.salespulse.kit.web.Paging paging) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("teamId", teamId)));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (type != null) {
            filters.add(Filters.eq("type", type.name()));
        }
        return paging.newestFirst(collection(), Filters.and(filters), "raisedAt", SignalBook::read);
    }

    /** A rep's signals, newest first. */
    public List<Signal> ofRep(String repId) {
        return find(Filters.eq("repId", repId));
    }

    private List<Signal> find(Bson filter) {
        List<Signal> signals = new ArrayList<>();
        for (Document doc : collection().find(filter).sort(Sorts.descending("raisedAt"))) {
            signals.add(read(doc));
        }
        return signals;
    }

    /** {@code salespulse_signals_open{team, type, severity, status}}: open and acknowledged signals (team ids only). */
    @Scheduled(fixedDelayString = "${salespulse.signals.metrics-refresh-ms:30000}", initialDelay = 5_000)
    void refreshGauge() {
        Map<List<String>, Integer> counts = new java.util.HashMap<>();
        for (Document doc : collection().find(Filters.in("status", SignalStatus.OPEN.name(), SignalStatus.ACKNOWLEDGED.name()))) {
            counts.merge(List.of(String.valueOf(doc.getString("teamId")), doc.getString("type"), doc.getString("severity"),
                    doc.getString("status")), 1, Integer::sum);
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(MultiGauge.Row.of(
                Tags.of("team", key.get(0), "type", key.get(1), "severity", key.get(2), "status", key.get(3)), count)));
        openGauge.register(rows, true);
    }

    private Optional<Document> open(SignalType type, String subjectId) {
        return Optional.ofNullable(collection().find(Filters.eq("openKey", openKey(type, subjectId))).first());
    }

    private void publish(String id, SalesPulseEvent event) {
        publisher.publishAll(List.of(EventEnvelope.of(id, SOURCE, event)));
    }

    static String openKey(SignalType type, String subjectId) {
        return type.name() + "|" + subjectId;
    }

    private static String json(Object value) {
        return EventCodec.mapper().writeValueAsString(value);
    }

    private static Signal read(Document doc) {
        return new Signal(doc.getString("_id"), SignalType.valueOf(doc.getString("type")),
                io.salespulse.contracts.signal.SubjectKind.valueOf(doc.getString("subjectKind")), doc.getString("subjectId"),
                doc.getString("repId"), doc.getString("teamId"), Severity.valueOf(doc.getString("severity")),
                SignalStatus.valueOf(doc.getString("status")),
                List.of(EventCodec.mapper().readValue(doc.getString("evidence"), io.salespulse.contracts.signal.Evidence[].class)),
                EventCodec.mapper().readValue(doc.getString("suggestedAction"),
                        new tools.jackson.core.type.TypeReference<Map<io.salespulse.contracts.org.Language, String>>() { }),
                instant(doc, "raisedAt"), instant(doc, "updatedAt"), instant(doc, "acknowledgedAt"), doc.getString("acknowledgedBy"),
                doc.getString("note"), instant(doc, "resolvedAt"), doc.getString("resolution"),
                doc.getString("deal") == null ? null : EventCodec.mapper().readValue(doc.getString("deal"), DealSummary.class));
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
