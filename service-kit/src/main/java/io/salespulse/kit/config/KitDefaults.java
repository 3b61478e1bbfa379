package io.salespulse.kit.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every service shares ({@value #RESOURCE}: Kafka's clients, tokens, topics, management), placed below
 * everything the service itself reads: its {@code application.yml}, profiles, environment and command line all
 * override them. Runs after the service's own configuration is loaded, so nothing it sets is shadowed.
 */
public class KitDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "salespulse-kit-defaults.yml";
    static final String NAME = "salespulseKitDefaults";
    private static final String SPRING_DEFAULTS = "defaultProperties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(NAME)) {
            return;
        }
        PropertySource<?> defaults = load();
        if (sources.contains(SPRING_DEFAULTS)) {
            sources.addBefore(SPRING_DEFAULTS, defaults);
        } else {
            sources.addLast(defaults);
        }
    }

    static PropertySource<?> load() {
        try {
            List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                    .load(NAME, new ClassPathResource(RESOURCE, KitDefaults.class.getClassLoader()));
            if (documents.size() != 1) {
                throw new IllegalStateException(
                        RESOURCE + " must hold one document, without profiles: " + documents.size());
            }
            return documents.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    @Override
    public int getOrder() {
        // After ConfigDataEnvironmentPostProcessor has loaded the service's own files, so that these go below them.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
