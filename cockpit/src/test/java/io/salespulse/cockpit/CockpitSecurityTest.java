package io.salespulse.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cockpit's doors, without the services: who is let in, which headers every page carries, and that a form
 * without its CSRF token is refused. The pages themselves are tested in a browser against the real local run
 * (local-run's CockpitBrowserIT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class CockpitSecurityTest {

    static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void localKey(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("cockpit-key");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(
                dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(
                dir.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        registry.add(
                "salespulse.cockpit.local-sign-in.public-key-location",
                () -> dir.resolve("public.pem").toUri().toString());
        registry.add(
                "salespulse.cockpit.local-sign-in.private-key-location",
                () -> dir.resolve("private.pem").toUri().toString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageAsksForSignInAndTheSignInPageOffersTheDemoUsers() throws Exception {
        HttpResponse<String> board = get("/teams/team-paris");
        assertThat(board.statusCode()).isEqualTo(302);
        assertThat(board.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin"));
        HttpResponse<String> signin = get("/signin");
        assertThat(signin.statusCode()).isEqualTo(200);
        assertThat(signin.body()).contains("Sign in as Camille Durand", "Sign in as Jordan Miller", "name=\"_csrf\"");
    }

    @Test
    void everyPageCarriesAContentSecurityPolicyAndNoFraming() throws Exception {
        HttpResponse<String> signin = get("/signin");
        assertThat(signin.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp ->
                        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"));
        assertThat(signin.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(signin.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void theSignInPageIsInFrenchForAFrenchBrowser() throws Exception {
        HttpResponse<String> signin = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin"))
                        .header("Accept-Language", "fr-FR,fr;q=0.9")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signin.body()).contains("Se connecter en tant que Camille Durand", "lang=\"fr\"");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("user=mgr-camille"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith("cockpit-session") && !cookie.contains("HttpOnly"));
    }
}
