package io.salespulse.kit.texts;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.AbstractApplicationContext;

/** A service with {@code messages.properties} reads its texts through {@link Bundles#messageSource()}. */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration")
@ConditionalOnResource(resources = "classpath:" + Bundles.BASENAME + ".properties")
public class TextsKitConfiguration {

    @Bean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    @ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource() {
        return Bundles.messageSource();
    }
}
