package io.salespulse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files are valid for the tools that read them: docker-compose, promtool (configuration, rules and the
 * rules' unit tests), kubectl kustomize (base and overlay), and the compose token script's tokens verify. The tools
 * come from Debian (.ci/run installs them); where one is missing the check is skipped, unless
 * {@code SALESPULSE_REQUIRE_DEPLOY_TOOLS} is set, as CI does.
 */
class DeployChecksTest {

    static final Path ROOT = Path.of(System.getProperty("salespulse.root", ".."))
            .toAbsolutePath()
            .normalize();

    @TempDir
    Path temp;

    static void requireTool(String tool) {
        boolean present = List.of(System.getenv("PATH").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (System.getenv("SALESPULSE_REQUIRE_DEPLOY_TOOLS") != null) {
            assertThat(present)
                    .as(tool + " is required (apt-get install prometheus docker-compose kubernetes-client)")
                    .isTrue();
        }
        assumeTrue(present, tool + " is not installed: apt-get install prometheus docker-compose kubernetes-client");
    }

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }

    @Test
    void composeFileIsValid() throws Exception {
        requireTool("docker-compose");
        run(ROOT, "docker-compose", "config", "-q");
        String config = run(ROOT, "docker-compose", "config");
        assertThat(config)
                .contains("apache/kafka:", "mongo:8.", "prom/prometheus:", "grafana/grafana:", "axllent/mailpit:")
                .contains(
                        "SERVICE: activity-service",
                        "SERVICE: kpi-service",
                        "SERVICE: coaching-service",
                        "SERVICE: notification-service",
                        "SERVICE: cockpit");
    }

    @Test
    void prometheusConfigurationRulesAndTheirTests() throws Exception {
        requireTool("promtool");
        run(ROOT, "promtool", "check", "config", "deploy/prometheus/prometheus.yml");
        assertThat(run(ROOT, "promtool", "check", "rules", "deploy/prometheus/rules/salespulse.rules.yml"))
                .contains("SUCCESS: 9 rules found");
        assertThat(run(ROOT, "promtool", "test", "rules", "deploy/prometheus/tests/salespulse.rules.test.yml"))
                .contains("SUCCESS");
    }

    @Test
    void kubernetesBaseAndOverlayRender() throws Exception {
        requireTool("kubectl");
        String base = run(ROOT, "kubectl", "kustomize", "deploy/k8s/base");
        String production = run(ROOT, "kubectl", "kustomize", "deploy/k8s/overlays/production");
        for (String rendered : List.of(base, production)) {
            assertThat(rendered.split("\nkind: Deployment").length - 1).isEqualTo(5);
            assertThat(rendered)
                    .contains(
                            "kind: PodDisruptionBudget",
                            "readinessProbe:",
                            "livenessProbe:",
                            "runAsNonRoot: true",
                            "name: salespulse-secrets");
        }
        assertThat(production)
                .contains(
                        "namespace: salespulse",
                        "registry.example.com/salespulse/kpi-service:0.1.0",
                        "registry.example.com/salespulse/cockpit:0.1.0",
                        "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_SALESPULSE_CLIENTID");
    }

    @Test
    void composeTokensVerifyWithTheKeyTheServicesRead() throws Exception {
        requireTool("openssl");
        Path script = temp.resolve("dev-tokens.sh");
        Files.copy(ROOT.resolve("deploy/compose/dev-tokens.sh"), script);
        String output = run(temp, "bash", script.toString());
        String pem = Files.readString(temp.resolve("keys/jwt-public.pem"))
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        List<String> subjects = new ArrayList<>();
        for (String line : output.strip().split("\n")) {
            SignedJWT jwt = SignedJWT.parse(line.substring(line.indexOf('=') + 1));
            assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("salespulse-compose");
            // What the services require of every token: our audience, and an expiry within compose's JWT_MAX_LIFETIME.
            assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("salespulse");
            assertThat(jwt.getJWTClaimsSet().getExpirationTime())
                    .isBefore(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(31))));
            subjects.add(jwt.getJWTClaimsSet().getSubject());
        }
        assertThat(subjects).containsExactly("mgr-camille", "lead-sophie", "admin-compose");
    }
}
