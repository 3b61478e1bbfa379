package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.NotificationClient;
import io.salespulse.cockpit.services.Services;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a manager chose in their notification preferences is the cockpit's too, from the first page after
 * they sign in: read once a session (a manager without preferences, leadership, an admin or a rep keep the language
 * chosen with the cockpit's switch, else the browser's). Switching with {@code ?lang=} afterwards wins for the rest
 * of the session.
 */
class PreferredLanguage implements HandlerInterceptor {

    static final String SYNCED = PreferredLanguage.class.getName() + ".synced";

    private final java.util.function.Supplier<CurrentUser> user;
    private final java.util.function.Supplier<NotificationClient> notification;
    private final LocaleResolver locales;

    PreferredLanguage(
            java.util.function.Supplier<CurrentUser> user,
            java.util.function.Supplier<NotificationClient> notification,
            LocaleResolver locales) {
        this.user = user;
        this.notification = notification;
        this.locales = locales;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (signedIn == null
                || !signedIn.isAuthenticated()
                || signedIn instanceof AnonymousAuthenticationToken
                || session == null
                || session.getAttribute(SYNCED) != null) {
            return true;
        }
        session.setAttribute(SYNCED, Boolean.TRUE);
        if (request.getParameter("lang") != null) {
            return true;
        }
        try {
            if (!user.get().get().isManager()) {
                return true;
            }
            notification
                    .get()
                    .preferences(user.get().get().id())
                    .map(NotificationClient.Preferences::locale)
                    .filter(language -> "fr".equals(language) || "en".equals(language))
                    .ifPresent(language -> locales.setLocale(request, response, Locale.forLanguageTag(language)));
        } catch (Services.ServiceDown | Services.ServiceRefusal unavailable) {
            // The language stays the browser's (or the one chosen before) when the preferences cannot be read.
        }
        return true;
    }
}
