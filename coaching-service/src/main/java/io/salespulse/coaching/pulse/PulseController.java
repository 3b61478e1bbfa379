package io.salespulse.coaching.pulse;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.ForbiddenException;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The team pulse: a rep answers its week's question through its link (no sign-in: the link's id and key are the
 * credential; once; for 7 days); the team's managers read the team's weeks, anonymous (nothing of a week under three
 * answers, its comments only from three, never by whom); the rep reads its own answers, and nobody else does.
 */
@RestController
class PulseController {

    static final int MAX_WEEKS = 26;
    static final int MAX_COMMENT = 500;

    /** An invitation as its link opens it: the team, the week asked about, the language, and whether it still works. */
    record PulseView(String teamName, LocalDate week, Language language, String state, Instant expiresAt) {}

    /** {@code POST /api/v1/pulse/{inviteId}/answer}. */
    record AnswerRequest(
            @NotBlank @Size(max = 100) String key,
            @NotNull @Min(1) @Max(5) Integer score,
            @Size(max = MAX_COMMENT) String comment) {}

    /** How many reps were asked now. */
    record Asked(int asked) {}

    private final PulseStore store;
    private final PulseInvitations invitations;
    private final RosterStore roster;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PulseController(
            PulseStore store,
            PulseInvitations invitations,
            RosterStore roster,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.invitations = invitations;
        this.roster = roster;
        this.events = events;
        this.clock = clock;
    }

    private PulseStore.Invite open(String inviteId, String key) {
        return store.open(inviteId, key)
                .orElseThrow(() -> new NotFoundException("No such pulse link (it may have been mistyped)"));
    }

    private PulseView view(PulseStore.Invite invite) {
        TeamChanged team = roster.team(invite.teamId()).orElse(null);
        String state =
                invite.usedAt() != null ? "ANSWERED" : clock.instant().isAfter(invite.expiresAt()) ? "EXPIRED" : "OPEN";
        return new PulseView(
                team == null ? invite.teamId() : team.name(),
                LocalDate.parse(invite.week()),
                team == null ? Language.en : team.locale(),
                state,
                invite.expiresAt());
    }

    @Operation(summary = "What a pulse link asks (no sign-in: its id and key)")
    @GetMapping("/api/v1/pulse/{inviteId}")
    PulseView link(@PathVariable @Bounded String inviteId, @RequestParam @Bounded String key) {
        return view(open(inviteId, key));
    }

    @Operation(summary = "Answer a pulse link, once (no sign-in: its id and key)")
    @PostMapping("/api/v1/pulse/{inviteId}/answer")
    PulseView answer(@PathVariable @Bounded String inviteId, @Valid @RequestBody AnswerRequest request) {
        PulseStore.Invite invite = open(inviteId, request.key());
        if (invite.usedAt() != null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This pulse link was answered already");
        }
        Instant now = clock.instant();
        if (now.isAfter(invite.expiresAt())) {
            throw new ResponseStatusException(HttpStatus.GONE, "This pulse link has expired");
        }
        String comment = request.comment() == null || request.comment().isBlank()
                ? null
                : request.comment().strip();
        if (!store.answer(invite, request.score(), comment, now)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This pulse link was answered already");
        }
        events.publishEvent(new PulseAnswered(invite.teamId()));
        return view(store.open(inviteId, request.key()).orElse(invite));
    }

    @Operation(summary = "A team's pulse, week by week, anonymous (the team's managers only)")
    @GetMapping("/api/v1/teams/{teamId}/pulse")
    List<PulseStore.PulseWeek> team(@PathVariable @Bounded String teamId, @RequestParam(defaultValue = "8") int weeks) {
        if (!Caller.current().map(c -> c.seesCareOf(teamId, null)).orElse(false)) {
            throw new ForbiddenException("A team's pulse is for its managers only.");
        }
        TeamChanged team = roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new InvalidRequestException("weeks", "must be between 1 and " + MAX_WEEKS);
        }
        return store.weeksOf(teamId, monday(team), weeks);
    }

    @Operation(summary = "Ask a team's pulse question this week now, to the reps not asked yet (a manager of the team)")
    @PostMapping("/api/v1/teams/{teamId}/pulse/ask")
    Asked ask(@PathVariable @Bounded String teamId) {
        TeamChanged team = roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
        if (!team.careOrNone().runsPulse()) {
            throw new InvalidRequestException("care.pulse", "the team does not run the pulse: turn it on first");
        }
        return new Asked(invitations.ask(team));
    }

    @Operation(summary = "A rep's own pulse answers (the rep itself only)")
    @GetMapping("/api/v1/reps/{repId}/pulse")
    List<PulseStore.OwnAnswer> own(@PathVariable @Bounded String repId) {
        RepChanged rep = roster.rep(repId).orElseThrow(() -> new NotFoundException("No rep " + repId));
        boolean self = Caller.current()
                .map(c -> c.has(Caller.REP) && rep.repId().equals(c.subject()))
                .orElse(false);
        if (!self) {
            throw new ForbiddenException("A rep's pulse answers are the rep's alone: the team sees them anonymous.");
        }
        return store.ofRep(repId, MAX_WEEKS);
    }

    private LocalDate monday(TeamChanged team) {
        return LocalDate.now(clock.withZone(ZoneId.of(team.timezone())))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
