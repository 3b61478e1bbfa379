package io.salespulse.kpi.activity;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.activity.ActivityEvent;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.contracts.activity.MeetingBooked;
import io.salespulse.contracts.activity.MeetingHeld;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The activity KPI formulas at their source: what each activity event adds to which rep-day. An event counts on the
 * day it happened in the team's time zone, whenever it arrives; the rep's own activities (calls, emails, meetings booked
 * and held) also count in the hour they happened in, for the care rules. Pure: a unit test states each rule.
 */
public final class ActivityCounting {

    private ActivityCounting() {}

    /**
     * @param envelope an activity event
     * @param zoneOf   the time zone of a rep's team
     * @param teamOf   the team of a rep ({@code null} if unknown)
     */
    public static List<Increment> increments(
            EventEnvelope envelope, Function<String, ZoneId> zoneOf, Function<String, String> teamOf) {
        ActivityEvent event = envelope.dataAs(ActivityEvent.class);
        String rep = event.partitionKey();
        ZoneId zone = zoneOf.apply(rep);
        String team = teamOf.apply(rep);
        List<Increment> increments = new ArrayList<>(2);
        if (event instanceof CallLogged call) {
            Map<String, Long> counters = counters(Counter.calls, 1);
            if (call.outcome() == CallOutcome.CONNECTED) {
                counters.put(Counter.connectedCalls.name(), 1L);
                if (call.durationSeconds() != null) {
                    counters.put(
                            Counter.talkTimeSeconds.name(),
                            call.durationSeconds().longValue());
                }
            }
            counters.put(hourOf(call.occurredAt(), zone), 1L);
            increments.add(new Increment(rep, team, day(call.occurredAt(), zone), counters));
        } else if (event instanceof EmailSent email) {
            increments.add(new Increment(rep, team, day(email.occurredAt(), zone), timed(Counter.emails, email, zone)));
        } else if (event instanceof MeetingBooked booked) {
            increments.add(new Increment(
                    rep, team, day(booked.occurredAt(), zone), timed(Counter.meetingsBooked, booked, zone)));
            // The show rate compares meetings held with meetings scheduled in the same period.
            increments.add(
                    new Increment(rep, team, day(booked.scheduledFor(), zone), counters(Counter.meetingsScheduled, 1)));
        } else if (event instanceof MeetingHeld held) {
            increments.add(
                    new Increment(rep, team, day(held.occurredAt(), zone), timed(Counter.meetingsHeld, held, zone)));
        }
        return increments;
    }

    /** One of the rep's own activities: its count, and one in the hour it happened in (counts only, never the minute). */
    private static Map<String, Long> timed(Counter counter, ActivityEvent event, ZoneId zone) {
        Map<String, Long> counters = counters(counter, 1);
        counters.put(hourOf(event.occurredAt(), zone), 1L);
        return counters;
    }

    static String hourOf(Instant instant, ZoneId zone) {
        return Measures.hour(instant.atZone(zone).getHour());
    }

    static LocalDate day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    static Map<String, Long> counters(Counter counter, long value) {
        Map<String, Long> counters = new HashMap<>();
        counters.put(counter.name(), value);
        return counters;
    }
}
