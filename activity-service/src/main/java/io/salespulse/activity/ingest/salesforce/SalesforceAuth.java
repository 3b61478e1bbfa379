package io.salespulse.activity.ingest.salesforce;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.salespulse.contracts.EventCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Signs the connector in to Salesforce (OAuth 2.0 token endpoint {@code /services/oauth2/token}): client credentials,
 * or a JWT bearer assertion signed with the connected app's key. The answer gives the access token, the instance URL
 * and, in its {@code id} URL, the organisation id: the three headers every Pub/Sub API call carries.
 */
final class SalesforceAuth {

    /** A session: what the Pub/Sub API calls carry. */
    record Session(String accessToken, String instanceUrl, String organizationId) {}

    private final CdcProperties config;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SalesforceAuth(CdcProperties config) {
        this.config = config;
    }

    Session signIn() throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        if (config.username() != null && !config.username().isBlank()) {
            form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
            form.put("assertion", assertion());
        } else {
            form.put("grant_type", "client_credentials");
            form.put("client_id", config.clientId());
            form.put("client_secret", config.clientSecret());
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(config.loginUrl() + "/services/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("Salesforce sign-in answered " + answer.statusCode());
        }
        JsonNode token = EventCodec.mapper().readTree(answer.body());
        String id = token.path("id").asString("");
        String[] parts = id.split("/");
        // https://login.salesforce.com/id/<organisation id>/<user id>
        String organization = parts.length >= 2 ? parts[parts.length - 2] : "";
        return new Session(
                token.path("access_token").asString(),
                token.path("instance_url").asString(),
                organization);
    }

    private String assertion() throws IOException {
        try {
            String pem = Files.readString(Path.of(config.privateKeyLocation().replaceFirst("^file:", "")));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            RSAPrivateKey key =
                    (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            // Salesforce judges the assertion's expiry on its own (real) clock: never the business clock, which a demo
            // may shift.
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader(JWSAlgorithm.RS256),
                    new JWTClaimsSet.Builder()
                            .issuer(config.clientId())
                            .subject(config.username())
                            .audience(config.loginUrl())
                            .expirationTime(Date.from(Instant.now().plusSeconds(180)))
                            .build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException | java.security.GeneralSecurityException e) {
            throw new IOException("The JWT bearer assertion could not be signed: " + e.getMessage(), e);
        }
    }
}
