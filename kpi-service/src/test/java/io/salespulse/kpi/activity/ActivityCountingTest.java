package io.salespulse.kpi.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.MeetingBooked;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityCountingTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static List<Increment> count(Object data) {
        return ActivityCounting.increments(
                EventEnvelope.of("e-1", "/t", (io.salespulse.contracts.SalesPulseEvent) data),
                rep -> PARIS,
                rep -> "team-paris");
    }

    @Test
    void connectedCallCountsAsCallConnectionAndTalkTime() {
        List<Increment> increments = count(
                new CallLogged("r", null, CallOutcome.CONNECTED, 300, null, Instant.parse("2026-11-24T09:00:00Z")));
        assertThat(increments).singleElement().satisfies(i -> {
            assertThat(i.counters())
                    .isEqualTo(Map.of("calls", 1L, "connectedCalls", 1L, "talkTimeSeconds", 300L, "hours.h10", 1L));
            assertThat(i.teamId()).isEqualTo("team-paris");
        });
    }

    @Test
    void unansweredCallIsACallWithoutTalkTime() {
        assertThat(count(new CallLogged(
                        "r", null, CallOutcome.VOICEMAIL, 25, null, Instant.parse("2026-11-24T09:00:00Z"))))
                .singleElement()
                .extracting(Increment::counters)
                .isEqualTo(Map.of("calls", 1L, "hours.h10", 1L));
    }

    @Test
    void ownActivitiesCountInTheHourOfTheTeamsZoneTheyHappenedIn() {
        // 18:40 UTC in November is 19:40 in Paris: the evening, whatever the hour in UTC.
        assertThat(count(new io.salespulse.contracts.activity.EmailSent(
                        "r", null, Instant.parse("2026-11-24T18:40:00Z"))))
                .singleElement()
                .extracting(Increment::counters)
                .isEqualTo(Map.of("emails", 1L, "hours.h19", 1L));
        // 21:30 UTC in July is 23:30 in Paris (UTC+2): the last hour of the day.
        assertThat(count(new io.salespulse.contracts.activity.MeetingHeld(
                        "r", null, null, Instant.parse("2026-07-14T21:30:00Z"))))
                .singleElement()
                .extracting(Increment::counters)
                .isEqualTo(Map.of("meetingsHeld", 1L, "hours.h23", 1L));
    }

    @Test
    void eventCountsOnTheDayItHappenedInTheTeamsZone() {
        // 23:30 UTC on the 24th is 00:30 on the 25th in Paris (UTC+1 in November).
        assertThat(count(
                        new CallLogged("r", null, CallOutcome.BUSY, null, null, Instant.parse("2026-11-24T23:30:00Z"))))
                .singleElement()
                .extracting(Increment::day)
                .isEqualTo(LocalDate.parse("2026-11-25"));
        // 21:59 UTC in July is 23:59 in Paris (UTC+2, summer time): still the same day.
        assertThat(count(
                        new CallLogged("r", null, CallOutcome.BUSY, null, null, Instant.parse("2026-07-14T21:59:00Z"))))
                .singleElement()
                .extracting(Increment::day)
                .isEqualTo(LocalDate.parse("2026-07-14"));
    }

    @Test
    void dayBoundariesFollowTheDaylightSavingChange() {
        // Paris leaves summer time on Sunday 25 October 2026 at 01:00 UTC (03:00 local becomes 02:00).
        // 21:59 UTC on Saturday 24th is 23:59 local (UTC+2): Saturday.
        assertThat(count(
                        new CallLogged("r", null, CallOutcome.BUSY, null, null, Instant.parse("2026-10-24T21:59:00Z"))))
                .singleElement()
                .extracting(Increment::day)
                .isEqualTo(LocalDate.parse("2026-10-24"));
        // 22:00 UTC on Saturday 24th is midnight local: Sunday.
        assertThat(count(
                        new CallLogged("r", null, CallOutcome.BUSY, null, null, Instant.parse("2026-10-24T22:00:00Z"))))
                .singleElement()
                .extracting(Increment::day)
                .isEqualTo(LocalDate.parse("2026-10-25"));
        // After the change, midnight local is 23:00 UTC: 22:59 UTC on Sunday 25th is still Sunday, 23:00 is Monday.
        assertThat(count(
                        new CallLogged("r", null, CallOutcome.BUSY, null, null, Instant.parse("2026-10-25T22:59:00Z"))))
                .singleElement()
                .extracting(Increment::day)
                .isEqualTo(LocalDate.parse("2026-10-25"));
        assertThat(count(
                        new CallLogged("r", null, CallOutcome.BUSY, null, null, Instant.parse("2026-10-25T23:00:00Z"))))
                .singleElement()
                .extracting(Increment::day)
                .isEqualTo(LocalDate.parse("2026-10-26"));
    }

    @Test
    void bookedMeetingCountsWhenBookedAndWhereScheduled() {
        List<Increment> increments = count(new MeetingBooked(
                "r", "m", Instant.parse("2026-11-27T14:00:00Z"), null, Instant.parse("2026-11-24T10:00:00Z")));
        assertThat(increments)
                .extracting(Increment::day)
                .containsExactly(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-27"));
        // Placed where the event was read, both count once with it.
        assertThat(increments.stream().map(increment -> increment.at("salespulse.activities-0", 7)))
                .extracting(Increment::offset)
                .containsExactly(7L, 7L);
        assertThat(increments.get(0).counters()).isEqualTo(Map.of("meetingsBooked", 1L, "hours.h11", 1L));
        assertThat(increments.get(1).counters()).isEqualTo(Map.of("meetingsScheduled", 1L));
    }
}
