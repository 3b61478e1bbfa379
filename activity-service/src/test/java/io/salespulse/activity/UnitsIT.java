package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.org.OrgEvent;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The organisation's tree through the roster API: one company at the root, at most five levels, no loop, each team
 * under one unit (a team claimed by another unit moves, and its old unit is told without it), every change on the org
 * topic; and a director's token reading what is under its units as the tree now is.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A database of its own: the tree has one root.
        properties = "salespulse.test.context=units")
@RealInfrastructure
class UnitsIT {

    private static final String UNIT = """
            {"name":"%s","parentId":%s,"headIds":[%s],"teamIds":[%s],"reportingCurrency":"%s","locale":"fr","timezone":"Europe/Paris"}""";
    private static final String TEAM = """
            {"name":"%s","timezone":"Europe/Paris","locale":"fr","managerIds":["mgr-%s"]}""";

    @LocalServerPort
    int port;

    @Test
    void theTreeHasOneRootAtMostFiveLevelsNoLoopAndEachTeamUnderOneUnit() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String base = "http://localhost:" + port + "/api/v1";
        String paris = "paris-" + s;
        String lyon = "lyon-" + s;
        for (String team : List.of(paris, lyon)) {
            assertThat(Http.put(base + "/teams/" + team, TEAM.formatted(team, team))
                            .status())
                    .isEqualTo(200);
        }
        String company = "company-" + s;
        String europe = "europe-" + s;
        String france = "france-" + s;
        assertThat(put(base, company, "Company", null, "", "", "EUR").status()).isEqualTo(200);
        Http.Answer second = put(base, "other-" + s, "Another company", null, "", "", "EUR");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body()).contains("parentId", company + " is the company already");
        assertThat(put(base, europe, "Europe", company, "\"dir-sophie\"", "", "EUR")
                        .status())
                .isEqualTo(200);
        Http.Answer france1 = put(base, france, "France", europe, "", q(paris) + "," + q(lyon), "EUR");
        assertThat(france1.status()).as(france1.body()).isEqualTo(200);
        assertThat(france1.json().get("depth").asInt()).isEqualTo(3);
        assertThat(france1.json().get("path").toString()).isEqualTo("[\"" + europe + "\",\"" + company + "\"]");

        // Refused, each naming its field.
        assertThat(put(base, company, "Company", france, "", "", "EUR").body()).contains("parentId", "loop");
        assertThat(put(base, "x-" + s, "X", "nowhere-" + s, "", "", "EUR").body())
                .contains("parentId", "no known unit");
        assertThat(put(base, "x-" + s, "X", europe, "", q("no-team-" + s), "EUR")
                        .body())
                .contains("teamIds", "no-team-" + s);
        assertThat(put(base, "x-" + s, "X", europe, "", "", "euro").body()).contains("reportingCurrency");
        String parent = france;
        for (int level = 4; level <= 5; level++) {
            String unit = "level" + level + "-" + s;
            assertThat(put(base, unit, "Level " + level, parent, "", "", "EUR").status())
                    .isEqualTo(200);
            parent = unit;
        }
        Http.Answer tooDeep = put(base, "level6-" + s, "Level 6", parent, "", "", "EUR");
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.body()).contains("parentId", "deeper than 5 levels");
        // France under a unit of its own subtree would loop; Europe (four levels with those under it) under a unit of
        // the second level would put level 5 at the sixth.
        assertThat(put(base, france, "France", "level4-" + s, "", "", "EUR").body())
                .contains("loop");
        assertThat(put(base, "americas-" + s, "Americas", company, "", "", "USD")
                        .status())
                .isEqualTo(200);
        assertThat(put(base, europe, "Europe", "americas-" + s, "\"dir-sophie\"", "", "EUR")
                        .body())
                .contains("parentId", "deeper than 5 levels");

        // Lyon moves to a unit of its own: France is told without it.
        String rhone = "rhone-" + s;
        assertThat(put(base, rhone, "Rhône", europe, "", q(lyon), "EUR").status())
                .isEqualTo(200);
        assertThat(Http.get(base + "/units/" + france).json().get("teamIds").toString())
                .isEqualTo("[\"" + paris + "\"]");
        try (KafkaProbe probe = KafkaProbe.reading(Topics.ORG)) {
            List<EventEnvelope> events = probe.awaitEvents(
                    e -> e.key().equals(OrgEvent.unitKey(france)) || e.key().equals(OrgEvent.unitKey(rhone)),
                    3,
                    Duration.ofSeconds(30));
            UnitChanged lastFrance = events.stream()
                    .map(EventEnvelope::data)
                    .map(UnitChanged.class::cast)
                    .filter(u -> u.unitId().equals(france))
                    .reduce((first, second2) -> second2)
                    .orElseThrow();
            assertThat(lastFrance.teamIds()).containsExactly(paris);
            assertThat(lastFrance.parentId()).isEqualTo(europe);
        }

        // A director of Europe reads both teams and the units under Europe, not the company.
        String sophie = "Bearer " + TestTokens.director("dir-sophie", europe);
        assertThat(Http.get(base + "/teams/" + lyon, "Authorization", sophie).status())
                .isEqualTo(200);
        assertThat(Http.get(base + "/units/" + company, "Authorization", sophie).status())
                .isEqualTo(403);
        assertThat(Http.get(base + "/units", "Authorization", sophie).json().findValuesAsString("unitId"))
                .contains(europe, france, rhone)
                .doesNotContain(company);
        assertThat(Http.get(base + "/teams", "Authorization", sophie).json().findValuesAsString("teamId"))
                .containsExactlyInAnyOrder(paris, lyon);
        // A director of Rhône reads Lyon, not Paris.
        String rhoneDirector = "Bearer " + TestTokens.director("dir-rhone", rhone);
        assertThat(Http.get(base + "/teams/" + lyon, "Authorization", rhoneDirector)
                        .status())
                .isEqualTo(200);
        assertThat(Http.get(base + "/teams/" + paris, "Authorization", rhoneDirector)
                        .status())
                .isEqualTo(403);
        // Rhône moved under France: a director of France now reads it; then out again, and no longer.
        String franceDirector = "Bearer " + TestTokens.director("dir-france", france);
        assertThat(Http.get(base + "/teams/" + lyon, "Authorization", franceDirector)
                        .status())
                .isEqualTo(403);
        assertThat(put(base, rhone, "Rhône", france, "", q(lyon), "EUR").status())
                .isEqualTo(200);
        assertThat(Http.get(base + "/teams/" + lyon, "Authorization", franceDirector)
                        .status())
                .isEqualTo(200);
        assertThat(put(base, rhone, "Rhône", europe, "", q(lyon), "EUR").status())
                .isEqualTo(200);
        assertThat(Http.get(base + "/teams/" + lyon, "Authorization", franceDirector)
                        .status())
                .isEqualTo(403);
        assertThat(Http.get(base + "/units/" + rhone, "Authorization", franceDirector)
                        .status())
                .isEqualTo(403);
        // A manager reads no unit.
        assertThat(Http.get(base + "/units/" + france, "Authorization", "Bearer " + TestTokens.manager("m", paris))
                        .status())
                .isEqualTo(403);
    }

    private static Http.Answer put(
            String base, String unitId, String name, String parentId, String heads, String teams, String currency) {
        return Http.put(
                base + "/units/" + unitId,
                UNIT.formatted(name, parentId == null ? "null" : q(parentId), heads, teams, currency));
    }

    private static String q(String value) {
        return "\"" + value + "\"";
    }
}
