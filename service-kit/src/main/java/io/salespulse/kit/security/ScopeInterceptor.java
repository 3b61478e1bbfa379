package io.salespulse.kit.security;

import io.salespulse.kit.roster.OrgTree;
import io.salespulse.kit.web.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Team scope on every endpoint, from its path variables: {@code teamId}, {@code repId} (the rep's team) and
 * {@code signalId} (the signal's team) must be a team of a manager's token, or under a unit of a director's token
 * ({@code units}: the subtree, as the service's roster knows it now), unless the caller reads all; {@code unitId} must
 * be under a director's units;
 * {@code managerId} must be the caller itself unless the caller is an admin (or, to read, leadership). A write
 * (any method but GET and HEAD) is checked against the manager's own teams whatever other roles the token holds: only
 * an admin writes for every team, leadership for none. A rep (role {@code REP} alone) reads only through its own rep id
 * ({@code sub}). Roles per endpoint are the security filter chain's business; this adds the team.
 */
class ScopeInterceptor implements HandlerInterceptor {

    /** The one write a rep makes: its own forecast call. */
    static final String REP_CALL = "/api/v1/reps/{repId}/forecast/call";

    private final TeamScope scope;

    ScopeInterceptor(TeamScope scope) {
        this.scope = scope;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Optional<Caller> found = Caller.current();
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (found.isEmpty() || variables == null) {
            return true;
        }
        Caller caller = found.get();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (caller.isOnlyRep()) {
            // The security chain lets a rep reach its own reads (and its own forecast call) only; here, only through
            // its own id.
            boolean ownCall = REP_CALL.equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
            if (!read && !ownCall
                    || !caller.subject().equals(variables.get("repId"))
                    || variables.containsKey("teamId")
                    || variables.containsKey("signalId")
                    || variables.containsKey("managerId")) {
                throw new ForbiddenException("A rep reads its own figures only.");
            }
            return true;
        }
        String managerId = variables.get("managerId");
        if (managerId != null
                && !managerId.equals(caller.subject())
                && !caller.has(Caller.ADMIN)
                && !(read && caller.has(Caller.LEADERSHIP))) {
            throw new ForbiddenException("A manager sees and changes only its own notifications and preferences.");
        }
        if (read ? caller.readsAll() : caller.has(Caller.ADMIN)) {
            return true;
        }
        // Only a director's scope depends on the tree: other callers never pay for reading it.
        OrgTree tree = caller.has(Caller.DIRECTOR) ? scope.tree() : OrgTree.EMPTY;
        if (variables.containsKey("unitId") && !caller.directsUnit(variables.get("unitId"), tree)) {
            throw new ForbiddenException("This unit is not under the units of your token.");
        }
        if (variables.containsKey("teamId")) {
            require(caller, read, Optional.of(variables.get("teamId")), tree);
        }
        if (variables.containsKey("repId")) {
            require(caller, read, scope.teamOfRep(variables.get("repId")), tree);
        }
        if (variables.containsKey("signalId")) {
            Optional<String> team = scope.teamOfSignal(variables.get("signalId"));
            // A director acts on the signals of the teams under its units (acknowledging: the security chain allows
            // nothing else, and the endpoint keeps a director to signals about a team or a deal, not a person).
            if (read || !caller.directs(team.orElse(null), tree)) {
                require(caller, read, team, tree);
            }
        }
        return true;
    }

    private static void require(Caller caller, boolean read, Optional<String> team, OrgTree tree) {
        String teamId = team.orElse(null);
        if (!(read ? caller.mayRead(teamId, tree) : caller.mayWrite(teamId))) {
            throw new ForbiddenException("This belongs to a team that is not in your token.");
        }
    }
}
