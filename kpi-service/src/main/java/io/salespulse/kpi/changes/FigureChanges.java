package io.salespulse.kpi.changes;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Which teams' figures changed since a reader last looked, so that what is recomputed on a schedule (the Prometheus
 * gauges) costs what changed, not what is stored. Counting names the teams of the rep-days it wrote; whatever else
 * changes figures (a deal fact, an objective, a contract) moves a generation that makes every team change. Writers
 * tell after their write, so a reader that takes the changes before it reads never misses one.
 */
@Component
public class FigureChanges {

    private final Set<String> teams = ConcurrentHashMap.newKeySet();
    private final AtomicLong generation = new AtomicLong();

    /** This team's figures changed (a {@code null} team, a rep not in the roster yet, changes none). */
    public void team(String teamId) {
        if (teamId != null) {
            teams.add(teamId);
        }
    }

    /** Figures of any team may have changed. */
    public void anyTeam() {
        generation.incrementAndGet();
    }

    /** The teams named since the last call (and forgets them). */
    public Set<String> takeTeams() {
        Set<String> taken = new HashSet<>();
        for (String team : teams) {
            if (teams.remove(team)) {
                taken.add(team);
            }
        }
        return taken;
    }

    /** Moves whenever {@link #anyTeam} is called. */
    public long generation() {
        return generation.get();
    }
}
