package io.salespulse.kit.security;

import io.salespulse.contracts.org.RepChanged;
import io.salespulse.kit.roster.RosterStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may read and write what, in every service (api.md "Who may see what"): a JWT bearer token on every read and
 * admin endpoint, verified against the issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) in
 * production or a configured public key ({@code salespulse.security.jwt.public-key-location} and
 * {@code salespulse.security.jwt.issuer}) in the local run; either way a token must name the audience
 * ({@code salespulse.security.jwt.audience}, {@code salespulse} by default) and expire within the maximum lifetime
 * ({@code salespulse.security.jwt.max-lifetime}, 12 hours by default). Roles come from the {@code roles} claim, teams from
 * {@code teams}, a director's units from {@code units}. Webhooks and the ingest API authenticate themselves (signatures, ingest keys); health, metrics and
 * the OpenAPI documents are open. Refusals are problem+json.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityKitConfiguration {

    // The actuator paths answer on the management port only (management.server.port); /livez and /readyz on the API's.
    private static final String[] OPEN = {
        "/livez",
        "/readyz",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/error"
    };

    /**
     * What a rep reads of its own (role {@code REP}, {@code sub} its rep id): itself and its absences, its KPIs, daily
     * figures, objectives, open deals, pipeline changes and funnel, its forecast calls, its recognitions and the action items agreed in its 1:1s. Never a signal, a
     * team's figures or a 1:1's notes.
     */
    static final String[] REP_READS = {
        "/api/v1/reps/*",
        "/api/v1/reps/*/absences",
        "/api/v1/reps/*/kpis",
        "/api/v1/reps/*/kpis/daily",
        "/api/v1/reps/*/objectives",
        "/api/v1/reps/*/deals",
        "/api/v1/reps/*/recognitions",
        "/api/v1/reps/*/action-items",
        "/api/v1/reps/*/plan",
        "/api/v1/reps/*/pipeline/changes",
        "/api/v1/reps/*/funnel",
        "/api/v1/reps/*/care",
        "/api/v1/reps/*/retention",
        "/api/v1/reps/*/accounts",
        "/api/v1/reps/*/forecast/calls",
        "/api/v1/reps/*/pulse"
    };

    /**
     * Outside the local profile, a service holding a local-run default secret does not start
     * ({@link LocalDefaultsGuard}): checked before any bean is made.
     */
    @Bean
    static BeanFactoryPostProcessor localDefaultsGuard(ConfigurableEnvironment environment) {
        return factory -> LocalDefaultsGuard.check(environment);
    }

    /** The local run's and tests' decoder: a configured RSA public key, and the issuer every token must name. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnExpression("!'${salespulse.security.jwt.public-key-location:}'.isBlank()")
    JwtDecoder localKeyJwtDecoder(
            @Value("${salespulse.security.jwt.public-key-location}") Resource location,
            @Value("${salespulse.security.jwt.issuer}") String issuer,
            @Value("${salespulse.security.jwt.audience:salespulse}") String audience,
            @Value("${salespulse.security.jwt.max-lifetime:12h}") Duration maxLifetime) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey(publicKey(location)).build();
        decoder.setJwtValidator(TokenRules.validator(issuer, audience, maxLifetime));
        return decoder;
    }

    /**
     * Production's decoder: the identity provider's keys, found from its issuer when the first token comes, and the
     * same rules as the local run's (issuer, audience, an expiry within the maximum lifetime).
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnExpression("!'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isBlank()")
    JwtDecoder issuerJwtDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${salespulse.security.jwt.audience:salespulse}") String audience,
            @Value("${salespulse.security.jwt.max-lifetime:12h}") Duration maxLifetime) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(TokenRules.validator(issuer, audience, maxLifetime));
            return decoder;
        });
    }

    static RSAPublicKey publicKey(Resource location) {
        try (InputStream in = location.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "salespulse.security.jwt.public-key-location is not a readable RSA public key (PEM): " + location,
                    e);
        }
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain salesPulseSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> decoders) throws Exception {
        if (decoders.getIfAvailable() == null) {
            throw new IllegalStateException(
                    "No way to verify tokens: set spring.security.oauth2.resourceserver.jwt.issuer-uri "
                            + "(production) or salespulse.security.jwt.public-key-location and salespulse.security.jwt.issuer (local run).");
        }
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(OPEN)
                        .permitAll()
                        // These check their own credentials: CRM signatures, ingest keys (or an INGEST token).
                        .requestMatchers("/webhooks/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/events")
                        .permitAll()
                        // A team's wall, opened by its link's own key (notification-service).
                        .requestMatchers(HttpMethod.GET, "/api/v1/walls/*/board")
                        .permitAll()
                        // A team pulse link: its id and key are the credential (checked by the endpoint).
                        .requestMatchers(HttpMethod.GET, "/api/v1/pulse/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/pulse/*/answer")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/teams/*/pulse/ask")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/teams/*/walls")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/teams/*/walls/*")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/teams/*/objectives/*", "/api/v1/teams/*/ramps/*")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/teams/*/forecast/call")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        // A director calls for the units it leads (the scope interceptor checks the unit).
                        .requestMatchers(HttpMethod.PUT, "/api/v1/units/*/forecast/call")
                        .hasAnyRole(Caller.DIRECTOR, Caller.ADMIN)
                        // A rep calls for itself, its managers for it.
                        .requestMatchers(HttpMethod.PUT, "/api/v1/reps/*/forecast/call")
                        .hasAnyRole(Caller.REP, Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/teams/*/objectives/*/cancel")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(
                                HttpMethod.PUT,
                                "/api/v1/teams/*/celebrations",
                                "/api/v1/reps/*/celebrations",
                                "/api/v1/reps/*/one-on-ones/*")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/reps/*/one-on-ones/*/action-items/*/done")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/reps/*/plan")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/reps/*/plan/review",
                                "/api/v1/reps/*/plan/goals/*/milestones/*/done")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/reps/*/absences/*")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/reps/*/absences/*")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/absences/import")
                        .hasAnyRole(Caller.MANAGER, Caller.ADMIN)
                        .requestMatchers(
                                HttpMethod.PUT,
                                "/api/v1/teams/**",
                                "/api/v1/reps/**",
                                "/api/v1/people/**",
                                "/api/v1/units/**")
                        .hasRole(Caller.ADMIN)
                        .requestMatchers("/api/v1/admin/**", "/api/v1/backfills/**")
                        .hasRole(Caller.ADMIN)
                        // A director's own preferences too (its digest): the scope interceptor holds it to its own id.
                        .requestMatchers(HttpMethod.PUT, "/api/v1/managers/*/preferences")
                        .hasAnyRole(Caller.MANAGER, Caller.DIRECTOR, Caller.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/managers/*/test-message")
                        .hasAnyRole(Caller.MANAGER, Caller.DIRECTOR, Caller.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/signals/*/acknowledge")
                        .hasAnyRole(Caller.MANAGER, Caller.DIRECTOR, Caller.ADMIN)
                        // A rep's own view (the scope interceptor holds a rep to its own id).
                        .requestMatchers(HttpMethod.GET, REP_READS)
                        .hasAnyRole(Caller.REP, Caller.MANAGER, Caller.DIRECTOR, Caller.LEADERSHIP, Caller.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole(Caller.MANAGER, Caller.DIRECTOR, Caller.LEADERSHIP, Caller.ADMIN)
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(server -> server.bearerTokenResolver(bearerTokens())
                        .authenticationEntryPoint(SecurityKitConfiguration::unauthorized)
                        .accessDeniedHandler(SecurityKitConfiguration::forbidden)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> new JwtAuthenticationToken(
                                token,
                                Caller.of(token).authorities().stream()
                                        .map(SimpleGrantedAuthority::new)
                                        .toList(),
                                token.getSubject()))))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityKitConfiguration::unauthorized)
                        .accessDeniedHandler(SecurityKitConfiguration::forbidden));
        return http.build();
    }

    /** Bearer tokens everywhere but where requests authenticate themselves. */
    private static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/webhooks/")
                    || path.equals("/api/v1/events")
                    || path.startsWith("/api/v1/walls/")
                    || path.startsWith("/api/v1/pulse/")) {
                return null;
            }
            return standard.resolve(request);
        };
    }

    private static void unauthorized(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        write(
                response,
                401,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, presented ? "Bearer error=\"invalid_token\"" : "Bearer"),
                "urn:salespulse:problem:unauthorized",
                "Unauthorized",
                presented
                        ? "The bearer token is not valid (signature, issuer, audience or expiry)."
                        : "A bearer token is required.");
    }

    private static void forbidden(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        write(
                response,
                403,
                Map.of(),
                "urn:salespulse:problem:forbidden",
                "Forbidden",
                "Your roles do not allow this.");
    }

    private static void write(
            HttpServletResponse response,
            int status,
            Map<String, String> headers,
            String type,
            String title,
            String detail)
            throws IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType("application/problem+json");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.getOutputStream()
                .write(io.salespulse.contracts.EventCodec.mapper().writeValueAsBytes(problem));
    }

    /**
     * The OpenAPI documents say how to call: a JWT bearer token (webhooks and the ingest API document their own), and
     * where: the service's public address ({@code salespulse.openapi.server-url}, {@code OPENAPI_SERVER_URL}; the local
     * run's by default).
     */
    @Bean
    @ConditionalOnMissingBean
    io.swagger.v3.oas.models.OpenAPI salesPulseOpenApi(
            @Value("${spring.application.name:salespulse}") String name,
            @Value("${salespulse.openapi.server-url:}") String serverUrl) {
        return new io.swagger.v3.oas.models.OpenAPI()
                .servers(
                        serverUrl.isBlank()
                                ? null
                                : List.of(new io.swagger.v3.oas.models.servers.Server().url(serverUrl)))
                .info(new io.swagger.v3.oas.models.info.Info()
                        .title("SalesPulse " + name)
                        .version("v1"))
                .components(
                        new io.swagger.v3.oas.models.Components()
                                .addSecuritySchemes(
                                        "bearer-jwt",
                                        new io.swagger.v3.oas.models.security.SecurityScheme()
                                                .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .bearerFormat("JWT")
                                                .description(
                                                        "A JWT with sub, roles (MANAGER, DIRECTOR, LEADERSHIP, ADMIN, REP, INGEST), teams and units; see docs/api.md")))
                .addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("bearer-jwt"));
    }

    /** Reps' teams from the roster projection, where the service keeps one. */
    @Bean
    @ConditionalOnMissingBean
    TeamScope rosterTeamScope(ObjectProvider<RosterStore> roster) {
        return new TeamScope() {
            @Override
            public Optional<String> teamOfRep(String repId) {
                return Optional.ofNullable(roster.getIfAvailable())
                        .flatMap(store -> store.rep(repId))
                        .map(RepChanged::teamId);
            }

            @Override
            public io.salespulse.kit.roster.OrgTree tree() {
                RosterStore store = roster.getIfAvailable();
                return store == null ? io.salespulse.kit.roster.OrgTree.EMPTY : store.tree();
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "teamScopeInterceptor")
    WebMvcConfigurer teamScopeInterceptor(TeamScope scope) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ScopeInterceptor(scope)).addPathPatterns("/api/**");
            }
        };
    }
}
