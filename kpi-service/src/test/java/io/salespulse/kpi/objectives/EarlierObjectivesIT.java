package io.salespulse.kpi.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.objective.ObjectiveCancelled;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.kit.mongo.Documents;
import io.salespulse.kit.mongo.LatestState;
import io.salespulse.testsupport.RealInfrastructure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Objectives are typed documents mapped by Spring Data; one an earlier build stored by hand (days and instants as ISO
 * text, beside what was last published of it) reads as it was, is listed, and is cancelled for good.
 */
@SpringBootTest
@RealInfrastructure
class EarlierObjectivesIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ObjectiveTracker objectives;

    @Test
    void anObjectiveStoredByAnEarlierBuildReadsListsAndCancels() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + s;
        ObjectiveSet earlier = new ObjectiveSet(
                "obj-" + s,
                ObjectiveScope.TEAM,
                team,
                ObjectiveMetric.REVENUE_WON,
                new BigDecimal("40000.00"),
                "EUR",
                LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-12-31"),
                Instant.parse("2026-10-01T08:00:00Z"));
        mongo.getCollection(ObjectiveTracker.COLLECTION)
                .insertOne(Documents.of(earlier)
                        .append("_id", earlier.objectiveId())
                        .append(LatestState.ORDER, earlier.occurredAt().toEpochMilli())
                        .append("lastStatus", "ON_TRACK")
                        .append("lastActual", "0")
                        .append("lastTarget", "40000|2026-10-01|2026-12-31"));
        assertThat(mongo.getCollection(ObjectiveTracker.COLLECTION)
                        .find(new Document("_id", earlier.objectiveId()))
                        .first()
                        .get("periodStart"))
                .isEqualTo("2026-10-01");

        assertThat(objectives.ofTeamWithin(team, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31")))
                .containsExactly(earlier);
        assertThat(objectives.ofTeam(team, LocalDate.parse("2026-11-24")))
                .extracting(ObjectiveTracker.Tracked::objective)
                .containsExactly(earlier);
        assertThat(objectives.ofTeamWithin(team, LocalDate.parse("2026-10-02"), LocalDate.parse("2026-12-31")))
                .isEmpty();

        objectives.cancel(new ObjectiveCancelled(
                earlier.objectiveId(),
                ObjectiveScope.TEAM,
                team,
                "mgr",
                "reorganised",
                Instant.parse("2026-11-24T09:00:00Z")));
        assertThat(objectives.ofTeamWithin(team, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31")))
                .isEmpty();
        // Set again later (a CRM replaying it): cancelled for good.
        objectives.set(earlier);
        assertThat(objectives.ofTeam(team, LocalDate.parse("2026-11-24"))).isEmpty();
    }
}
