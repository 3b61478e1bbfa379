package io.salespulse.activity.ingest.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JWT bearer sign-in: an RS256 assertion for the connected app and user, which the token endpoint verifies. */
class SalesforceAuthTest {

    @TempDir
    Path folder;

    @Test
    void theJwtBearerAssertionIsSignedForTheAppAndTheUserAndTheSessionNamesTheOrganisation() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path pem = Files.writeString(
                folder.resolve("app.pem"),
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        AtomicReference<SignedJWT> received = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/services/oauth2/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean valid = false;
            try {
                String assertion =
                        URLDecoder.decode(form.replaceFirst(".*assertion=", "").split("&")[0], StandardCharsets.UTF_8);
                SignedJWT jwt = SignedJWT.parse(assertion);
                valid = form.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")
                        && jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()));
                received.set(jwt);
            } catch (Exception e) {
                valid = false;
            }
            byte[] body = (valid
                            ? "{\"access_token\":\"00Djwt\",\"instance_url\":\"https://example.my.salesforce.com\","
                                    + "\"id\":\"https://login.salesforce.com/id/00D5e000000JwtAEAS/0055e000001AbCdAAK\"}"
                            : "{\"error\":\"invalid_grant\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(valid ? 200 : 400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String login = "http://127.0.0.1:" + server.getAddress().getPort();
            CdcProperties config = new CdcProperties(
                    true,
                    login,
                    "3MVG9-app",
                    null,
                    "cdc@acme.example",
                    pem.toString(),
                    null,
                    null,
                    false,
                    List.of(),
                    null,
                    null,
                    null);
            SalesforceAuth.Session session = new SalesforceAuth(config).signIn();
            assertThat(session.accessToken()).isEqualTo("00Djwt");
            assertThat(session.organizationId()).isEqualTo("00D5e000000JwtAEAS");
            assertThat(received.get().getJWTClaimsSet().getIssuer()).isEqualTo("3MVG9-app");
            assertThat(received.get().getJWTClaimsSet().getSubject()).isEqualTo("cdc@acme.example");
            assertThat(received.get().getJWTClaimsSet().getAudience()).containsExactly(login);
        } finally {
            server.stop(0);
        }
    }
}
