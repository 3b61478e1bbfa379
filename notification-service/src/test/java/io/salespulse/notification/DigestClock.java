package io.salespulse.notification;

import io.salespulse.testsupport.MovableClock;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clock the digest tests move ({@code @Import} it): each test sets it where its story starts. */
@TestConfiguration
class DigestClock {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-27T07:29:00Z"));

    @Bean
    @Primary
    Clock movableClock() {
        return CLOCK;
    }
}
