package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.NotificationClient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The team's wall, for the screen in the sales room or the video call: today's and this week's big numbers, the
 * week's calls by rep and the team's recent wins, in the team's language, updating itself every few seconds (htmx
 * polling); reached through a link the team's manager or an admin creates and revokes on the celebrations page, so a
 * TV shows it without anyone's session. No weak signal, no 1:1, no rep who would rather not be posted: the wall shows
 * only what notification-service gives a link ({@code GET /api/v1/walls/{wallId}/board}).
 */
@Controller
class WallPage {

    /** How often the wall reads itself again. */
    static final int REFRESH_SECONDS = 5;

    private final NotificationClient notification;
    private final LocaleResolver locales;

    WallPage(NotificationClient notification, LocaleResolver locales) {
        this.notification = notification;
        this.locales = locales;
    }

    @GetMapping("/teams/{teamId}/wall")
    String wall(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "") String wall,
            @RequestParam(defaultValue = "") String key,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        PageAdvice.checkId(teamId);
        Optional<NotificationClient.WallBoard> board =
                wall.isBlank() || key.isBlank() || wall.length() > 64 || key.length() > 128
                        ? Optional.empty()
                        : notification.wallBoard(wall, key).filter(found -> teamId.equals(found.teamId()));
        if (board.isEmpty()) {
            response.setStatus(404);
            return "wall-closed";
        }
        NotificationClient.WallBoard shown = board.get();
        // The team's language, whatever the screen's browser says.
        Locale locale = "fr".equals(shown.locale()) ? Locale.FRENCH : Locale.ENGLISH;
        locales.setLocale(request, response, locale);
        model.addAttribute("board", shown);
        model.addAttribute("todayDay", Figures.day(shown.today(), locale));
        model.addAttribute("weekFromDay", Figures.day(shown.weekFrom(), locale));
        model.addAttribute("refresh", REFRESH_SECONDS);
        model.addAttribute(
                "self", ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString());
        return "wall";
    }

    /** A new wall link: shown once, in full, to its creator. */
    @PostMapping("/teams/{teamId}/walls")
    String create(@PathVariable String teamId, RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        NotificationClient.CreatedWall created = notification.createWall(teamId);
        flash.addFlashAttribute(
                "wallLink",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/teams/{teamId}/wall")
                        .queryParam("wall", created.wallId())
                        .queryParam("key", created.key())
                        .buildAndExpand(teamId)
                        .encode()
                        .toUriString());
        return "redirect:/teams/" + teamId + "/celebrations#wall";
    }

    @PostMapping("/teams/{teamId}/walls/{wallId}/revoke")
    String revoke(@PathVariable String teamId, @PathVariable String wallId, RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        PageAdvice.checkId(wallId);
        notification.revokeWall(teamId, wallId);
        flash.addFlashAttribute("wallRevoked", true);
        return "redirect:/teams/" + teamId + "/celebrations#wall";
    }
}
