package io.salespulse.testsupport;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What is wrong with a service's message bundles ({@code messages.properties}, the English default, and one
 * {@code messages_<language>.properties} per other language, read with the shared {@code contract-texts} ones): a key one language has and another lacks, a message
 * whose arguments differ between languages, a blank message, and a message {@link MessageFormat} would misread (an
 * apostrophe must be written {@code ''}). A test asserts the list is empty, so adding a language means adding files.
 */
public final class BundleCheck {

    private static final Pattern FILE = Pattern.compile("(?:messages|contract-texts)(?:_([a-z]{2}))?\\.properties");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private BundleCheck() {}

    /** The bundles on the classpath, by language ({@code ""} for the default). */
    public static Map<String, Properties> bundles() {
        Map<String, Properties> bundles = new TreeMap<>();
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            for (String pattern : List.of("classpath*:messages*.properties", "classpath*:contract-texts*.properties")) {
                for (Resource resource : resolver.getResources(pattern)) {
                    Matcher name = FILE.matcher(resource.getFilename() == null ? "" : resource.getFilename());
                    if (name.matches()) {
                        // A service's own texts and the shared ones, read together as one bundle per language.
                        Properties properties = bundles.computeIfAbsent(
                                name.group(1) == null ? "" : name.group(1), language -> new Properties());
                        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                            properties.load(reader);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundles;
    }

    /** Every problem found in the bundles on the classpath; empty when they are complete and well formed. */
    public static List<String> problems() {
        return problems(bundles());
    }

    static List<String> problems(Map<String, Properties> bundles) {
        List<String> problems = new ArrayList<>();
        Properties base = bundles.get("");
        if (base == null) {
            return List.of("no messages.properties (the default, English bundle)");
        }
        if (bundles.size() < 2) {
            problems.add("only the default bundle: no messages_<language>.properties");
        }
        for (Map.Entry<String, Properties> bundle : bundles.entrySet()) {
            String language = bundle.getKey().isEmpty() ? "default" : bundle.getKey();
            Properties texts = bundle.getValue();
            for (String key : new TreeSet<>(base.stringPropertyNames())) {
                if (!texts.containsKey(key)) {
                    problems.add(language + ": missing " + key);
                } else if (!arguments(texts.getProperty(key)).equals(arguments(base.getProperty(key)))) {
                    problems.add(language + ": " + key + " takes arguments " + arguments(texts.getProperty(key))
                            + ", the default " + arguments(base.getProperty(key)));
                }
            }
            for (String key : new TreeSet<>(texts.stringPropertyNames())) {
                String value = texts.getProperty(key);
                if (!base.containsKey(key)) {
                    problems.add(language + ": " + key + " is not in the default bundle");
                }
                if (value.isBlank()) {
                    problems.add(language + ": " + key + " is blank");
                }
                if (value.replace("''", "").contains("'")) {
                    problems.add(language + ": " + key + " has a single apostrophe (write '')");
                }
                try {
                    new MessageFormat(value);
                } catch (IllegalArgumentException e) {
                    problems.add(language + ": " + key + " is not a valid message format: " + e.getMessage());
                }
            }
        }
        return problems;
    }

    private static Set<String> arguments(String message) {
        Set<String> arguments = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(message);
        while (m.find()) {
            arguments.add(m.group(1));
        }
        return arguments;
    }
}
