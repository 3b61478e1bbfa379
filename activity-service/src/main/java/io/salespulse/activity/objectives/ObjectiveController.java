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
import io.salespulse.kit.web.Revisions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.web.bind.annotation.RequestHeader;
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
    record ObjectiveView(
            String objectiveId,
            String teamId,
            ObjectiveScope scope,
            String scopeId,
            ObjectiveMetric metric,
            BigDecimal target,
            String currency,
            LocalDate periodStart,
            LocalDate periodEnd,
            String status,
            String setBy,
            String updatedBy,
            Instant changedAt,
            Instant cancelledAt,
            String cancelledBy,
            String reason,
            long revision) {

        static ObjectiveView of(ObjectiveService.Held held) {
            ObjectiveSet o = held.definition();
            return new ObjectiveView(
                    o.objectiveId(),
                    held.teamId(),
                    o.scope(),
                    o.scopeId(),
                    o.metric(),
                    o.target(),
                    o.currency(),
                    o.periodStart(),
                    o.periodEnd(),
                    held.cancelled() ? "CANCELLED" : "ACTIVE",
                    held.setBy(),
                    held.updatedBy(),
                    o.occurredAt(),
                    held.cancelledAt(),
                    held.cancelledBy(),
                    held.reason(),
                    held.revision());
        }
    }

    @Operation(summary = "An objective as set")
    @GetMapping("/api/v1/teams/{teamId}/objectives/{objectiveId}")
    ResponseEntity<ObjectiveView> get(@PathVariable @Bounded String teamId, @PathVariable @Bounded String objectiveId) {
        ObjectiveView view = ObjectiveView.of(ofTeam(teamId, objectiveId));
        return ResponseEntity.ok().eTag(Revisions.etag(view.revision())).body(view);
    }

    /**
     * Sets a new objective ({@code 201}) or adjusts a held one's target or period ({@code 200}); the same request again
     * changes nothing. Scope, scope id, metric and currency are fixed once set: cancel and set another to change them.
     */
    @Operation(summary = "Set an objective, or adjust its target or period")
    @ApiResponse(
            responseCode = "200",
            description = "Adjusted (or the same request again)",
            content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @ApiResponse(
            responseCode = "201",
            description = "Set",
            content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @ApiResponse(responseCode = "409", description = "The objective was cancelled: set a new one")
    @PutMapping("/api/v1/teams/{teamId}/objectives/{objectiveId}")
    ResponseEntity<ObjectiveView> put(
            @PathVariable @Bounded String teamId,
            @PathVariable @Bounded String objectiveId,
            @RequestBody JsonNode body,
            @RequestHeader(value = Revisions.IF_MATCH, required = false) String ifMatch) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<ObjectiveService.Held> held = objectives.get(objectiveId);
        ObjectiveSet requested = ObjectiveFields.read(
                new FieldReader(body, "", problems), objectiveId, window, objectives.nextChange(held));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (held.isPresent()) {
            if (!teamId.equals(held.get().teamId())) {
                throw new NotFoundException("No objective " + objectiveId + " in team " + teamId);
            }
            Revisions.check(ifMatch, held.map(ObjectiveService.Held::revision));
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
                problems.add(new FieldProblem(
                        "scopeId",
                        requested.scope() == ObjectiveScope.TEAM
                                ? "must be this team (" + teamId + ")"
                                : "names a rep of another team"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ObjectiveService.Change change = objectives.put(requested, held, teamId, caller());
        ObjectiveView view = ObjectiveView.of(change.objective());
        return change.outcome() == ObjectiveService.Outcome.CREATED
                ? ResponseEntity.created(URI.create("/api/v1/teams/" + teamId + "/objectives/" + objectiveId))
                        .eTag(Revisions.etag(view.revision()))
                        .body(view)
                : ResponseEntity.ok().eTag(Revisions.etag(view.revision())).body(view);
    }

    /** The most weeks a ramp holds (half a year). */
    static final int MAX_RAMP_WEEKS = 26;

    /**
     * A ramp: a rep's weekly objectives whose target rises on a schedule (a junior's first weeks), {@code {repId, metric,
     * currency, start (a Monday), weeklyTargets: [..]}}. Each week is an objective of its own, {@code <rampId>-w<n>},
     * Monday to Sunday, set or adjusted as a PUT of it would be; weeks dropped from the schedule are cancelled. Answers
     * the ramp's objectives, in week order.
     */
    @Operation(summary = "Set a rep's onboarding ramp: weekly objectives rising on a schedule")
    @PutMapping("/api/v1/teams/{teamId}/ramps/{rampId}")
    List<ObjectiveView> ramp(
            @PathVariable @Bounded String teamId, @PathVariable @Bounded String rampId, @RequestBody JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader fields = new FieldReader(body, "", problems);
        String repId = fields.text("repId", true);
        ObjectiveMetric metric = fields.enumValue("metric", ObjectiveMetric.class, true);
        String currency = metric != null && metric.inCurrency() ? fields.currency("currency", true) : null;
        if (metric != null && metric.isRatio()) {
            problems.add(new FieldProblem(
                    "metric", "must be counted week by week: a ramp's targets rise, a share does not"));
        }
        LocalDate start = fields.planned("start", fields.date("start", true), window);
        if (start != null && start.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            problems.add(new FieldProblem("start", "must be a Monday: each week of the ramp runs Monday to Sunday"));
        }
        JsonNode targets = body == null ? null : body.get("weeklyTargets");
        if (targets == null || !targets.isArray() || targets.isEmpty() || targets.size() > MAX_RAMP_WEEKS) {
            problems.add(new FieldProblem("weeklyTargets", "must hold 1 to " + MAX_RAMP_WEEKS + " weekly targets"));
        }
        if (repId != null
                && !objectives
                        .teamOf(ObjectiveScope.REP, repId)
                        .map(teamId::equals)
                        .orElse(false)) {
            problems.add(new FieldProblem("repId", "names no rep of this team"));
        }
        List<ObjectiveSet> weeks = new ArrayList<>();
        for (int i = 0; problems.isEmpty() && i < targets.size(); i++) {
            tools.jackson.databind.node.ObjectNode week =
                    tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            week.set("target", targets.get(i));
            BigDecimal target =
                    new FieldReader(week, "weeklyTargets[" + i + "]", problems).positiveDecimal("target", true);
            String objectiveId = rampId + "-w" + (i + 1);
            objectives
                    .get(objectiveId)
                    .filter(held -> held.cancelled() || !teamId.equals(held.teamId()))
                    .ifPresent(held -> problems.add(new FieldProblem(
                            "weeklyTargets",
                            "week " + objectiveId + " was cancelled or belongs to another team; use another ramp id")));
            weeks.add(new ObjectiveSet(
                    objectiveId,
                    ObjectiveScope.REP,
                    repId,
                    metric,
                    target,
                    currency,
                    start.plusWeeks(i),
                    start.plusWeeks(i).plusDays(6),
                    objectives.clock().instant()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<ObjectiveView> views = new ArrayList<>();
        for (ObjectiveSet week : weeks) {
            Optional<ObjectiveService.Held> held = objectives.get(week.objectiveId());
            if (held.isPresent()) {
                ObjectiveSet before = held.get().definition();
                if (!before.scopeId().equals(week.scopeId())
                        || before.metric() != week.metric()
                        || !Objects.equals(before.currency(), week.currency())) {
                    throw new InvalidRequestException(
                            "repId", "a ramp keeps its rep, metric and currency; set another ramp id to change them");
                }
            }
            views.add(ObjectiveView.of(
                    objectives.put(week, held, teamId, caller()).objective()));
        }
        // Weeks beyond the new schedule are cancelled (a shortened ramp).
        for (int n = weeks.size() + 1; n <= MAX_RAMP_WEEKS; n++) {
            objectives
                    .get(rampId + "-w" + n)
                    .filter(held -> !held.cancelled() && teamId.equals(held.teamId()))
                    .ifPresent(held -> objectives.cancel(held, caller(), "dropped from ramp " + rampId));
        }
        return views;
    }

    /** Cancels an objective for good ({@code reason} optional); cancelling it again changes nothing. */
    @Operation(summary = "Cancel an objective, with a reason")
    @PostMapping("/api/v1/teams/{teamId}/objectives/{objectiveId}/cancel")
    ObjectiveView cancel(
            @PathVariable @Bounded String teamId,
            @PathVariable @Bounded String objectiveId,
            @RequestBody(required = false) JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        String reason = new FieldReader(body, "", problems).freeText("reason", false);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return ObjectiveView.of(objectives.cancel(ofTeam(teamId, objectiveId), caller(), reason));
    }

    private ObjectiveService.Held ofTeam(String teamId, String objectiveId) {
        return objectives
                .get(objectiveId)
                .filter(held -> teamId.equals(held.teamId()))
                .orElseThrow(() -> new NotFoundException("No objective " + objectiveId + " in team " + teamId));
    }

    private static void fixed(List<FieldProblem> problems, String field, Object held, Object requested) {
        if (!Objects.equals(held, requested)) {
            problems.add(new FieldProblem(
                    field, "cannot change once set (it is " + held + "); cancel this objective and set a new one"));
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
