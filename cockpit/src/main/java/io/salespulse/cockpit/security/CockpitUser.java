package io.salespulse.cockpit.security;

import java.io.Serializable;
import java.util.List;

/**
 * Who is signed in: the same identity the services read from a token (subject, roles, teams), and the token the
 * cockpit calls them with. Kept in the server-side session only: never in a URL, a page or a log.
 *
 * @param id    the token's subject (a manager's id)
 * @param name  how the cockpit greets them
 * @param roles MANAGER, DIRECTOR, LEADERSHIP, ADMIN, REP
 * @param teams the teams a manager manages
 * @param units the units of the organisation a director leads
 * @param token the bearer token for the services
 */
public record CockpitUser(
        String id, String name, List<String> roles, List<String> teams, List<String> units, String token)
        implements Serializable {

    public CockpitUser {
        units = units == null ? List.of() : List.copyOf(units);
    }

    public boolean isManager() {
        return roles.contains("MANAGER");
    }

    /** Leads units of the organisation: reads every team under them. */
    public boolean isDirector() {
        return roles.contains("DIRECTOR") && !units.isEmpty();
    }

    public boolean isLeadership() {
        return roles.contains("LEADERSHIP");
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    /** A rep and nothing more: its own week is all it reads ({@code id} is its rep id). */
    public boolean isOnlyRep() {
        return roles.contains("REP") && !isManager() && !roles.contains("DIRECTOR") && !isLeadership() && !isAdmin();
    }

    @Override
    public String toString() {
        return "CockpitUser[" + id + ", roles=" + roles + ", teams=" + teams + ", units=" + units + "]";
    }
}
