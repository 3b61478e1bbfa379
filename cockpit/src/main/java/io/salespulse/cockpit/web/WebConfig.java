package io.salespulse.cockpit.web;

import io.salespulse.contracts.texts.French;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages in the user's language: the browser's at first, a manager's notification language once they sign in
 * ({@link PreferredLanguage}), then the one chosen with the switch ({@code ?lang=fr|en}); and
 * the clock that says which day, week and month a page shows.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

    private final org.springframework.beans.factory.ObjectProvider<io.salespulse.cockpit.security.CurrentUser> user;
    private final org.springframework.beans.factory.ObjectProvider<io.salespulse.cockpit.services.NotificationClient>
            notification;

    WebConfig(
            org.springframework.beans.factory.ObjectProvider<io.salespulse.cockpit.security.CurrentUser> user,
            org.springframework.beans.factory.ObjectProvider<io.salespulse.cockpit.services.NotificationClient>
                    notification) {
        this.user = user;
        this.notification = notification;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("cockpit-lang");
        resolver.setDefaultLocaleFunction(
                request -> "fr".equals(request.getLocale().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /**
     * The cockpit's texts ({@code messages}), then the words every service shares for what the contracts name
     * ({@code contract-texts} of event-contracts), in UTF-8, always through {@link java.text.MessageFormat} (an apostrophe
     * is {@code ''}; plurals are {@code choice} formats), never in the machine's language; French texts are elided once
     * formatted ("Page d'Inès Moreau", {@link French#elide}).
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource() {
            @Override
            protected String getMessageInternal(String code, Object[] args, Locale locale) {
                return French.in(locale, super.getMessageInternal(code, args, locale));
            }
        };
        source.setBasenames("messages", "contract-texts");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    /**
     * The day the pages show: UTC, shifted by {@code salespulse.clock.offset} as the services' clock is (the local run
     * gives them all the same offset to play a chosen day). Signing in keeps the real clock.
     */
    @Bean
    Clock clock(@Value("${salespulse.clock.offset:0s}") Duration offset) {
        Clock clock = offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
        Figures.readAgainst(clock);
        return clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new PreferredLanguage(user::getObject, notification::getObject, localeResolver()));
    }
}
