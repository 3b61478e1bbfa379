package io.salespulse.kit.mongo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
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
 * as the days do, with no time zone to guess), times of day ({@link LocalTime}) as ISO text ({@code 08:30}). Instants that state written before the stores were typed kept as ISO
 * text still read. A service may declare its own {@link MongoCustomConversions}.
 */
@AutoConfiguration(before = DataMongoAutoConfiguration.class)
public class MongoMappingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(adapter -> adapter
                .bigDecimal(MongoCustomConversions.BigDecimalRepresentation.DECIMAL128)
                .registerConverters(List.of(DayToText.INSTANCE, TextToDay.INSTANCE, TimeToText.INSTANCE, TextToTime.INSTANCE,
                        TextToInstant.INSTANCE)));
    }

    /** A day stored as its ISO text. */
    @WritingConverter
    enum DayToText implements Converter<LocalDate, String> {
        INSTANCE;

        @Override
        public String convert(LocalDate day) {
            return day.toString();
        }
    }

    /** A day read from its ISO text. */
    @ReadingConverter
    enum TextToDay implements Converter<String, LocalDate> {
        INSTANCE;

        @Override
        public LocalDate convert(String text) {
            return LocalDate.parse(text);
        }
    }

    /** A time of day stored as its ISO text. */
    @WritingConverter
    enum TimeToText implements Converter<LocalTime, String> {
        INSTANCE;

        @Override
        public String convert(LocalTime time) {
            return time.toString();
        }
    }

    /** A time of day read from its ISO text. */
    @ReadingConverter
    enum TextToTime implements Converter<String, LocalTime> {
        INSTANCE;

        @Override
        public LocalTime convert(String text) {
            return LocalTime.parse(text);
        }
    }

    /** An instant stored as ISO text (by the event mapping, before the stores were typed) read as an instant. */
    @ReadingConverter
    enum TextToInstant implements Converter<String, Instant> {
        INSTANCE;

        @Override
        public Instant convert(String text) {
            return Instant.parse(text);
        }
    }
}
