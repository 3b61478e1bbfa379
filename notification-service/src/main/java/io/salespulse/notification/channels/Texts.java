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
    private final java.time.Clock clock;

    /** @param clock tells the year a day is written without */
    public Texts(MessageSource source, java.time.Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The bundles as the service reads them, on a clock, for code outside a Spring context (unit tests). */
    public static Texts fromBundles(java.time.Clock clock) {
        return new Texts(Bundles.messageSource(), clock);
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

    /** An amount in whole units of its currency, as every page and message writes it ("24 000 EUR", "24,000 EUR"). */
    public String money(io.salespulse.contracts.Money money, Language language) {
        return io.salespulse.contracts.texts.Readable.amount(money.amount(), money.currency(), language.locale());
    }

    /** A day, as every page and message writes it ("mar. 24 nov.", "Tue 24 Nov"). */
    public String date(java.time.LocalDate day, Language language) {
        return io.salespulse.contracts.texts.Readable.day(
                day, language.locale(), java.time.LocalDate.now(clock).getYear());
    }

    public MessageSource source() {
        return source;
    }
}
