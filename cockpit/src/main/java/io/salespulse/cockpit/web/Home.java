package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.security.CockpitUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a signed-in user lands: a manager of one team on its board; anyone else on the list of their teams. */
@Controller
class Home {

    private final CurrentUser user;

    Home(CurrentUser user) {
        this.user = user;
    }

    @GetMapping("/")
    String home(Model model) {
        CockpitUser me = user.get();
        if (me.isManager() && me.teams().size() == 1) {
            return "redirect:/teams/" + me.teams().get(0);
        }
        model.addAttribute("teams", me.teams());
        return "home";
    }
}
