package io.salespulse.systemtests;

import io.salespulse.localrun.LocalStack;
import java.time.Instant;

/**
 * The day the storyline tests play, whatever the calendar says: every service of their stack, the cockpit and the
 * demo read a clock shifted to it ({@link LocalStack.Options#at}). A Wednesday in the middle of a month and of a
 * quarter's first month, with no public holiday and no daylight-saving change in the four weeks before, 17:00 in Paris
 * and 11:00 in New York: every storyline can happen on it. {@code DemoStoryCalendarTest} plays the story on the awkward
 * days instead.
 */
final class StoryDay {

    static final Instant NOW = Instant.parse("2026-10-21T15:00:00Z");

    private StoryDay() {}
}
