package io.salespulse.cockpit.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every heading's definition link leads to a term the definitions page lists, worded in every language. */
class DefinitionsTest {

    private static final Pattern LINK = Pattern.compile("define :: define\\('([a-z-]+)'\\)");

    @Test
    void everyLinkedTermIsDefinedInEveryLanguageAndEveryTermIsLinked() throws IOException {
        Set<String> linked = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.toList()) {
                Matcher matcher = LINK.matcher(Files.readString(template));
                while (matcher.find()) {
                    linked.add(matcher.group(1));
                }
            }
        }
        assertThat(linked).containsExactlyInAnyOrderElementsOf(Definitions.TERMS);
        for (Properties bundle : BundleCheck.bundles().values()) {
            for (String term : Definitions.TERMS) {
                assertThat(bundle.getProperty("definition." + term + ".title"))
                        .as(term)
                        .isNotBlank();
                assertThat(bundle.getProperty("definition." + term + ".text"))
                        .as(term)
                        .isNotBlank();
            }
        }
    }
}
