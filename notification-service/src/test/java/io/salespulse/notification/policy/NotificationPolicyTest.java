package io.salespulse.notification.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.preferences.Preferences;
import io.salespulse.notification.preferences.Recognitions;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {

    static final Preferences PARIS = new Preferences(
            "mgr",
            Map.of(Channel.EMAIL, "m@example.test"),
            null,
            Language.fr,
            "Europe/Paris",
            LocalTime.parse("19:00"),
            LocalTime.parse("08:00"),
            Severity.WARNING,
            LocalTime.parse("08:30"),
            "MON 08:30",
            null);
    /** 10:00 in Paris. */
    static final Instant DAY = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void criticalWeakSignalsAndBigRecognitionsGoAtOnceTheRestToTheDigest() {
        assertThat(NotificationPolicy.decide(SignalType.ACTIVITY_DROP, Severity.CRITICAL, false, PARIS, DAY, 0)
                        .route())
                .isEqualTo(Decision.Route.INSTANT);
        assertThat(NotificationPolicy.decide(SignalType.ACTIVITY_DROP, Severity.WARNING, false, PARIS, DAY, 0)
                        .route())
                .isEqualTo(Decision.Route.DIGEST);
        // A rep's critical drop that is part of its team's drop (told at once) goes in the digest.
        Decision linked =
                NotificationPolicy.decide(SignalType.ACTIVITY_DROP, Severity.CRITICAL, false, true, PARIS, DAY, 0);
        assertThat(linked.route()).isEqualTo(Decision.Route.DIGEST);
        assertThat(linked.reason()).isEqualTo(RoutingReason.PART_OF_A_TEAM_SIGNAL);
        assertThat(NotificationPolicy.decide(
                                SignalType.BIG_WIN,
                                Severity.INFO,
                                false,
                                new Preferences(
                                        "m",
                                        Map.of(),
                                        null,
                                        Language.en,
                                        "UTC",
                                        null,
                                        null,
                                        Severity.INFO,
                                        null,
                                        null,
                                        null),
                                DAY,
                                0)
                        .route())
                .isEqualTo(Decision.Route.INSTANT);
    }

    @Test
    void recognitionsAreTheirOwnClassSentAtOnceByDefaultWhateverTheMinimumSeverity() {
        // PARIS keeps weak signals under WARNING back, and has not chosen for recognitions: they go at once.
        for (SignalType recognition : new SignalType[] {
            SignalType.BIG_WIN, SignalType.OBJECTIVE_ACHIEVED, SignalType.PERSONAL_BEST, SignalType.BACK_ON_TRACK
        }) {
            Decision decision = NotificationPolicy.decide(recognition, Severity.INFO, false, PARIS, DAY, 0);
            assertThat(decision.route()).as(recognition.name()).isEqualTo(Decision.Route.INSTANT);
        }
        // At night, at the end of the quiet hours, like any instant one; and within the hourly cap.
        assertThat(NotificationPolicy.decide(
                                SignalType.BIG_WIN,
                                Severity.INFO,
                                false,
                                PARIS,
                                Instant.parse("2026-11-26T21:00:00Z"),
                                0)
                        .sendAt())
                .isEqualTo(Instant.parse("2026-11-27T07:00:00Z"));
        assertThat(NotificationPolicy.decide(SignalType.BIG_WIN, Severity.INFO, false, PARIS, DAY, 10)
                        .route())
                .isEqualTo(Decision.Route.DIGEST);
        // A manager who turned them down.
        assertThat(NotificationPolicy.decide(
                                SignalType.BIG_WIN, Severity.INFO, false, with(Recognitions.DIGEST), DAY, 0)
                        .route())
                .isEqualTo(Decision.Route.DIGEST);
        Decision off = NotificationPolicy.decide(
                SignalType.PERSONAL_BEST, Severity.INFO, false, with(Recognitions.OFF), DAY, 0);
        assertThat(off.route()).isEqualTo(Decision.Route.SUPPRESSED);
        assertThat(off.reason()).isEqualTo(RoutingReason.RECOGNITIONS_OFF);
        // Weak signals are not recognitions: the minimum still holds them back.
        assertThat(NotificationPolicy.decide(
                                SignalType.SILENCE, Severity.INFO, false, with(Recognitions.INSTANT), DAY, 0)
                        .route())
                .isEqualTo(Decision.Route.SUPPRESSED);
    }

    private static Preferences with(Recognitions recognitions) {
        return new Preferences(
                PARIS.managerId(),
                PARIS.targets(),
                null,
                PARIS.locale(),
                PARIS.timezone(),
                PARIS.quietFrom(),
                PARIS.quietTo(),
                PARIS.minSeverity(),
                PARIS.dailyDigestAt(),
                PARIS.weeklyDigest(),
                recognitions);
    }

    @Test
    void belowTheManagersMinimumOrResolvedIsNotSent() {
        Decision info = NotificationPolicy.decide(SignalType.CONNECT_RATE_DROP, Severity.INFO, false, PARIS, DAY, 0);
        assertThat(info.route()).isEqualTo(Decision.Route.SUPPRESSED);
        assertThat(info.reason()).isEqualTo(RoutingReason.BELOW_MINIMUM_SEVERITY);
        assertThat(NotificationPolicy.decide(SignalType.SILENCE, Severity.CRITICAL, true, PARIS, DAY, 0)
                        .route())
                .isEqualTo(Decision.Route.SUPPRESSED);
    }

    @Test
    void theEleventhInstantOfTheHourWaitsForTheDigest() {
        assertThat(NotificationPolicy.decide(SignalType.SILENCE, Severity.CRITICAL, false, PARIS, DAY, 9)
                        .route())
                .isEqualTo(Decision.Route.INSTANT);
        assertThat(NotificationPolicy.decide(SignalType.SILENCE, Severity.CRITICAL, false, PARIS, DAY, 10)
                        .route())
                .isEqualTo(Decision.Route.DIGEST);
    }

    @Test
    void quietHoursDeferToTheirEndInTheManagersZone() {
        // 22:00 in Paris: deferred to 08:00 the next morning (07:00 UTC).
        Decision night = NotificationPolicy.decide(
                SignalType.SILENCE, Severity.CRITICAL, false, PARIS, Instant.parse("2026-11-26T21:00:00Z"), 0);
        assertThat(night.sendAt()).isEqualTo(Instant.parse("2026-11-27T07:00:00Z"));
        // 06:00 in Paris: deferred to 08:00 the same morning.
        assertThat(NotificationPolicy.decide(
                                SignalType.SILENCE,
                                Severity.CRITICAL,
                                false,
                                PARIS,
                                Instant.parse("2026-11-26T05:00:00Z"),
                                0)
                        .sendAt())
                .isEqualTo(Instant.parse("2026-11-26T07:00:00Z"));
        // 08:00 exactly is no longer quiet; 19:00 exactly is.
        assertThat(PARIS.isQuiet(LocalTime.parse("08:00"))).isFalse();
        assertThat(PARIS.isQuiet(LocalTime.parse("19:00"))).isTrue();
        assertThat(PARIS.isQuiet(LocalTime.parse("07:59"))).isTrue();
        assertThat(NotificationPolicy.decide(SignalType.SILENCE, Severity.CRITICAL, false, PARIS, DAY, 0)
                        .sendAt())
                .isEqualTo(DAY);
    }
}
