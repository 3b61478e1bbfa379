package io.salespulse.cockpit.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The local run's sign-in: pick a demo user, and the cockpit signs a token for them with the local key, as an
 * identity provider would. Exists under the {@code local} profile only; production signs in with OpenID Connect.
 */
@Controller
@Profile("local")
class LocalSignIn {

    /**
     * @param privateKeyLocation the local run's signing key (PKCS#8 PEM)
     * @param publicKeyLocation  its public key (X.509 PEM), the one the services verify with
     * @param issuer             the issuer the services expect
     * @param audience           the audience the services expect
     * @param validity           how long a sign-in lasts
     * @param users              the demo users offered
     */
    @ConfigurationProperties("salespulse.cockpit.local-sign-in")
    record Settings(
            Resource privateKeyLocation,
            Resource publicKeyLocation,
            String issuer,
            String audience,
            Duration validity,
            List<DemoUser> users) {}

    /** A demo user, as the local run's roster knows them. */
    record DemoUser(String id, String name, List<String> roles, List<String> teams, List<String> units) {

        DemoUser {
            units = units == null ? List.of() : List.copyOf(units);
        }
    }

    private final Settings settings;
    private final NimbusJwtEncoder encoder;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LocalSignIn(Settings settings) throws IOException {
        this.settings = settings;
        this.clock = Clock.systemUTC();
        RSAPublicKey publicKey;
        RSAPrivateKey privateKey;
        try (InputStream in = settings.publicKeyLocation().getInputStream()) {
            publicKey = RsaKeyConverters.x509().convert(in);
        }
        try (InputStream in = settings.privateKeyLocation().getInputStream()) {
            privateKey = RsaKeyConverters.pkcs8().convert(in);
        }
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(
                new JWKSet(new RSAKey.Builder(publicKey).privateKey(privateKey).build())));
    }

    @GetMapping("/signin")
    String page(Model model) {
        model.addAttribute("users", settings.users());
        return "signin";
    }

    @PostMapping("/signin")
    String signIn(@RequestParam String user, HttpServletRequest request, HttpServletResponse response) {
        DemoUser demo = settings.users().stream()
                .filter(u -> u.id().equals(user))
                .findFirst()
                .orElse(null);
        if (demo == null) {
            return "redirect:/signin?unknown";
        }
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(demo.id())
                .audience(List.of(settings.audience()))
                .issuedAt(now)
                .expiresAt(now.plus(settings.validity()))
                .claim("roles", demo.roles())
                .claim("teams", demo.teams())
                .claim("units", demo.units())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        CockpitUser signedIn = new CockpitUser(demo.id(), demo.name(), demo.roles(), demo.teams(), demo.units(), token);
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                signedIn,
                null,
                demo.roles().stream()
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList());
        // Where the user was going (a notification's link), then a new session for the new identity (no fixation).
        SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
        request.getSession().invalidate();
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:" + (saved != null ? saved.getRedirectUrl() : "/");
    }
}
