package io.salespulse.coaching.signals;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.salespulse.coaching.signals.rules.Detection;
import io.salespulse.coaching.signals.rules.ObjectiveRules;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalAcknowledged;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalResolved;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SignalUpdated;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.kit.kafka.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * The signals and their lifecycle. At most one open (or acknowledged) signal per type and subject: its
 * {@code openKey} is {@code type|subject} while open, unique, and becomes the signal's own id once resolved. A
 * condition that persists updates its signal; one that clears resolves it. Each change is published to the signals
 * topic with a deterministic id, before it is marked done, so a crash or a redelivery re-sends the same event
 * (consumers drop it) and never raises a second signal.
 */
@Component
public class SignalStore {

    static final String COLLECTION = "signals";
    static final String SOURCE = "/coaching-service";

    /**
     * A signal as stored. The evidence, the suggested action and the deal are kept as the JSON text of the event that
     * published them (exact, served as is, and compared as text to tell a change of figures).
     */
    @Document(COLLECTION)
    record StoredSignal(
            @Id String signalId,
            String openKey,
            SignalType type,
            SubjectKind subjectKind,
            String subjectId,
            String repId,
            String teamId,
            Severity severity,
            SignalStatus status,
            String evidence,
            String suggestedAction,
            String deal,
            Instant raisedAt,
            Instant updatedAt,
            Boolean announced,
            Instant acknowledgedAt,
            String acknowledgedBy,
            String note,
            Instant resolvedAt,
            String resolution,
            String linkedTo) {}

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Clock clock;
    private final MultiGauge openGauge;
    private final SuggestedActions actions;

