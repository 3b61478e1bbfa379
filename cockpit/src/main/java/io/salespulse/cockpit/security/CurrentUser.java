package io.salespulse.cockpit.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The signed-in user of the current request: from the local sign-in (a {@link CockpitUser} principal), or from the
 * organisation's OpenID Connect provider (roles, teams and a director's units read from the ID token's {@code roles},
 * {@code teams} and {@code units} claims, the same the services read from the access token the cockpit then calls them with).
 */
@Component
public class CurrentUser {

    private final ObjectProvider<OAuth2AuthorizedClientService> clients;

    CurrentUser(ObjectProvider<OAuth2AuthorizedClientService> clients) {
        this.clients = clients;
    }

    public CockpitUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CockpitUser user) {
            return user;
        }
        if (authentication instanceof OAuth2AuthenticationToken oauth
                && oauth.getPrincipal() instanceof OidcUser oidc) {
            OAuth2AuthorizedClient client = clients.getObject()
                    .loadAuthorizedClient(oauth.getAuthorizedClientRegistrationId(), oauth.getName());
            if (client == null || client.getAccessToken() == null) {
                throw new SessionExpiredException();
            }
            List<String> roles = oidc.getClaimAsStringList("roles");
            List<String> teams = oidc.getClaimAsStringList("teams");
            List<String> units = oidc.getClaimAsStringList("units");
            String name = oidc.getFullName() != null
                    ? oidc.getFullName()
                    : oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getSubject();
            return new CockpitUser(
                    oidc.getSubject(),
                    name,
                    roles == null ? List.of() : roles,
                    teams == null ? List.of() : teams,
                    units == null ? List.of() : units,
                    client.getAccessToken().getTokenValue());
        }
        throw new SessionExpiredException();
    }

    /** No usable sign-in (expired, or a token the services refuse): the user signs in again. */
    public static class SessionExpiredException extends RuntimeException {
        public SessionExpiredException() {
            super("sign in again");
        }
    }
}
