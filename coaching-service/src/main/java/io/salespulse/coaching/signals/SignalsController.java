package io.salespulse.coaching.signals;

import io.salespulse.coaching.oneonones.OneOnOneRecords;
import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kit.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Signals of a team, one signal, acknowledging it, and a rep's 1:1 agenda. */
@RestController
class SignalsController {

    private final SignalStore book;
    private final CoachingFactsStore facts;
    private final Clock clock;
    private final OneOnOneQuestions questions;
    private final RosterStore roster;
    private final OneOnOneRecords oneOnOnes;
    private final io.salespulse.coaching.signals.rules.RuleSettings rules;
    private final io.salespulse.coaching.plans.DevelopmentPlans plans;
    private final io.salespulse.coaching.plans.PlanViews planViews;

    SignalsController(
            SignalStore book,
            CoachingFactsStore facts,
            Clock clock,
            OneOnOneQuestions questions,
            RosterStore roster,
            OneOnOneRecords oneOnOnes,
            io.salespulse.coaching.signals.rules.RuleSettings rules,
            io.salespulse.coaching.plans.DevelopmentPlans plans,
            io.salespulse.coaching.plans.PlanViews planViews) {
        this.book = book;
        this.plans = plans;
        this.planViews = planViews;
        this.rules = rules;
        this.roster = roster;
        this.oneOnOnes = oneOnOnes;
        this.questions = questions;
        this.facts = facts;
        this.clock = clock;
    }

    @Operation(summary = "A team's signals, by status and type")
    @GetMapping("/api/v1/teams/{teamId}/signals")
    ResponseEntity<List<Signal>> teamSignals(
            @PathVariable String teamId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Paging paging = Paging.of(limit, cursor);
        return book.pageOfTeam(
                teamId,
                parse("status", status, SignalStatus.class),
                parse("type", type, SignalType.class),
                CareVisibility.ofTeam(teamId),
                paging);
    }

    @Operation(summary = "A signal with its lifecycle")
    @GetMapping("/api/v1/signals/{signalId}")
    Signal signal(@PathVariable String signalId) {
        return book.get(signalId)
                .filter(CareVisibility::visible)
                .orElseThrow(() -> new NotFoundException("No signal " + signalId));
    }

    /** @param note the manager's note (who acknowledges is the token's subject) */
    record Acknowledgement(String note) {}

    @Operation(summary = "Acknowledge a signal, with a note")
    @PostMapping("/api/v1/signals/{signalId}/acknowledge")
    Signal acknowledge(@PathVariable String signalId, @RequestBody(required = false) Acknowledgement body) {
        Optional<Caller> caller = Caller.current();
        String managerId = caller.map(Caller::subject).orElse(null);
        Optional<Signal> signal = book.get(signalId).filter(CareVisibility::visible);
        if (signal.isEmpty()) {
            throw new NotFoundException("No signal " + signalId);
        }
        // A director (not a manager of the team) acknowledges what is about a team, never what is about a person.
        if (caller.filter(c -> !c.mayWrite(signal.get().teamId())).isPresent()
                && signal.get().subjectKind() != io.salespulse.contracts.signal.SubjectKind.TEAM) {
            throw new io.salespulse.kit.web.ForbiddenException(
                    "A director acknowledges the signals about a team; this one is its manager's.");
        }
        return book.acknowledge(signalId, managerId, body == null ? null : body.note())
                .orElseThrow(() -> new NotFoundException("No signal " + signalId));
    }

    /** A recognition as its rep reads it: what was recognised, with its figures (the manager's suggestion left out). */
    record Recognition(
            String signalId,
            io.salespulse.contracts.signal.SignalType type,
            List<io.salespulse.contracts.signal.Evidence> evidence,
            Instant raisedAt) {}

    static final int MAX_RECOGNITIONS = 100;

