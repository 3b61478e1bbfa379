package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CockpitUser;
import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.Services;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shares (who is signed in), and the pages for what went wrong: not this user's team, not found,
 * a service down, a sign-in to renew. A service's refusal is shown, never worked around.
 */
@ControllerAdvice
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,256}");

    private final CurrentUser user;

    PageAdvice(CurrentUser user) {
        this.user = user;
    }

    @ModelAttribute("me")
    CockpitUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getPrincipal())) {
            return null;
        }
        return user.get();
    }

    /** Ids in paths are what the services accept: anything else is not found, before any call. */
    static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new Services.ServiceRefusal(404, "");
        }
    }

    @ExceptionHandler(Services.ServiceRefusal.class)
    String refused(
            Services.ServiceRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status =
                refusal.status() == 403 ? 403 : refusal.status() == 404 ? 404 : refusal.status() == 401 ? 401 : 502;
        response.setStatus(status);
        model.addAttribute("me", me());
        if (status == 401) {
            return signInAgain(request);
        }
        if (status == 502) {
            log.warn("A service refused a page's call: {}", refusal.getMessage());
        }
        model.addAttribute("problem", status == 403 ? "notYourTeam" : status == 404 ? "notFound" : "down");
        return "problem";
    }

    @ExceptionHandler(Services.ServiceDown.class)
    String down(Services.ServiceDown down, HttpServletResponse response, Model model) {
        log.warn("{}", down.getMessage());
        response.setStatus(503);
        model.addAttribute("me", me());
        model.addAttribute("problem", "down");
        return "problem";
    }

    @ExceptionHandler(CurrentUser.SessionExpiredException.class)
    String expired(HttpServletRequest request) {
        return signInAgain(request);
    }

    /** The token ran out or was refused: a fresh session, and the sign-in again (local page or the provider). */
    private static String signInAgain(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        return "redirect:/";
    }
}
