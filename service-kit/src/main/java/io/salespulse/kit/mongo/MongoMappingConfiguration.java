package io.salespulse.kit.mongo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * How every service's typed documents are stored by Spring Data: amounts as {@code Decimal128} (never a double, never
 * a text), instants as BSON dates, days ({@link LocalDate}) as ISO text ({@code 2026-11-24}, which sorts and compares
 * as the days do, with no time zone to guess) and times of day ({@link LocalTime}) as ISO text ({@code 08:30}).
 * Instants that earlier builds stored as ISO text still read. A service may declare its own
 * {@link MongoCustomConversions}.
 */
@AutoConfiguration(before = DataMongoAutoConfiguration.class)
public class MongoMappingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(adapter -> adapter
                .bigDecimal(MongoCustomConversions.BigDecimalRepresentation.DECIMAL128)
                .registerConverters(List.of(new DayToText(), new TextToDay(), new TimeToText(), new TextToTime(), new TextToInstant())));
    }

    /** A value stored as its ISO text ({@code toString}). */
    abstract static class ToIsoText<T> implements Converter<T, String> {

        @Override
        public String convert(T value) {
            return value.toString();
        }
    }

    /** A value read from its ISO text. */
    abstract static class FromIsoText<T> implements Converter<String, T> {

        private final Function<String, T> parse;

        FromIsoText(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T convert(String text) {
            return parse.apply(text);
        }
    }

    @WritingConverter
    static final class DayToText extends ToIsoText<LocalDate> {
    }

    @ReadingConverter
    static final class TextToDay extends FromIsoText<LocalDate> {
        TextToDay() {
            super(LocalDate::parse);
        }
    }

    @WritingConverter
    static final class TimeToText extends ToIsoText<LocalTime> {
    }

    @ReadingConverter
    static final class TextToTime extends FromIsoText<LocalTime> {
        TextToTime() {
            super(LocalTime::parse);
        }
    }

    /** An instant stored as ISO text (by the event mapping, before the stores were typed) read as an instant. */
    @ReadingConverter
    static final class TextToInstant extends FromIsoText<Instant> {
        TextToInstant() {
            super(Instant::parse);
        }
    }
}
