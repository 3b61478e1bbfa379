package io.salespulse.cockpit.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #figures} in every template: {@link Figures} in the page's language, so a template writes a day, a share or an
 * amount the way every other page does ({@code ${#figures.day(o.periodEnd())}}, {@code ${#figures.percent(c.rate())}}).
 */
@Component
class FiguresDialect extends AbstractDialect implements IExpressionObjectDialect {

    FiguresDialect() {
        super("figures");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("figures");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return new InLocale(context.getLocale());
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }

    /** {@link Figures} in one language. */
    public record InLocale(Locale locale) {

        /** A day ("lun. 30 nov."), from a {@link LocalDate} or an ISO text; none is "—". */
        public String day(Object day) {
            return day instanceof LocalDate date ? Figures.day(date, locale) : Figures.day((String) day, locale);
        }

        /** A moment in a time zone, as people write it ("lun. 30 nov., 09:05"); none is "—". */
        public String moment(Instant at, String zone) {
            return Figures.moment(at, zone == null ? ZoneId.of("UTC") : ZoneId.of(zone), locale);
        }

        /** A share as a whole percentage ("33 %"). */
        public String percent(BigDecimal share) {
            return Figures.percent(share, locale);
        }

        /** A figure with at most two decimals ("6,96", "12 500"). */
        public String number(Object value) {
            return value == null ? "—" : Figures.decimal(new BigDecimal(value.toString()), locale);
        }

        /** An amount in whole units with its currency ("12 500 EUR"). */
        public String amount(BigDecimal amount, String currency) {
            return amount == null ? "—" : Figures.amount(amount, currency, locale);
        }
    }
}
