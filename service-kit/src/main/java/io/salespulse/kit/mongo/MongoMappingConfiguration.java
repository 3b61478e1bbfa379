package io.salespulse.kit.mongo;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mapping.Parameter;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mapping.PersistentProperty;
import org.springframework.data.mapping.model.EntityInstantiator;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.ParameterValueProvider;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * How every service's typed documents are stored by Spring Data: amounts as {@code Decimal128} (never a double, never
 * a text), instants as BSON dates, days ({@link LocalDate}) as ISO text ({@code 2026-11-24}, which sorts and compares
 * as the days do, with no time zone to guess) and times of day ({@link LocalTime}) as ISO text ({@code 08:30}).
 * Instants that earlier builds stored as ISO text still read, and so does a document lacking a number or flag added
 * to its record since. A service may declare its own {@link MongoCustomConversions}.
 */
@AutoConfiguration(before = DataMongoAutoConfiguration.class)
public class MongoMappingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(adapter -> adapter.bigDecimal(
                        MongoCustomConversions.BigDecimalRepresentation.DECIMAL128)
                .registerConverters(List.of(
                        new DayToText(), new TextToDay(), new TimeToText(), new TextToTime(), new TextToInstant())));
    }

    /**
     * A number or flag a stored document lacks (a record component added since it was written) reads as zero or
     * false, as it did through the event JSON mapping, instead of failing the whole read: the converter's
     * instantiators are wrapped so that a missing primitive constructor argument is its default value.
     */
    @Bean
    static BeanPostProcessor primitiveDefaultsOnRead() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof MappingMongoConverter converter) {
                    converter.setInstantiators(
                            new EntityInstantiators(new PrimitiveDefaults(new EntityInstantiators())));
                }
                return bean;
            }
        };
    }

    /** The default instantiator of each type, given a primitive's default value wherever a document has none. */
    static final class PrimitiveDefaults implements EntityInstantiator {

        private final EntityInstantiators defaults;

        PrimitiveDefaults(EntityInstantiators defaults) {
            this.defaults = defaults;
        }

        @Override
        public <T, E extends PersistentEntity<? extends T, P>, P extends PersistentProperty<P>> T createInstance(
                E entity, ParameterValueProvider<P> provider) {
            return defaults.getInstantiatorFor(entity).createInstance(entity, new ParameterValueProvider<P>() {
                @Override
                @SuppressWarnings("unchecked")
                public <V> V getParameterValue(Parameter<V, P> parameter) {
                    V value = provider.getParameterValue(parameter);
                    Class<V> type = parameter.getRawType();
                    return value == null && type.isPrimitive() ? (V) Array.get(Array.newInstance(type, 1), 0) : value;
                }
            });
        }
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
    static final class DayToText extends ToIsoText<LocalDate> {}

    @ReadingConverter
    static final class TextToDay extends FromIsoText<LocalDate> {
        TextToDay() {
            super(LocalDate::parse);
        }
    }

    @WritingConverter
    static final class TimeToText extends ToIsoText<LocalTime> {}

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
