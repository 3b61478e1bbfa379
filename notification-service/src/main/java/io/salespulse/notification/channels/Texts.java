package io.salespulse.notification.channels;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.texts.Bundles;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The texts a manager reads, in the manager's language, from the bundles ({@code messages*.properties}). */
@Component
public class Texts {

    private final MessageSource source;

    public Texts(MessageSource source) {
        this.source = source;
    }

    /** The bundles as the service reads them, for code outside a Spring context (unit tests). */
    public static Texts fromBundles() {
        return new Texts(Bundles.messageSource());
    }

    /** The message {@code key} with its arguments. */
    public String get(Language language, String key, Object... arguments) {
        return source.getMessage(key, arguments, language.locale());
    }

    /** The message {@code key}, or {@code fallback} when no bundle has it. */
    public String getOr(Language language, String key, String fallback) {
        return source.getMessage(key, null, fallback, language.locale());
    }

    /** A signal's one-line title about {@code who} (a rep's or team's name). */
    public String title(SignalType type, String who, Language language) {
        return get(language, "signal.title." + type.name(), who);
    }

    /** The label of the link back to SalesPulse. */
    public String openLabel(Language language) {
        return get(language, "link.open");
    }

    /** An email's subject line. */
    public String subject(Language language, String title) {
        return get(language, "email.subject", title);
    }

    /** An amount in its currency, the language's way ({@code 24 000,00 €}, {@code €24,000.00}). */
    public String money(io.salespulse.contracts.Money money, Language language) {
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(language.locale());
        try {
            format.setCurrency(java.util.Currency.getInstance(money.currency()));
        } catch (IllegalArgumentException unknown) {
            return money.amount().toPlainString() + " " + money.currency();
        }
        return format.format(money.amount());
    }

    /** A day, the language's way ({@code 24/11/2026}, {@code 2026-11-24}). */
    public String date(java.time.LocalDate day, Language language) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern(get(language, "weekly.date-pattern")));
    }

    public MessageSource source() {
        return source;
    }
}