    /** A rep's recognitions of the last 90 days, newest first: what the rep reads of its signals, and its managers too. */
    @Operation(summary = "A rep's recent recognitions")
    @GetMapping("/api/v1/reps/{repId}/recognitions")
    List<Recognition> recognitions(@PathVariable String repId, @RequestParam(defaultValue = "20") int limit) {
        if (roster.rep(repId).isEmpty()) {
            throw new NotFoundException("No rep " + repId);
        }
        if (limit < 1 || limit > MAX_RECOGNITIONS) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_RECOGNITIONS);
        }
        Instant since = clock.instant().minus(Duration.ofDays(90));
        return book.ofRep(repId).stream()
                .filter(s -> s.type().isPositive() && !s.raisedAt().isBefore(since))
                .limit(limit)
                .map(s -> new Recognition(s.signalId(), s.type(), s.evidence(), s.raisedAt()))
                .toList();
    }

    /** A weak signal to talk about, with questions to open the conversation. */
    record AgendaItem(Signal signal, Map<Language, List<String>> questions) {}

    /** The last 1:1 the agenda starts from. */
    record LastOneOnOne(String oneOnOneId, String heldOn, Integer energy) {}

    /**
     * Where a rep in onboarding stands on its ramp: days since it started, and the first days it booked a meeting and
     * won a deal (null: not yet).
     */
    record Onboarding(
            java.time.LocalDate startDate,
            long daysSinceStart,
            java.time.LocalDate firstMeetingBooked,
            java.time.LocalDate firstDealWon) {}

    /**
     * The agenda of a rep's next 1:1: from the last one (or the last 14 days), what is open and what went well; for a
     * rep in onboarding, its ramp; the goals of its development plan with where they stand.
     */
    record OneOnOne(
            String repId,
            LastOneOnOne lastOneOnOne,
            Instant since,
            List<OneOnOneRecords.OpenItem> openActionItems,
            List<AgendaItem> toDiscuss,
            List<Signal> recognitions,
            List<ObjectiveProgressed> objectives,
            Onboarding onboarding,
            List<io.salespulse.coaching.plans.PlanViews.GoalView> plan) {}

    @Operation(summary = "The agenda of a rep's next 1:1")
    @GetMapping("/api/v1/reps/{repId}/one-on-one")
    OneOnOne oneOnOne(@PathVariable String repId, @RequestParam(required = false) String since) {
        Optional<RepChanged> rep = roster.rep(repId);
        if (rep.isEmpty()) {
            // A manager never gets here for a rep outside its teams (403); leadership and admins learn it is unknown.
            throw new NotFoundException("No rep " + repId);
        }
        java.time.ZoneId zone = roster.zoneOf(repId);
        Optional<OneOnOneRecords.OneOnOne> last = oneOnOnes.last(repId);
        Instant from;
        try {
            from = since != null
                    ? Instant.parse(since)
                    : last.map(l -> java.time.LocalDate.parse(l.heldOn())
                                    .atStartOfDay(zone)
                                    .toInstant())
                            .orElse(clock.instant().minus(Duration.ofDays(14)));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since", "must be an instant, e.g. 2026-11-16T00:00:00Z (the last 1:1)");
        }
        Stance stance = Stance.of(
                rep.get(),
                java.time.LocalDate.now(clock.withZone(zone)),
                rules.windows().onboarding());
        boolean care = CareVisibility.ofRep(rep.get().teamId(), repId);
        List<Signal> signals = book.ofRep(repId);
        List<AgendaItem> open = signals.stream()
                .filter(s -> !s.type().isPositive() && s.status() != SignalStatus.RESOLVED)
                .filter(s -> care || !s.type().isCare())
                .map(s -> new AgendaItem(s, questions.of(s.type(), stance)))
                .toList();
        List<Signal> recognitions = signals.stream()
                .filter(s -> s.type().isPositive() && !s.raisedAt().isBefore(from))
                .toList();
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone));
        return new OneOnOne(
                repId,
                last.map(l -> new LastOneOnOne(l.oneOnOneId(), l.heldOn(), care ? l.energy() : null))
                        .orElse(null),
                from,
                oneOnOnes.openItems(repId, today),
                open,
                recognitions,
                facts.objectivesOf(repId),
                stance == Stance.ONBOARDING ? onboarding(repId, rep.get().startDate(), today) : null,
                plans.of(repId).map(plan -> planViews.of(plan).goals()).orElse(List.of()));
    }

    private Onboarding onboarding(String repId, java.time.LocalDate start, java.time.LocalDate today) {
        var days = new java.util.TreeMap<>(facts.repDays(repId, start, today));
        java.time.LocalDate meeting = days.entrySet().stream()
                .filter(d -> d.getValue().meetingsBooked() > 0)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        java.time.LocalDate deal = days.entrySet().stream()
                .filter(d -> d.getValue().dealsWon() > 0)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        return new Onboarding(start, java.time.temporal.ChronoUnit.DAYS.between(start, today), meeting, deal);
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
