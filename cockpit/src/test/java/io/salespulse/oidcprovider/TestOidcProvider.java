package io.salespulse.oidcprovider;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * An organisation's OpenID Connect provider, for the cockpit's production sign-in in a test: Spring Authorization
 * Server with one client (the cockpit) and users whose tokens carry the claims SalesPulse reads ({@code roles},
 * {@code teams}, {@code name} in the ID token; the access token for the services has audience {@code salespulse}).
 * Its own package, so the cockpit's component scan never picks it up; its own configuration, none of the cockpit's.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TestOidcProvider {

    /** A user of the provider: password, display name, SalesPulse roles and teams. */
    public record Account(String username, String password, String name, List<String> roles, List<String> teams) {}

    static List<Account> accounts = List.of();

    /**
     * Starts the provider on a free port of {@code localhost}, with a client {@code cockpit} (secret {@code secret})
     * whose sign-in returns to {@code redirectUri} and sign-out to {@code postLogoutRedirectUri}.
     */
    public static ConfigurableApplicationContext start(
            String redirectUri, String postLogoutRedirectUri, List<Account> users) {
        accounts = users;
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        String client = "spring.security.oauth2.authorizationserver.client.cockpit.";
        properties.put("spring.config.location", "optional:classpath:/no-such-config/");
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put(client + "registration.client-id", "cockpit");
        properties.put(client + "registration.client-secret", "{noop}secret");
        properties.put(client + "registration.client-authentication-methods", "client_secret_basic");
        properties.put(client + "registration.authorization-grant-types", "authorization_code,refresh_token");
        properties.put(client + "registration.redirect-uris", redirectUri);
        properties.put(client + "registration.post-logout-redirect-uris", postLogoutRedirectUri);
        properties.put(client + "registration.scopes", "openid,profile");
        properties.put(client + "require-authorization-consent", "false");
        return new SpringApplicationBuilder(TestOidcProvider.class)
                .properties(properties)
                .run();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(accounts.stream()
                .map(account -> User.withUsername(account.username())
                        .password("{noop}" + account.password())
                        .roles("USER")
                        .build())
                .toList());
    }

    /** The claims SalesPulse reads, in the ID token (the cockpit's) and the access token (the services'). */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> salesPulseClaims() {
        return context -> {
            Account account = accounts.stream()
                    .filter(a -> a.username().equals(context.getPrincipal().getName()))
                    .findFirst()
                    .orElseThrow();
            boolean idToken =
                    OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (idToken || OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().claim("roles", account.roles()).claim("teams", account.teams());
            }
            if (idToken) {
                context.getClaims().claim("name", account.name());
            } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of("salespulse"));
            }
        };
    }
}
