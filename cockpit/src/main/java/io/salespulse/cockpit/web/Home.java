package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CockpitUser;
import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Service;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a signed-in user lands: a manager of one team on its board; anyone else on the list of the teams it reads
 * (every team for leadership and admins), with the leadership view and the roster for those who have them.
 */
@Controller
class Home {

    private final CurrentUser user;
    private final Services services;

    Home(CurrentUser user, Services services) {
        this.user = user;
        this.services = services;
    }

    @GetMapping("/")
    String home(Model model) {
        CockpitUser me = user.get();
        if (me.isOnlyRep()) {
            return "redirect:/me/week";
        }
        if (me.isManager() && me.teams().size() == 1 && !me.isLeadership() && !me.isAdmin()) {
            return "redirect:/teams/" + me.teams().get(0);
        }
        model.addAttribute("teams", teams(services));
        return "home";
    }

    /** The teams the signed-in user reads (at most {@link LeadershipPage#MAX_TEAMS}): id to name, in id order. */
    static Map<String, String> teams(Services services) {
        Map<String, String> teams = new LinkedHashMap<>();
        services.get(Service.ACTIVITY, "/api/v1/teams?limit={limit}", LeadershipPage.MAX_TEAMS)
                .forEach(team -> teams.put(
                        team.get("teamId").asString(), team.get("name").asString()));
        return teams;
    }
}
