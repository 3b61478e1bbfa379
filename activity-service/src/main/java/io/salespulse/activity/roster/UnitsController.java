package io.salespulse.activity.roster;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.kit.roster.OrgTree;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kit.web.Revisions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's tree: the company, then regions or segments (at most {@value UnitChanged#MAX_DEPTH} levels), each
 * team under one unit. Every change is published to the compacted org topic, as teams and reps are, so every service
 * knows the tree (and which teams a director's units hold).
 */
@RestController
class UnitsController {

    private final RosterService roster;

    UnitsController(RosterService roster) {
        this.roster = roster;
    }

    /**
     * A unit as the API shows it.
     *
     * @param depth    how deep it sits: the company is 1
     * @param path     the units above it, nearest first
     * @param children the units directly under it
     */
    record UnitView(
            String unitId,
            String name,
            String parentId,
            List<String> headIds,
            List<String> teamIds,
            String reportingCurrency,
            Language locale,
            String timezone,
            int depth,
            List<String> path,
            List<String> children,
            long revision) {

        static UnitView of(UnitChanged unit, OrgTree tree) {
            List<String> path = tree.path(unit.unitId());
            return new UnitView(
                    unit.unitId(),
                    unit.name(),
                    unit.parentId(),
                    unit.headIds(),
                    tree.teamsOf(unit.unitId()),
                    unit.reportingCurrency(),
                    unit.locale(),
                    unit.timezone(),
                    path.size(),
                    path.isEmpty() ? List.of() : path.subList(1, path.size()),
                    tree.children(unit.unitId()),
                    RosterController.revisionOf(unit.occurredAt()));
        }
    }

    @Operation(summary = "Add or change a unit of the organisation")
    @PutMapping("/api/v1/units/{unitId}")
    ResponseEntity<UnitView> putUnit(
            @PathVariable @Bounded String unitId,
            @Valid @RequestBody UnitRequest request,
            @RequestHeader(value = Revisions.IF_MATCH, required = false) String ifMatch) {
        Optional<UnitChanged> held = roster.unit(unitId);
        Optional<Instant> last = held.map(UnitChanged::occurredAt);
        Revisions.check(ifMatch, last.map(RosterController::revisionOf));
        OrgTree tree = roster.tree();
        List<FieldProblem> problems = new ArrayList<>();
        try {
            ZoneId.of(request.timezone());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timezone", "must be an IANA time zone such as Europe/Paris"));
        }
        String parentId = request.parentId() == null || request.parentId().isBlank() ? null : request.parentId();
        parentProblem(unitId, parentId, tree).ifPresent(problems::add);
        List<String> teams =
                List.copyOf(new LinkedHashSet<>(request.teamIds() == null ? List.of() : request.teamIds()));
        List<String> unknown =
                teams.stream().filter(team -> roster.team(team).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            problems.add(new FieldProblem("teamIds", "names no known team: " + String.join(", ", unknown)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        // A team sits under one unit: one another unit holds moves here, and that unit is told without it first.
        for (String team : teams) {
            tree.unitOfTeam(team)
                    .filter(other -> !other.equals(unitId))
                    .flatMap(roster::unit)
                    .ifPresent(other -> roster.saveUnit(new UnitChanged(
                            other.unitId(),
                            other.name(),
                            other.parentId(),
                            other.headIds(),
                            other.teamIds().stream()
                                    .filter(t -> !t.equals(team))
                                    .toList(),
                            other.reportingCurrency(),
                            other.locale(),
                            other.timezone(),
                            roster.nextChange(Optional.of(other.occurredAt())))));
        }
        UnitChanged unit = roster.saveUnit(new UnitChanged(
                unitId,
                request.name().strip(),
                parentId,
                request.headIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.headIds())),
                teams,
                request.reportingCurrency(),
                Language.valueOf(request.locale().toLowerCase(Locale.ROOT)),
                request.timezone(),
                roster.nextChange(last)));
        return RosterController.tagged(UnitView.of(unit, roster.tree()), UnitView::revision);
    }

    /**
     * What is wrong with putting the unit under this parent: the tree has one root, no loop and at most
     * {@value UnitChanged#MAX_DEPTH} levels (the unit's own subtree counted).
     */
    static Optional<FieldProblem> parentProblem(String unitId, String parentId, OrgTree tree) {
        if (parentId == null) {
            return tree.roots().stream()
                    .filter(root -> !root.equals(unitId))
                    .findFirst()
                    .map(root -> new FieldProblem(
                            "parentId", "must name the unit above this one: " + root + " is the company already"));
        }
        if (parentId.equals(unitId) || tree.subtree(unitId).contains(parentId)) {
            return Optional.of(new FieldProblem("parentId", "is this unit or one under it: the tree would loop"));
        }
        if (tree.unit(parentId).isEmpty()) {
            return Optional.of(new FieldProblem("parentId", "names no known unit; create the unit above first"));
        }
        int below = tree.subtree(unitId).stream()
                .mapToInt(u -> tree.depth(u) - tree.depth(unitId))
                .max()
                .orElse(0);
        if (tree.depth(parentId) + 1 + below > UnitChanged.MAX_DEPTH) {
            return Optional.of(
                    new FieldProblem("parentId", "would put a unit deeper than " + UnitChanged.MAX_DEPTH + " levels"));
        }
        return Optional.empty();
    }

    /**
     * The units the caller reads, the company first then each level in name order: every unit for leadership and
     * admins, the units under its own for a director, none for a manager.
     */
    @Operation(summary = "The units the caller reads")
    @GetMapping("/api/v1/units")
    List<UnitView> getUnits() {
        Caller caller = Caller.current().orElseThrow();
        OrgTree tree = roster.tree();
        return tree.units().stream()
                .filter(unit -> caller.mayReadUnit(unit.unitId(), tree))
                .sorted(Comparator.comparingInt((UnitChanged u) -> tree.depth(u.unitId()))
                        .thenComparing(UnitChanged::name)
                        .thenComparing(UnitChanged::unitId))
                .map(unit -> UnitView.of(unit, tree))
                .toList();
    }

    @Operation(summary = "A unit")
    @GetMapping("/api/v1/units/{unitId}")
    ResponseEntity<UnitView> getUnit(@PathVariable @Bounded String unitId) {
        OrgTree tree = roster.tree();
        return RosterController.tagged(
                tree.unit(unitId)
                        .map(unit -> UnitView.of(unit, tree))
                        .orElseThrow(() -> new NotFoundException("No unit " + unitId)),
                UnitView::revision);
    }
}
