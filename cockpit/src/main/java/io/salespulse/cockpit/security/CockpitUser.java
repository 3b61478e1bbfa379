package io.salespulse.cockpit.security;

import java.io.Serializable;
import java.util.List;

/**
 * Who is signed in: the same identity the services read from a token (subject, roles, teams), and the token the
 * cockpit calls them with. Kept in the server-side session only: never in a URL, a page or a log.
 *
 * @param id    the token's subject (a manager's id)
 * @param name  how the cockpit greets them
 * @param roles MANAGER, LEADERSHIP, ADMIN, REP
 * @param teams the teams a manager manages
 * @param token the bearer token for the services
 */
public record CockpitUser(String id, String name, List<String> roles, List<String> teams, String token)
        implements Serializable {

    public boolean isManager() {
        return roles.contains("MANAGER");
    }

    public boolean isLeadership() {
        return roles.contains("LEADERSHIP");
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    /** A rep and nothing more: its own week is all it reads ({@code id} is its rep id). */
    public boolean isOnlyRep() {
        return roles.contains("REP") && !isManager() && !isLeadership() && !isAdmin();
    }

    @Override
    public String toString() {
        return "CockpitUser[" + id + ", roles=" + roles + ", teams=" + teams + "]";
    }
}
