package io.salespulse.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.signal.SignalType;
import io.salespulse.testsupport.BundleCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cockpit's pages are worded in every language: for every signal type, every field a form can show refused, and
 * every reason notification-service gives for routing a delivery as it did.
 */
class CockpitTextsTest {

    private static final Pattern FIELD_SHOWN = Pattern.compile("[eE]rrors\\.(?:containsKey|get)\\('([^)]*)'\\)");

    @Test
    void theBundlesAreCompleteInEveryLanguage() {
        assertThat(BundleCheck.problems()).isEmpty();
        assertThat(BundleCheck.bundles().keySet()).containsExactly("", "fr");
    }

    @Test
    void everySignalTypeHasATitle() {
        Properties english = BundleCheck.bundles().get("");
        for (SignalType type : SignalType.values()) {
            assertThat(english.getProperty("signal.title." + type.name()))
                    .as(type.name())
                    .contains("{0}");
        }
    }

    /** A refused field is explained in the user's words, not in the service's English (field.error.*). */
    @Test
    void everyFieldAFormShowsRefusedHasItsExplanation() throws IOException {
        Set<String> fields = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src", "main", "resources", "templates"))) {
            for (Path template : templates.toList()) {
                Matcher shown = FIELD_SHOWN.matcher(Files.readString(template));
                while (shown.find()) {
                    // 'actionItems[' + state.index + '].due' is the field actionItems.due of any row.
                    String field = shown.group(1).replaceAll("\\[' \\+ [^+]+ \\+ '\\]", "");
                    if (!field.isEmpty()) {
                        fields.add(field);
                    }
                }
            }
        }
        assertThat(fields).contains("target", "periodEnd", "heldOn", "actionItems.due", "who");
        Properties english = BundleCheck.bundles().get("");
        assertThat(fields.stream().filter(field -> english.getProperty("field.error." + field) == null))
                .as("fields shown refused without a field.error.<field> in the bundles")
                .isEmpty();
    }

    /** The delivery log says why a delivery went where it went in the manager's language, for every reason. */
    @Test
    void everyRoutingReasonOfTheNotificationServiceIsWorded() throws IOException {
        JsonNode reason = JsonMapper.shared()
                .readTree(Files.readString(Path.of("..", "docs", "openapi", "notification-service.json")))
                .at("/components/schemas/DeliveryView/properties/reason/enum");
        assertThat(reason.isArray())
                .as("DeliveryView.reason's values in notification-service.json")
                .isTrue();
        Properties english = BundleCheck.bundles().get("");
        for (JsonNode value : reason) {
            assertThat(english.getProperty("delivery.reason." + value.asString()))
                    .as("delivery.reason." + value.asString())
                    .isNotBlank();
        }
    }
}