    SignalStore(
            MongoTemplate mongo,
            EventPublisher publisher,
            Clock clock,
            MeterRegistry meters,
            SuggestedActions actions) {
        this.mongo = mongo;
        this.actions = actions;
        this.publisher = publisher;
        this.clock = clock;
        IndexOperations indexes = mongo.indexOps(StoredSignal.class);
        indexes.createIndex(
                new Index().on("openKey", Sort.Direction.ASC).unique().named("openKey"));
        indexes.createIndex(new Index().on("teamId", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("subjectId", Sort.Direction.ASC).on("type", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC));
        this.openGauge = MultiGauge.builder("salespulse.signals.open")
                .description("Open signals by team, type, severity and status")
                .register(meters);
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
    public void sync(
            SignalType type, String subjectId, Optional<Detection> detection, Context context, String resolution) {
        sync(type, subjectId, detection, context, resolution, null);
    }

    /**
     * As {@link #sync(SignalType, String, Optional, Context, String)}; a signal raised now is part of {@code linkedTo}
     * (null: of none), and said so to whoever is told of it.
     */
    public void sync(
            SignalType type,
            String subjectId,
            Optional<Detection> detection,
            Context context,
            String resolution,
            String linkedTo) {
        Optional<StoredSignal> open = open(type, subjectId);
        if (detection.isPresent()) {
            if (open.isEmpty()) {
                raise(detection.get(), context, linkedTo);
            } else {
                update(open.get(), detection.get(), context);
            }
        } else {
            open.ifPresent(signal -> resolve(signal, resolution));
        }
    }

    /** Raises a recognition unless one is already open for the same subject (recognitions do not clear). */
    public void recognise(Detection detection, Context context) {
        Optional<StoredSignal> open = open(detection.type(), detection.subjectId());
        if (open.isEmpty()) {
            raise(detection, context, null);
        } else {
            announceIfNeeded(open.get());
        }
    }

    /**
     * The highest of an objective's milestones already recognised, if any. Recognitions are never resolved, so each is
     * found by its open key (a unique-index lookup per milestone, not a scan).
     */
    public Optional<java.math.BigDecimal> highestMilestoneTold(
            String objectiveId, List<java.math.BigDecimal> milestones) {
        return milestones.stream()
                .filter(m -> open(SignalType.OBJECTIVE_ACHIEVED, ObjectiveRules.milestoneSubject(objectiveId, m))
                        .isPresent())
                .max(java.math.BigDecimal::compareTo);
    }

    /** The last resolved signal of (type, subject) resolved since a time, if any. */
    public Optional<Signal> resolvedSince(SignalType type, String subjectId, Instant since) {
        return find(where("type")
                        .is(type)
                        .and("subjectId")
                        .is(subjectId)
                        .and("status")
                        .is(SignalStatus.RESOLVED)
                        .and("resolvedAt")
                        .gte(since))
                .stream()
                .findFirst();
    }

    /** The id of the open signal of (type, subject), if any. */
    public Optional<String> openId(SignalType type, String subjectId) {
        return open(type, subjectId).map(StoredSignal::signalId);
    }

    /** Whether (type, subject) has an open signal. */
    public boolean isOpen(SignalType type, String subjectId) {
        return open(type, subjectId).isPresent();
    }

    /** Links the open signal of (type, subject), if any, to the open signal it is part of now. */
    public void link(SignalType type, String subjectId, String linkedTo) {
        mongo.updateFirst(
                query(where("openKey").is(openKey(type, subjectId))),
                new Update().set("linkedTo", linkedTo),
                StoredSignal.class);
    }

    /** The team's open signals of a type are part of no other any more (the one they were part of is resolved). */
    public void unlinkTeam(SignalType type, String teamId) {
        mongo.updateMulti(
                query(where("teamId")
                        .is(teamId)
                        .and("type")
                        .is(type)
                        .and("status")
                        .ne(SignalStatus.RESOLVED)
                        .and("linkedTo")
                        .ne(null)),
                new Update().unset("linkedTo"),
                StoredSignal.class);
    }

    private void raise(Detection d, Context context, String linkedTo) {
        Instant now = clock.instant();
        StoredSignal signal = new StoredSignal(
                UUID.randomUUID().toString(),
                openKey(d.type(), d.subjectId()),
                d.type(),
                d.subjectKind(),
                d.subjectId(),
                context.repId(),
                context.teamId(),
                d.severity(),
                SignalStatus.OPEN,
                json(d.evidence()),
                json(actions.of(d.type(), context.repName(), context.stance())),
                context.deal() == null ? null : json(context.deal()),
                now,
                now,
                false,
                null,
                null,
                null,
                null,
                null,
                linkedTo);
        try {
            mongo.insert(signal);
        } catch (DuplicateKeyException e) {
            // Raised meanwhile (a redelivery racing this one): the open signal takes the figures.
            open(d.type(), d.subjectId()).ifPresent(existing -> update(existing, d, context));
            return;
        }
        announceIfNeeded(signal);
    }

    /** Publishes the raise of a signal stored but not yet announced (also after a crash between the two). */
    private void announceIfNeeded(StoredSignal stored) {
        if (Boolean.TRUE.equals(stored.announced())) {
            return;
        }
        Signal s = read(stored);
        publish(
                s.signalId(),
                new SignalRaised(
                        s.signalId(),
                        s.type(),
                        s.subjectKind(),
                        s.subjectId(),
                        s.repId(),
                        s.teamId(),
                        s.severity(),
                        s.evidence(),
                        s.suggestedAction(),
                        s.deal(),
                        s.linkedTo(),
                        s.raisedAt()));
        mongo.updateFirst(byId(s.signalId()), new Update().set("announced", true), StoredSignal.class);
    }

    /** New figures of an open signal: published as an update; the deal it is about is kept as it now is. */
    private void update(StoredSignal stored, Detection d, Context context) {
        announceIfNeeded(stored);
        String evidence = json(d.evidence());
        if (evidence.equals(stored.evidence()) && d.severity() == stored.severity()) {
            return;
        }
        Instant now = clock.instant();
        String signalId = stored.signalId();
        publish(
                UUID.nameUUIDFromBytes(
                                (signalId + "|" + d.severity() + "|" + evidence).getBytes(StandardCharsets.UTF_8))
                        .toString(),
                new SignalUpdated(
                        signalId, d.type(), stored.repId(), stored.teamId(), d.severity(), d.evidence(), now));
        Update changes = new Update()
                .set("evidence", evidence)
                .set("severity", d.severity())
                .set("updatedAt", now);
        if (context.deal() != null) {
            changes.set("deal", json(context.deal()));
        }
        mongo.updateFirst(byId(signalId), changes, StoredSignal.class);
    }

    private void resolve(StoredSignal stored, String resolution) {
        announceIfNeeded(stored);
        Instant now = clock.instant();
        String signalId = stored.signalId();
        publish(
                signalId + "|resolved",
                new SignalResolved(signalId, stored.type(), stored.repId(), stored.teamId(), resolution, now));
        mongo.updateFirst(
                byId(signalId),
                new Update()
                        .set("status", SignalStatus.RESOLVED)
                        .set("openKey", signalId)
                        .set("resolvedAt", now)
                        .set("resolution", resolution),
                StoredSignal.class);
    }

    /** A manager acknowledges a signal; false if it does not exist. */
    public Optional<Signal> acknowledge(String signalId, String managerId, String note) {
        StoredSignal stored = mongo.findById(signalId, StoredSignal.class);
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.status() == SignalStatus.OPEN) {
            Instant now = clock.instant();
            publish(
                    signalId + "|acknowledged",
                    new SignalAcknowledged(signalId, stored.type(), stored.repId(), stored.teamId(), managerId, now));
            mongo.updateFirst(
                    byId(signalId),
                    new Update()
                            .set("status", SignalStatus.ACKNOWLEDGED)
                            .set("acknowledgedAt", now)
                            .set("acknowledgedBy", managerId)
                            .set("note", note),
                    StoredSignal.class);
        }
        return get(signalId);
    }

    public Optional<Signal> get(String signalId) {
        return Optional.ofNullable(mongo.findById(signalId, StoredSignal.class)).map(SignalStore::read);
    }

    /** A team's signals, newest first, optionally by status and type. */
    public List<Signal> ofTeam(String teamId, SignalStatus status, SignalType type) {
        return find(ofTeamCriteria(teamId, status, type, true));
    }

    /** A page of a team's signals, newest first, as the list endpoint answers it. */
    public org.springframework.http.ResponseEntity<List<Signal>> pageOfTeam(
            String teamId,
            SignalStatus status,
            SignalType type,
            boolean withCare,
            io.salespulse.kit.web.Paging paging) {
        return paging.newestFirst(
                mongo,
                COLLECTION,
                ofTeamCriteria(teamId, status, type, withCare),
                StoredSignal.class,
                "raisedAt",
                StoredSignal::raisedAt,
                StoredSignal::signalId,
                SignalStore::read);
    }

    /** {@code withCare}: care signals too (for the rep's managers only, {@link CareVisibility}). */
    private static Criteria ofTeamCriteria(String teamId, SignalStatus status, SignalType type, boolean withCare) {
        Criteria criteria = where("teamId").is(teamId);
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (type != null) {
            criteria.and("type").in(withCare || !type.isCare() ? List.of(type) : List.of());
        } else if (!withCare) {
            criteria.and("type").nin(CARE_TYPES);
        }
        return criteria;
    }

    /** The care signal types. */
    static final List<SignalType> CARE_TYPES = java.util.Arrays.stream(SignalType.values())
            .filter(SignalType::isCare)
            .toList();

    /**
     * The weak signals (no recognition, no care signal) of these teams that are not resolved, or were resolved after
     * {@code since}: what was open at any time from {@code since} on.
     */
    public List<Signal> weakOpenSince(java.util.Collection<String> teamIds, Instant since) {
        List<SignalType> left = java.util.Arrays.stream(SignalType.values())
                .filter(type -> type.isCare() || type.isPositive())
                .toList();
        List<Signal> open = find(where("teamId")
                .in(teamIds)
                .and("type")
                .nin(left)
                .and("status")
                .in(SignalStatus.OPEN, SignalStatus.ACKNOWLEDGED));
        List<Signal> resolved = find(where("teamId")
                .in(teamIds)
                .and("type")
                .nin(left)
                .and("status")
                .is(SignalStatus.RESOLVED)
                .and("resolvedAt")
                .gt(since));
        return java.util.stream.Stream.concat(open.stream(), resolved.stream()).toList();
    }

    /** A rep's signals, newest first. */
    public List<Signal> ofRep(String repId) {
        return find(where("repId").is(repId));
    }

    private List<Signal> find(Criteria criteria) {
        return mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "raisedAt")), StoredSignal.class).stream()
                .map(SignalStore::read)
                .toList();
    }

    /**
     * {@code salespulse_signals_open{team, type, severity, status}}: open and acknowledged signals (team ids only),
     * care signals left out (they are between a rep and its managers, not for dashboards).
     */
    @Scheduled(fixedDelayString = "${salespulse.signals.metrics-refresh-ms:30000}", initialDelay = 5_000)
    void refreshGauge() {
        Map<List<String>, Integer> counts = new java.util.HashMap<>();
        for (StoredSignal signal : mongo.find(
                query(where("status")
                        .in(SignalStatus.OPEN, SignalStatus.ACKNOWLEDGED)
                        .and("type")
                        .nin(CARE_TYPES)),
                StoredSignal.class)) {
            counts.merge(
                    List.of(
                            String.valueOf(signal.teamId()),
                            signal.type().name(),
                            signal.severity().name(),
                            signal.status().name()),
                    1,
                    Integer::sum);
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(MultiGauge.Row.of(
                Tags.of("team", key.get(0), "type", key.get(1), "severity", key.get(2), "status", key.get(3)), count)));
        openGauge.register(rows, true);
    }

    private Optional<StoredSignal> open(SignalType type, String subjectId) {
        return Optional.ofNullable(
                mongo.findOne(query(where("openKey").is(openKey(type, subjectId))), StoredSignal.class));
    }

    private void publish(String id, SalesPulseEvent event) {
        publisher.publishAll(List.of(EventEnvelope.of(id, SOURCE, event)));
    }

    static String openKey(SignalType type, String subjectId) {
        return type.name() + "|" + subjectId;
    }

    private static Query byId(String signalId) {
        return query(where("_id").is(signalId));
    }

    private static String json(Object value) {
        return EventCodec.mapper().writeValueAsString(value);
    }

    private static Signal read(StoredSignal s) {
        return new Signal(
                s.signalId(),
                s.type(),
                s.subjectKind(),
                s.subjectId(),
                s.repId(),
                s.teamId(),
                s.severity(),
                s.status(),
                List.of(EventCodec.mapper().readValue(s.evidence(), Evidence[].class)),
                EventCodec.mapper().readValue(s.suggestedAction(), new TypeReference<Map<Language, String>>() {}),
                s.raisedAt(),
                s.updatedAt(),
                s.acknowledgedAt(),
                s.acknowledgedBy(),
                s.note(),
                s.resolvedAt(),
                s.resolution(),
                s.deal() == null ? null : EventCodec.mapper().readValue(s.deal(), DealSummary.class),
                s.linkedTo());
    }
}
