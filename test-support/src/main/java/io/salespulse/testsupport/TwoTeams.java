package io.salespulse.testsupport;

import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.UnitChanged;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two teams on the org topic, A and B, each with one manager and one rep, each under its own unit of one company, for
 * access checks: a manager of A, or a director of A's unit, must not reach B.
 *
 * @param teamA    team A's id
 * @param teamB    team B's id
 * @param managerA A's manager
 * @param managerB B's manager
 * @param repA     A's rep
 * @param repB     B's rep
 * @param unitA    the unit A sits under
 * @param unitB    the unit B sits under, A's sibling
 * @param company  the unit above both
 */
public record TwoTeams(
        String teamA,
        String teamB,
        String managerA,
        String managerB,
        String repA,
        String repB,
        String unitA,
        String unitB,
        String company) {

    /** Publishes both teams and their reps, and waits until the service at {@code baseUrl} lets A's manager read A's rep. */
    public static TwoTeams publish(String baseUrl, String repReadPath) {
        String s = UUID.randomUUID().toString().substring(0, 8);
        TwoTeams teams = new TwoTeams(
                "team-a-" + s,
                "team-b-" + s,
                "mgr-a-" + s,
                "mgr-b-" + s,
                "rep-a-" + s,
                "rep-b-" + s,
                "unit-a-" + s,
                "unit-b-" + s,
                "company-" + s);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        EnumSet<DayOfWeek> week = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        KafkaProbe.publish(
                EventEnvelope.of(
                        "ta-" + s,
                        "/test",
                        new TeamChanged(
                                teams.teamA(), "A", "Europe/Paris", Language.fr, List.of(teams.managerA()), week, at)),
                EventEnvelope.of(
                        "tb-" + s,
                        "/test",
                        new TeamChanged(
                                teams.teamB(),
                                "B",
                                "America/New_York",
                                Language.en,
                                List.of(teams.managerB()),
                                week,
                                at)),
                EventEnvelope.of(
                        "ra-" + s,
                        "/test",
                        new RepChanged(
                                teams.repA(),
                                "Rep A",
                                teams.teamA(),
                                RepRole.SDR,
                                Seniority.JUNIOR,
                                LocalDate.parse("2026-01-05"),
                                Map.of(),
                                true,
                                at)),
                EventEnvelope.of(
                        "rb-" + s,
                        "/test",
                        new RepChanged(
                                teams.repB(),
                                "Rep B",
                                teams.teamB(),
                                RepRole.AE,
                                Seniority.SENIOR,
                                LocalDate.parse("2026-01-05"),
                                Map.of(),
                                true,
                                at)),
                EventEnvelope.of(
                        "uc-" + s,
                        "/test",
                        new UnitChanged(
                                teams.company(), "Company", null, List.of(), List.of(), "EUR", Language.en, "UTC", at)),
                EventEnvelope.of(
                        "ua-" + s,
                        "/test",
                        new UnitChanged(
                                teams.unitA(),
                                "Unit A",
                                teams.company(),
                                List.of(),
                                List.of(teams.teamA()),
                                "EUR",
                                Language.fr,
                                "Europe/Paris",
                                at)),
                EventEnvelope.of(
                        "ub-" + s,
                        "/test",
                        new UnitChanged(
                                teams.unitB(),
                                "Unit B",
                                teams.company(),
                                List.of(),
                                List.of(teams.teamB()),
                                "USD",
                                Language.en,
                                "America/New_York",
                                at)));
        // Both reps: their records sit on different partitions of the org topic, so one known says nothing of the
        // other.
        String urlA = baseUrl + repReadPath.replace("{repId}", teams.repA());
        String urlB = baseUrl + repReadPath.replace("{repId}", teams.repB());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(
                                                urlA,
                                                "Authorization",
                                                "Bearer " + TestTokens.manager(teams.managerA(), teams.teamA()))
                                        .status()
                                == 200
                        && Http.get(
                                                urlB,
                                                "Authorization",
                                                "Bearer " + TestTokens.manager(teams.managerB(), teams.teamB()))
                                        .status()
                                == 200
                        // The three units, each on its own partition: a director of the company reads both.
                        && Http.get(urlA, "Authorization", "Bearer " + TestTokens.director("d-" + s, teams.company()))
                                        .status()
                                == 200
                        && Http.get(urlB, "Authorization", "Bearer " + TestTokens.director("d-" + s, teams.company()))
                                        .status()
                                == 200);
        return teams;
    }
}
