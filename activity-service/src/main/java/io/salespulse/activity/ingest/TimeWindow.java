package io.salespulse.activity.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When an inbound event may have happened: not more than {@code salespulse.ingest.future-tolerance} (24 hours) ahead
 * of now, which covers clock skew and time zones, and not before the history horizon
 * ({@code salespulse.ingest.history-horizon}, 3 years), so that backfills still work but a typo in a year does not
 * count an event in a period nobody looks at.
 */
@Component
public class TimeWindow {

    /** How far ahead a scheduled time (a meeting's start) or a close date may be. */
    static final Period PLANNING_AHEAD = Period.ofYears(2);

    private final Clock clock;
    private final Duration history;
    private final Duration ahead;
    private final Duration dealSkew;

    @Autowired
    public TimeWindow(IngestProperties properties, Clock clock) {
        this(clock, properties.historyHorizon(), properties.futureTolerance(), properties.dealClockSkew());
    }

    public TimeWindow(Clock clock, Duration history, Duration ahead, Duration dealSkew) {
        this.clock = clock;
        this.history = history;
        this.ahead = ahead;
        this.dealSkew = dealSkew;
    }

    /**
     * What is wrong with the time of a deal update, or {@code null}: a deal keeps its latest update, so one may be
     * dated at most {@code salespulse.ingest.deal-clock-skew} (5 minutes) ahead of now, or it would hold the deal
     * against every update sent before its date.
     */
    public String dealUpdateProblem(Instant time) {
        if (time.isAfter(clock.instant().plus(dealSkew))) {
            return "an update that replaces the last one (a deal, a contract, a health score) may be dated at most "
                    + dealSkew.toMinutes()
                    + " minutes ahead of now";
        }
        return problem(time);
    }

    /** What is wrong with the time an event happened, or {@code null} when it is inside the window. */
    public String problem(Instant time) {
        Instant now = clock.instant();
        if (time.isAfter(now.plus(ahead))) {
            return "must be at most " + ahead.toHours() + " hours ahead of now";
        }
        if (time.isBefore(now.minus(history))) {
            return "must not be older than " + history.toDays() + " days (the history horizon)";
        }
        return null;
    }

    /** What is wrong with a planned time (a meeting's start), or {@code null}: inside the horizon, at most 2 years ahead. */
    public String plannedProblem(Instant time) {
        Instant now = clock.instant();
        if (time.isAfter(now.atOffset(ZoneOffset.UTC).plus(PLANNING_AHEAD).toInstant())) {
            return "must be at most " + PLANNING_AHEAD.getYears() + " years ahead";
        }
        return time.isBefore(now.minus(history))
                ? "must not be older than " + history.toDays() + " days (the history horizon)"
                : null;
    }

    /** What is wrong with a planned day (a close date, an objective's days), or {@code null}: inside the horizon, at most 2 years ahead. */
    public String plannedDayProblem(LocalDate day) {
        LocalDate earliest = LocalDate.ofInstant(clock.instant().minus(history), ZoneOffset.UTC);
        LocalDate latest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plus(PLANNING_AHEAD);
        return day.isBefore(earliest) || day.isAfter(latest) ? "must be from " + earliest + " to " + latest : null;
    }
}
