package io.salespulse.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What a token must be, beyond a good signature: from the configured issuer, for our audience, with an expiry (a
 * token without {@code exp} would be valid forever) no further than the maximum lifetime, whether counted from its
 * issue time or from now, and not yet expired (a minute of clock skew allowed).
 */
public final class TokenRules {

    private TokenRules() {}

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration maxLifetime) {
        return validator(issuer, audience, maxLifetime, Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration maxLifetime, Clock clock) {
        return new DelegatingOAuth2TokenValidator<>(
                lifetime(maxLifetime, clock), audience(audience), JwtValidators.createDefaultWithIssuer(issuer));
    }

    static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> {
            List<String> audiences = jwt.getAudience();
            return audiences != null && audiences.contains(audience)
                    ? OAuth2TokenValidatorResult.success()
                    : invalid("The token is not for this audience (aud must include " + audience + ").");
        };
    }

    static OAuth2TokenValidator<Jwt> lifetime(Duration maxLifetime, Clock clock) {
        return jwt -> {
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt == null) {
                return invalid("The token has no expiry (exp).");
            }
            Instant now = clock.instant();
            Instant issuedAt = jwt.getIssuedAt();
            if (Duration.between(now, expiresAt).compareTo(maxLifetime) > 0
                    || issuedAt != null && Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
                return invalid("The token lives longer than " + maxLifetime + ".");
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
