package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CockpitUser;
import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a signed-in user lands: a manager of one team on its board, a director on its (first) unit's page; anyone else on the list of the teams it reads
 * (every team for leadership and admins), with the leadership view and the roster for those who have them.
 */
@Controller
class Home {

    private final CurrentUser user;
    private final ActivityClient activity;

    Home(CurrentUser user, ActivityClient activity) {
        this.user = user;
        this.activity = activity;
    }

    @GetMapping("/")
    String home(Model model) {
        CockpitUser me = user.get();
        if (me.isOnlyRep()) {
            return "redirect:/me/week";
        }
        if (me.isDirector() && !me.isManager() && !me.isLeadership() && !me.isAdmin()) {
            return "redirect:/units/" + me.units().get(0);
        }
        if (me.isManager() && me.teams().size() == 1 && !me.isLeadership() && !me.isAdmin()) {
            return "redirect:/teams/" + me.teams().get(0);
        }
        model.addAttribute("teams", teams(activity));
        return "home";
    }

    /** The teams the signed-in user reads (at most {@link LeadershipPage#MAX_TEAMS}): id to name, in id order. */
    static Map<String, String> teams(ActivityClient activity) {
        Map<String, String> teams = new LinkedHashMap<>();
        activity.teams(LeadershipPage.MAX_TEAMS).forEach(team -> teams.put(team.teamId(), team.name()));
        return teams;
    }
}
