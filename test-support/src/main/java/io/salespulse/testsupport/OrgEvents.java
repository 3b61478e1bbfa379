package io.salespulse.testsupport;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** The org topic's events a test publishes for its roster: a team working Monday to Friday, an active rep. */
public final class OrgEvents {

    /** When the roster's events say they happened: long before any day a test plays. */
    public static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private OrgEvents() {}

    /** A team in Europe/Paris (or another zone) working Monday to Friday, with its managers. */
    public static EventEnvelope team(
            String teamId, String name, String zone, Language language, List<String> managers) {
        return EventEnvelope.of(
                "team-" + teamId,
                "/test",
                new TeamChanged(
                        teamId, name, zone, language, managers, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), AT));
    }

    /**
     * A team in that zone working Monday to Friday, with its managers, that runs the weekly team pulse (a change after
     * {@link #team}: published later, it is the team as it now is).
     */
    public static EventEnvelope pulseTeam(
            String teamId, String name, String zone, Language language, List<String> managers) {
        return EventEnvelope.of(
                "pulse-team-" + teamId,
                "/test",
                new TeamChanged(
                        teamId,
                        name,
                        zone,
                        language,
                        managers,
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        null,
                        null,
                        null,
                        new io.salespulse.contracts.org.TeamCare(null, null, null, null, true),
                        AT.plusSeconds(60)));
    }

    /** An active junior SDR of a team since 6 January 2025. */
    public static EventEnvelope sdr(String repId, String name, String teamId) {
        return EventEnvelope.of(
                "rep-" + repId,
                "/test",
                new RepChanged(
                        repId,
                        name,
                        teamId,
                        RepRole.SDR,
                        Seniority.JUNIOR,
                        LocalDate.parse("2025-01-06"),
                        Map.of(),
                        true,
                        AT));
    }
}
