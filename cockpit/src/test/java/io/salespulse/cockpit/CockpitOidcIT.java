package io.salespulse.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.salespulse.oidcprovider.TestOidcProvider;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production sign-in end to end: the cockpit (no local profile) signs a user in with an organisation's OpenID
 * Connect provider (Spring Authorization Server in the test), reads who it is from the ID token's claims, and calls
 * the services with the access token, one the services accept (signed by the provider, its issuer, audience
 * {@code salespulse}, the {@code roles} and {@code teams} claims). A stand-in activity-service records what it was sent.
 * Signing out ends the cockpit's session and the provider's: the next page asks for the password again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class CockpitOidcIT {

    static final int PORT = freePort();
    static final String COCKPIT = "http://127.0.0.1:" + PORT;
    static final List<String> SENT_TOKENS = new CopyOnWriteArrayList<>();
    static ConfigurableApplicationContext provider;
    static HttpServer activity;

    @DynamicPropertySource
    static void signInWithTheProvider(DynamicPropertyRegistry registry) throws IOException {
        provider = TestOidcProvider.start(
                COCKPIT + "/login/oauth2/code/salespulse",
                COCKPIT + "/",
                List.of(new TestOidcProvider.Account(
                        "sophie", "s3cret-sophie", "Sophie Laurent", List.of("LEADERSHIP"), List.of())));
        String issuer = "http://localhost:" + provider.getEnvironment().getProperty("local.server.port");
        activity = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        activity.createContext("/api/v1/teams", exchange -> {
            SENT_TOKENS.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = """
                    [{"teamId":"team-paris","name":"Paris Mid-Market","timezone":"Europe/Paris","locale":"fr","managerIds":["mgr-camille"],
                      "workingDays":["MON","TUE","WED","THU","FRI"]}]""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        activity.start();
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> 0);
        registry.add("server.servlet.session.cookie.secure", () -> false);
        registry.add(
                "salespulse.cockpit.services.activity",
                () -> "http://127.0.0.1:" + activity.getAddress().getPort());
        registry.add("spring.security.oauth2.client.registration.salespulse.client-id", () -> "cockpit");
        registry.add("spring.security.oauth2.client.registration.salespulse.client-secret", () -> "secret");
        registry.add("spring.security.oauth2.client.registration.salespulse.scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider.salespulse.issuer-uri", () -> issuer);
    }

    @AfterAll
    static void stop() {
        activity.stop(0);
        provider.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser's session: cookies kept per host, redirects followed one by one (across the two origins). */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        final List<String> visited = new CopyOnWriteArrayList<>();

        HttpResponse<String> get(String url) throws Exception {
            return follow(http.send(page(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> post(String url, String form) throws Exception {
            return follow(http.send(
                    page(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        /** A request as a browser makes it for a page. */
        private static HttpRequest.Builder page(URI uri) {
            return HttpRequest.newBuilder(uri)
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        }

        private HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                URI next = response.uri()
                        .resolve(response.headers().firstValue("Location").orElseThrow());
                visited.add(next.toString());
                response = http.send(page(next).build(), HttpResponse.BodyHandlers.ofString());
            }
            return response;
        }
    }

    static String hidden(String html, String name) {
        Matcher field = Pattern.compile(
                        "name=\"" + name + "\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"" + name + "\"")
                .matcher(html);
        assertThat(field.find()).as(name + " in " + html).isTrue();
        return field.group(1) != null ? field.group(1) : field.group(2);
    }

    static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    @Test
    void aUserSignsInWithTheOrganisationsProviderAndTheServicesGetItsAccessToken() throws Exception {
        String issuer = "http://localhost:" + provider.getEnvironment().getProperty("local.server.port");
        Browser browser = new Browser();

        // Not signed in: the cockpit sends the browser to the provider's sign-in page.
        HttpResponse<String> login = browser.get(COCKPIT + "/");
        assertThat(login.uri().toString()).isEqualTo(issuer + "/login");
        assertThat(browser.visited).anySatisfy(url -> assertThat(url).startsWith(issuer + "/oauth2/authorize?"));

        // A wrong password stays at the provider.
        HttpResponse<String> refused = browser.post(
                issuer + "/login",
                form("username", "sophie", "password", "wrong", "_csrf", hidden(login.body(), "_csrf")));
        assertThat(refused.uri().toString()).startsWith(issuer + "/login");
        assertThat(SENT_TOKENS).isEmpty();

        // The right one: back to the cockpit, signed in, the page built from the service's answer.
        HttpResponse<String> home = browser.post(
                issuer + "/login",
                form("username", "sophie", "password", "s3cret-sophie", "_csrf", hidden(refused.body(), "_csrf")));
        assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
        assertThat(home.uri().toString()).startsWith(COCKPIT + "/");
        assertThat(browser.visited)
                .anySatisfy(url -> assertThat(url).startsWith(COCKPIT + "/login/oauth2/code/salespulse?code="));
        assertThat(home.body())
                .contains("Sophie Laurent", "Paris Mid-Market", "href=\"/leadership\"")
                .doesNotContain("href=\"/admin/roster\"");

        // What the services were sent: the provider's access token, one they accept, not the ID token.
        assertThat(SENT_TOKENS)
                .isNotEmpty()
                .allSatisfy(header -> assertThat(header).startsWith("Bearer "));
        NimbusJwtDecoder services =
                NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build();
        services.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains("salespulse"))));
        Jwt token = services.decode(SENT_TOKENS.get(0).substring("Bearer ".length()));
        assertThat(token.getSubject()).isEqualTo("sophie");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("LEADERSHIP");
        assertThat(token.getClaimAsStringList("teams")).isEmpty();
        assertThat(token.getExpiresAt()).isNotNull();

        // Signing out ends the cockpit's session and the provider's (RP-initiated logout, back to the cockpit): the
        // next page asks for the password again, and no service is called meanwhile.
        int calls = SENT_TOKENS.size();
        HttpResponse<String> signedOut =
                browser.post(COCKPIT + "/signout", form("_csrf", hidden(home.body(), "_csrf")));
        assertThat(browser.visited)
                .anySatisfy(url -> assertThat(url).startsWith(issuer + "/connect/logout?id_token_hint="));
        assertThat(signedOut.uri().toString()).isEqualTo(issuer + "/login");
        assertThat(browser.get(COCKPIT + "/leadership").uri().toString()).isEqualTo(issuer + "/login");
        assertThat(SENT_TOKENS).hasSize(calls);
    }
}
