package io.salespulse.notification.channels;

import io.salespulse.contracts.org.Language;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Emails from the Thymeleaf templates under {@code templates/mail/}: an HTML part ({@code <name>.html}, every value
 * escaped) and a plain-text part ({@code <name>.txt}) for a signal, the daily digest and the weekly review, worded in
 * the manager's language (words a template writes itself come from the bundles through {@code #{key}}).
 */
@Component
public class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final Texts texts;

    public MailTemplates(Texts texts) {
        this.texts = texts;
        engine.setTemplateEngineMessageSource(texts.source());
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** One signal told to one manager. */
    public Renderers.Email signal(Message m) {
        return render("signal", m.language(), m.title(), Map.of("m", m));
    }

    /** The daily digest: several messages under one title. */
    public Renderers.Email digest(Language language, String title, List<Message> items) {
        return render("digest", language, title, Map.of("title", title, "items", items));
    }

    /** The weekly review. */
    public Renderers.Email weekly(WeeklyReport report) {
        return render("weekly", report.language(), report.title(), Map.of("report", report));
    }

    private Renderers.Email render(String template, Language language, String title, Map<String, Object> variables) {
        Context context = new Context(language.locale(), variables);
        context.setVariable("language", language.name());
        return new Renderers.Email(
                texts.subject(language, title),
                engine.process(template + ".txt", context),
                engine.process(template + ".html", context));
    }
}
