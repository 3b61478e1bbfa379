package io.salespulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' OpenAPI documents are kept in docs/openapi/, one per service, so that a client can be built and
 * checked from them (the cockpit's contract test reads them) and a change to an API shows in review. Each service's
 * {@code OpenApiDocumentIT} fails while its document there is not the one it serves; {@code -Dopenapi.write=true}
 * writes it.
 */
public final class OpenApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiDocuments() {}

    /** Where a service's document is kept, from a module's folder (the tests' working directory). */
    public static Path of(String service) {
        return Path.of("..", "docs", "openapi", service + ".json");
    }

    /** Fails unless docs/openapi/{service}.json is the document the service on this port serves. */
    public static void assertKept(int port, String service) throws IOException {
        Http.Answer answer = Http.get("http://localhost:" + port + "/v3/api-docs");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode served = JSON.readTree(answer.body());
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
        Path kept = of(service);
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(kept.getParent());
            Files.writeString(kept, pretty);
        }
        String write = "./mvnw verify -pl " + service
                + " -Dit.test=OpenApiDocumentIT -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dopenapi.write=true writes it";
        assertThat(kept)
                .as("docs/openapi/%s.json is missing: %s", service, write)
                .exists();
        assertThat(Files.readString(kept))
                .as("docs/openapi/%s.json is not what %s serves: %s", service, service, write)
                .isEqualTo(pretty);
    }
}
