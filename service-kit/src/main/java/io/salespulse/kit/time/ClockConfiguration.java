package io.salespulse.kit.time;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one clock every rule, period and day boundary of a service reads: UTC, shifted by {@code salespulse.clock.offset}
 * (zero unless set). The offset is for demos and tests that must play a chosen day ({@code ./run-local --demo --today=},
 * the storyline tests); the local run gives the same offset to every service and to the demo. Token lifetimes are
 * judged on the real clock (a shifted clock would refuse every token), so only business time moves.
 */
@AutoConfiguration
public class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${salespulse.clock.offset:0s}") Duration offset) {
        Clock clock = shifted(offset);
        if (!offset.isZero()) {
            log.warn("The clock is shifted by {} (salespulse.clock.offset): today is {} here", offset, clock.instant());
        }
        return clock;
    }

    /** The real UTC clock shifted by an offset (the real one itself when the offset is zero). */
    public static Clock shifted(Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }
}
