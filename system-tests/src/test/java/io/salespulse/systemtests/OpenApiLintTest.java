package io.salespulse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The services' OpenAPI documents (docs/openapi/, kept true by each service's OpenApiDocumentIT) pass Redocly's
 * recommended rules (redocly.yaml): a summary per operation, every refusal declared, valid schemas. Redocly CLI runs
 * through the machine's npx; where there is none the check is skipped, unless {@code SALESPULSE_REQUIRE_DEPLOY_TOOLS}
 * is set, as CI does.
 */
class OpenApiLintTest {

    static final String REDOCLY = "@redocly/cli@2.77.0";

    @Test
    void theDocumentsPassRedoclysRecommendedRules() throws Exception {
        boolean npx = List.of(System.getenv("PATH").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "npx")));
        if (System.getenv("SALESPULSE_REQUIRE_DEPLOY_TOOLS") != null) {
            assertThat(npx).as("npx is required (Node.js 20.19 or later)").isTrue();
        }
        assumeTrue(npx, "npx is not installed: Redocly's lint is skipped");
        List<String> command = new ArrayList<>(List.of("npx", "--yes", REDOCLY, "lint", "--config", "redocly.yaml"));
        for (String service : List.of("activity", "kpi", "coaching", "notification")) {
            command.add("docs/openapi/" + service + "-service.json");
        }
        Process lint = new ProcessBuilder(command)
                .directory(DeployChecksTest.ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(300, TimeUnit.SECONDS))
                .as("redocly lint within 5 minutes")
                .isTrue();
        assertThat(lint.exitValue()).as(output).isZero();
        // Redocly's own banners (a Node.js deprecation) say "warning" too: its count of the documents' warnings is
        // what must be absent.
        assertThat(output).doesNotContainPattern("You have \\d+ warnings?");
    }
}
