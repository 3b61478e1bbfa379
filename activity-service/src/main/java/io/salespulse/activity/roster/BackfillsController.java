package io.salespulse.activity.roster;

import io.salespulse.contracts.org.Backfill;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backfills of history (the backfill command opens one, loads the history through the ingest API, then completes
 * it): published to the org topic, so that the signal rules leave the teams alone while their history comes in and
 * judge each once it is complete. Admins.
 */
@RestController
class BackfillsController {

    private final RosterService roster;

    BackfillsController(RosterService roster) {
        this.roster = roster;
    }

    /** {@code PUT /api/v1/backfills/{backfillId}} body: the teams whose history it loads (at most 100, each known). */
    record BackfillRequest(@NotEmpty @Size(max = 100) List<@NotBlank @Bounded String> teamIds) {}

    /** Starts a backfill (again: a restart, from now). */
    @Operation(summary = "Open a backfill window for some teams (their rules wait for the history)")
    @PutMapping("/api/v1/backfills/{backfillId}")
    Backfill start(@PathVariable @Bounded String backfillId, @Valid @RequestBody BackfillRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < request.teamIds().size(); i++) {
            if (roster.team(request.teamIds().get(i)).isEmpty()) {
                problems.add(new FieldProblem("teamIds[" + i + "]", "is not a team of the roster"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Instant now = roster.clock().instant();
        return roster.saveBackfill(
                new Backfill(backfillId, request.teamIds().stream().distinct().toList(), now, null, now));
    }

    /** Completes a backfill: the rules judge its teams once, as they now are. Completing again changes nothing. */
    @Operation(summary = "Complete a backfill: its teams are judged once its history has settled")
    @PostMapping("/api/v1/backfills/{backfillId}/complete")
    Backfill complete(@PathVariable @Bounded String backfillId) {
        Backfill backfill = get(backfillId);
        if (backfill.completedAt() != null) {
            return backfill;
        }
        Instant now = roster.clock().instant();
        return roster.saveBackfill(new Backfill(backfillId, backfill.teamIds(), backfill.startedAt(), now, now));
    }

    @Operation(summary = "A backfill window and where it stands")
    @GetMapping("/api/v1/backfills/{backfillId}")
    Backfill get(@PathVariable @Bounded String backfillId) {
        return roster.backfill(backfillId).orElseThrow(() -> new NotFoundException("No backfill " + backfillId));
    }
}
