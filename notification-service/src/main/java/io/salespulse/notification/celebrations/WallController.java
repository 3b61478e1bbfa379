package io.salespulse.notification.celebrations;

import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's wall links (its manager or an admin creates and revokes them; its readers list them), and the wall a link
 * opens: authenticated by the link's own key ({@code X-Wall-Key}), not by a token, so that a TV shows it without
 * anyone's session.
 */
@RestController
class WallController {

    /** A wall link as listed: never its key. */
    record WallView(String wallId, String teamId, String createdBy, Instant createdAt) {

        static WallView of(TeamWall.WallLink link) {
            return new WallView(link.wallId(), link.teamId(), link.createdBy(), link.createdAt());
        }
    }

    /** A link just created, with its key: told this once, kept only as a hash. */
    record CreatedView(String wallId, String teamId, String key, Instant createdAt) {}

    private final TeamWall wall;
    private final RosterStore roster;

    WallController(TeamWall wall, RosterStore roster) {
        this.wall = wall;
        this.roster = roster;
    }

    @Operation(summary = "Create a link to the team's wall (the team's manager or an admin); its key is told once")
    @PostMapping("/api/v1/teams/{teamId}/walls")
    ResponseEntity<CreatedView> create(@PathVariable @Bounded String teamId) {
        if (roster.team(teamId).isEmpty()) {
            throw new NotFoundException("No team " + teamId);
        }
        TeamWall.Created created =
                wall.create(teamId, Caller.current().map(Caller::subject).orElse(null));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedView(
                        created.link().wallId(),
                        teamId,
                        created.key(),
                        created.link().createdAt()));
    }

    @Operation(summary = "A team's wall links in force, the latest first")
    @GetMapping("/api/v1/teams/{teamId}/walls")
    List<WallView> links(@PathVariable @Bounded String teamId) {
        return wall.linksOf(teamId).stream().map(WallView::of).toList();
    }

    @Operation(summary = "Revoke a wall link (the team's manager or an admin): the wall it opened answers 404")
    @DeleteMapping("/api/v1/teams/{teamId}/walls/{wallId}")
    ResponseEntity<Void> revoke(@PathVariable @Bounded String teamId, @PathVariable @Bounded String wallId) {
        if (!wall.revoke(teamId, wallId)) {
            throw new NotFoundException("No wall link " + wallId + " for team " + teamId);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The wall a link opens, with the link's key in X-Wall-Key: public figures and wins only")
    @GetMapping("/api/v1/walls/{wallId}/board")
    TeamWall.WallBoard board(
            @PathVariable @Bounded String wallId, @RequestHeader(value = "X-Wall-Key", required = false) String key) {
        // An unknown link, a revoked one and a wrong key answer alike: nothing tells which.
        return wall.open(wallId, key).orElseThrow(() -> new NotFoundException("No such wall"));
    }
}
