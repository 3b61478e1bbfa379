package io.salespulse.cockpit.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.salespulse.cockpit.services.Services.Service;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** coaching-service's signals, typed: the records the cockpit reads them as ({@link ReadFrom}). */
@Component
public class CoachingClient {

    private final Services services;

    CoachingClient(Services services) {
        this.services = services;
    }

    /** One signal. */
    public Signal signal(String signalId) {
        return read(services.get(Service.COACHING, "/api/v1/signals/{signalId}", signalId), Signal.class);
    }

    /** A team's signals in a status ({@code OPEN}, {@code ACKNOWLEDGED}), at most {@code limit}. */
    public List<Signal> signalsOfTeam(String teamId, String status, int limit) {
        return signals(services.get(
                Service.COACHING,
                "/api/v1/teams/{teamId}/signals?status={status}&limit={limit}",
                teamId,
                status,
                limit));
    }

    /** A rep's recent recognitions. */
    public List<Signal> recognitionsOf(String repId) {
        return signals(services.get(Service.COACHING, "/api/v1/reps/{repId}/recognitions", repId));
    }

    /** A rep's 1:1 agenda: its open signals with their questions, its recent recognitions. */
    public Agenda agenda(String repId) {
        return agenda(services.get(Service.COACHING, "/api/v1/reps/{repId}/one-on-one", repId));
    }

    /** The agenda's signals, out of the agenda as the service sent it (its other parts read by the page). */
    public static Agenda agenda(JsonNode agenda) {
        return read(agenda, Agenda.class);
    }

    static List<Signal> signals(JsonNode array) {
        List<Signal> signals = new ArrayList<>();
        array.forEach(signal -> signals.add(read(signal, Signal.class)));
        return signals;
    }

    private static <T> T read(JsonNode json, Class<T> type) {
        return EventCodec.mapper().treeToValue(json, type);
    }

    /**
     * A signal as the cockpit shows it.
     *
     * @param suggestedAction the coaching action by language ({@code fr}, {@code en})
     */
    @ReadFrom(service = "coaching-service", schema = "Signal")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Signal(
            String signalId,
            SignalType type,
            String repId,
            String teamId,
            Severity severity,
            String status,
            List<Evidence> evidence,
            Map<String, String> suggestedAction,
            Instant raisedAt,
            Instant acknowledgedAt,
            String acknowledgedBy,
            String note,
            Instant resolvedAt,
            String resolution,
            DealSummary deal) {

        public Signal {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            suggestedAction = suggestedAction == null ? Map.of() : Map.copyOf(suggestedAction);
        }

        public boolean isOpen() {
            return "OPEN".equals(status);
        }

        public boolean isAcknowledged() {
            return "ACKNOWLEDGED".equals(status);
        }
    }

    /** The signals and the running objectives of a rep's 1:1 agenda. */
    @ReadFrom(service = "coaching-service", schema = "OneOnOne")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agenda(List<Talk> toDiscuss, List<Signal> recognitions, List<AgendaObjective> objectives) {

        public Agenda {
            toDiscuss = toDiscuss == null ? List.of() : List.copyOf(toDiscuss);
            recognitions = recognitions == null ? List.of() : List.copyOf(recognitions);
            objectives = objectives == null ? List.of() : List.copyOf(objectives);
        }
    }

    /** A running objective of the rep, as the agenda tells it. */
    @ReadFrom(service = "coaching-service", schema = "ObjectiveProgressed")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgendaObjective(String metric, BigDecimal attainment, BigDecimal pace, String status)
            implements ObjectiveFigures {}

    /** An open signal of the agenda with its 1:1 questions by language. */
    @ReadFrom(service = "coaching-service", schema = "AgendaItem")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Talk(Signal signal, Map<String, List<String>> questions) {

        public Talk {
            questions = questions == null ? Map.of() : Map.copyOf(questions);
        }
    }
}
