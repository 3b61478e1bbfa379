package io.salespulse.cockpit.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Sign-in with the organisation's OpenID Connect provider (spring.security.oauth2.client.*), or, in the local run
 * only, the demo sign-in page. Forms carry a CSRF token; the session cookie is HttpOnly, SameSite=Lax and Secure
 * outside the local run (application.yml); a Content-Security-Policy allows this origin's scripts and styles only.
 */
@Configuration
class CockpitSecurity {

    static final String CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                    + "base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    SecurityFilterChain cockpitFilterChain(
            HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc, Environment environment)
            throws Exception {
        boolean local = environment.acceptsProfiles(Profiles.of("local"));
        boolean openIdConnect = oidc.getIfAvailable() != null;
        if (!local && !openIdConnect) {
            throw new IllegalStateException("No way to sign in: configure the OpenID Connect provider "
                    + "(spring.security.oauth2.client.registration.* and provider.*), or run with the local profile");
        }
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/signin",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/livez",
                                "/readyz",
                                "/error",
                                "/favicon.ico",
                                // A team's wall: opened by its link's own key, without anyone's session.
                                "/teams/*/wall",
                                // A rep's pulse question: answered through its link's own key, without a session.
                                "/pulse")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .logout(logout -> {
                    logout.logoutUrl("/signout");
                    if (openIdConnect) {
                        // Out of the provider too (RP-initiated logout), else its session signs the user straight back
                        // in.
                        OidcClientInitiatedLogoutSuccessHandler provider =
                                new OidcClientInitiatedLogoutSuccessHandler(oidc.getObject());
                        provider.setPostLogoutRedirectUri("{baseUrl}/");
                        logout.logoutSuccessHandler(provider);
                    } else {
                        logout.logoutSuccessUrl("/signin?signedOut");
                    }
                });
        if (openIdConnect) {
            http.oauth2Login(login -> {});
        } else {
            http.exceptionHandling(
                    handling -> handling.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin")));
        }
        return http.build();
    }
}
