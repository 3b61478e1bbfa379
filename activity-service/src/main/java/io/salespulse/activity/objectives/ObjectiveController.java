package io.salespulse.activity.objectives;

import io.salespulse.activity.ingest.FieldReader;
import io.salespulse.activity.ingest.ObjectiveFields;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Objectives set, adjusted and cancelled by the team's managers (and admins): the path's team is checked against the
 * token like every team path; the objective must belong to that team (its own, or one of its reps').
 */
@RestController
class ObjectiveController {

    private final ObjectiveService objectives;
    private final TimeWindow window;

    ObjectiveController(ObjectiveService objectives, TimeWindow window) {
        this.objectives = objectives;
        this.window = window;
    }

    /** An objective as the API shows it. */
    record ObjectiveView(String objectiveId, String teamId, ObjectiveScope scope, String scopeId, ObjectiveMetric metric,
                         BigDecimal target, String currency, LocalDate periodStart, LocalDate periodEnd, String status,
                         String setBy, String updatedBy, Instant changedAt, Instant cancelledAt, String cancelledBy,
                         String reason) {

        static ObjectiveView of(ObjectiveService.Held held) {
            ObjectiveSet o = held.definition();
            return new ObjectiveView(o.objectiveId(), held.teamId(), o.scope(), o.scopeId(), o.metric(), o.target(),
                    o.currency(), o.periodStart(), o.periodEnd(), held.cancelled() ? "CANCELLED" : "ACTIVE", held.setBy(),
                    held.updatedBy(), o.occurredAt(), held.cancelledAt(), held.cancelledBy(), held.reason());
        }
    }

    @GetMapping("/api/v1/teams/{teamId}/objectives/{objectiveId}")
    ObjectiveView get(@PathVariable @Bounded String teamId, @PathVariable @Bounded String objectiveId) {
        return ObjectiveView.of(ofTeam(teamId, objectiveId));
    }

    /**
     * Sets a new objective ({@code 201}) or adjusts a held one's target or period ({@code 200}); the same request again
     * changes nothing. Scope, scope id, metric and currency are fixed once set: cancel and set another to change them.
     */
    @PutMapping("/api/v1/teams/{teamId}/objectives/{objectiveId}")
    ResponseEntity<ObjectiveView> put(@PathVariable @Bounded String teamId, @PathVariable @Bounded String objectiveId,
                                      @RequestBody JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        ObjectiveSet requested = ObjectiveFields.read(new FieldReader(body, "", problems), objectiveId, window,
                objectives.clock().instant());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Optional<ObjectiveService.Held> held = objectives.get(objectiveId);
        if (held.isPresent()) {
            if (!teamId.equals(held.get().teamId())) {
                throw new NotFoundException("No objective " + objectiveId + " in team " + teamId);
            }
            if (held.get().cancelled()) {
                throw conflict("Objective " + objectiveId + " was cancelled; set a new one.");
            }
            ObjectiveSet before = held.get().definition();
            fixed(problems, "scope", before.scope(), requested.scope());
            fixed(problems, "scopeId", before.scopeId(), requested.scopeId());
            fixed(problems, "metric", before.metric(), requested.metric());
            fixed(problems, "currency", before.currency(), requested.currency());
        } else {
            Optional<String> team = objectives.teamOf(requested.scope(), requested.scopeId());
            if (team.isEmpty()) {
                problems.add(new FieldProblem("scopeId", "names no known rep"));
            } else if (!team.get().equals(teamId)) {
                problems.add(new FieldProblem("scopeId", requested.scope() == ObjectiveScope.TEAM
                        ? "must be this team (" + teamId + ")" : "names a rep of another team"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ObjectiveService.Change change = objectives.put(requested, held, teamId, caller());
        ObjectiveView view = ObjectiveView.of(change.objective());
        return change.outcome() == ObjectiveService.Outcome.CREATED
                ? ResponseEntity.created(URI.create("/api/v1/teams/" + teamId + "/objectives/" + objectiveId)).body(view)
                : ResponseEntity.ok(view);
    }

    /** Cancels an objective for good ({@code reason} optional); cancelling it again changes nothing. */
    @PostMapping("/api/v1/teams/{teamId}/objectives/{objectiveId}/cancel")
    ObjectiveView cancel(@PathVariable @Bounded String teamId, @PathVariable @Bounded String objectiveId,
                         @RequestBody(required = false) JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        String reason = new FieldReader(body, "", problems).freeText("reason", false);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return ObjectiveView.of(objectives.cancel(ofTeam(teamId, objectiveId), caller(), reason));
    }

    private ObjectiveService.Held ofTeam(String teamId, String objectiveId) {
        return objectives.get(objectiveId).filter(held -> teamId.equals(held.teamId()))
                .orElseThrow(() -> new NotFoundException("No objective " + objectiveId + " in team " + teamId));
    }

    private static void fixed(List<FieldProblem> problems, String field, Object held, Object requested) {
        if (!Objects.equals(held, requested)) {
            problems.add(new FieldProblem(field, "cannot change once set (it is " + held + "); cancel this objective and set a new one"));
        }
    }

    private static ErrorResponseException conflict(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(URI.create("urn:salespulse:problem:conflict"));
        problem.setTitle("Conflict");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    private static String caller() {
        return Caller.current().map(Caller::subject).orElse(null);
    }
}
