package io.salespulse.kit.roster;

import io.salespulse.contracts.org.UnitChanged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organisation's tree as a service knows it: units (the company at the root, then regions or segments) and the
 * teams under each. Pure, built from the units' latest states; a team named by two units (a move not yet seen by both)
 * is under the one changed last. A loop or a missing parent never hangs a walk: the path up stops at the first unit
 * seen twice, after {@link UnitChanged#MAX_DEPTH} levels or at an unknown parent.
 */
public final class OrgTree {

    public static final OrgTree EMPTY = new OrgTree(List.of());

    private final Map<String, UnitChanged> units = new HashMap<>();
    private final Map<String, String> unitOfTeam = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    public OrgTree(Collection<UnitChanged> known) {
        List<UnitChanged> oldestFirst = known.stream()
                .sorted(Comparator.comparing(UnitChanged::occurredAt).thenComparing(UnitChanged::unitId))
                .toList();
        for (UnitChanged unit : oldestFirst) {
            units.put(unit.unitId(), unit);
            unit.teamIds().forEach(team -> unitOfTeam.put(team, unit.unitId()));
        }
        for (UnitChanged unit : oldestFirst) {
            if (unit.parentId() != null) {
                children.computeIfAbsent(unit.parentId(), p -> new ArrayList<>())
                        .add(unit.unitId());
            }
        }
        children.values().forEach(list -> list.sort(Comparator.naturalOrder()));
    }

    public Optional<UnitChanged> unit(String unitId) {
        return Optional.ofNullable(unitId).map(units::get);
    }

    public Collection<UnitChanged> units() {
        return List.copyOf(units.values());
    }

    /** The unit a team sits directly under, if any names it. */
    public Optional<String> unitOfTeam(String teamId) {
        return Optional.ofNullable(teamId).map(unitOfTeam::get);
    }

    /** The unit and the units above it, nearest first, up to its root (empty for an unknown unit). */
    public List<String> path(String unitId) {
        Set<String> seen = new LinkedHashSet<>();
        String at = unitId;
        while (at != null && units.containsKey(at) && seen.size() < UnitChanged.MAX_DEPTH * 2 && seen.add(at)) {
            at = units.get(at).parentId();
        }
        return List.copyOf(seen);
    }

    /** The units a team sits under, nearest first (empty for a team no unit names). */
    public List<String> pathOfTeam(String teamId) {
        return unitOfTeam(teamId).map(this::path).orElse(List.of());
    }

    /** How deep a unit sits: the root is 1 (0 for an unknown unit). */
    public int depth(String unitId) {
        return path(unitId).size();
    }

    /** The units directly under a unit, in id order. */
    public List<String> children(String unitId) {
        return children.getOrDefault(unitId, List.of()).stream()
                .filter(child ->
                        unit(child).map(u -> unitId.equals(u.parentId())).orElse(false))
                .toList();
    }

    /** The unit and every unit under it, at any depth. */
    public Set<String> subtree(String unitId) {
        Set<String> found = new TreeSet<>();
        if (!units.containsKey(unitId)) {
            return found;
        }
        List<String> toVisit = new ArrayList<>(List.of(unitId));
        while (!toVisit.isEmpty()) {
            String next = toVisit.remove(toVisit.size() - 1);
            if (found.add(next)) {
                toVisit.addAll(children(next));
            }
        }
        return found;
    }

    /** The teams directly under a unit (those it names that no later unit took), in id order. */
    public List<String> teamsOf(String unitId) {
        return unit(unitId)
                .map(unit -> unit.teamIds().stream()
                        .filter(team -> unitId.equals(unitOfTeam.get(team)))
                        .sorted()
                        .toList())
                .orElse(List.of());
    }

    /** Every team under a unit, at any depth, in id order. */
    public Set<String> teamsUnder(String unitId) {
        Set<String> teams = new TreeSet<>();
        subtree(unitId).forEach(unit -> teams.addAll(teamsOf(unit)));
        return teams;
    }

    /** Whether {@code unitId} is one of {@code heads} or sits under one of them. */
    public boolean isWithin(String unitId, Collection<String> heads) {
        return path(unitId).stream().anyMatch(heads::contains);
    }

    /** Whether a team sits under one of these units. */
    public boolean isTeamWithin(String teamId, Collection<String> heads) {
        return pathOfTeam(teamId).stream().anyMatch(heads::contains);
    }

    /** The roots (the company; more than one only while a tree is being rearranged), in id order. */
    public List<String> roots() {
        return units.values().stream()
                .filter(u -> u.parentId() == null || !units.containsKey(u.parentId()))
                .map(UnitChanged::unitId)
                .sorted()
                .toList();
    }
}
