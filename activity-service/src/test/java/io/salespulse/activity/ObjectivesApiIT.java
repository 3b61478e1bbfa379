package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.objective.ObjectiveCancelled;
import io.salespulse.contracts.objective.ObjectiveEvent;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.contracts.objective.ObjectiveUpdated;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager sets, adjusts and cancels objectives through the API: each change is one event on the objectives topic, a
 * repeated request is no change, what may not change is refused naming the field, and a CRM's objective can be
 * adjusted too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ObjectivesApiIT {

    @LocalServerPort
    int port;

    private static final LocalDate START = LocalDate.now().withDayOfMonth(1);
    private static final LocalDate END = START.plusMonths(1).minusDays(1);

    private String base() {
        return "http://localhost:" + port + "/api/v1";
    }

    private static String objective(String scope, String scopeId, String metric, String target, String currency) {
        return """
                {"scope":"%s","scopeId":"%s","metric":"%s","target":%s,%s"periodStart":"%s","periodEnd":"%s"}""".formatted(
                        scope,
                        scopeId,
                        metric,
                        target,
                        currency == null ? "" : "\"currency\":\"" + currency + "\",",
                        START,
                        END);
    }

    @Test
    void aManagerSetsAdjustsAndCancelsAnObjectiveEachChangeOneEvent() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + s;
        String other = "other-" + s;
        String rep = "rep-" + s;
        roster(team, rep);
        roster(other, "rep-" + other);
        String camille = "Bearer " + TestTokens.manager("mgr-" + s, team);
        String url = base() + "/teams/" + team + "/objectives/obj-" + s;

        try (KafkaProbe probe = KafkaProbe.reading(Topics.OBJECTIVES)) {
            Http.Answer set =
                    Http.put(url, objective("REP", rep, "REVENUE_WON", "20000", "EUR"), "Authorization", camille);
            assertThat(set.status()).as(set.body()).isEqualTo(201);
            assertThat(set.json().get("status").asString()).isEqualTo("ACTIVE");
            assertThat(set.json().get("setBy").asString()).isEqualTo("mgr-" + s);
            // The same form sent twice is one objective.
            assertThat(Http.put(url, objective("REP", rep, "REVENUE_WON", "20000", "EUR"), "Authorization", camille)
                            .status())
                    .isEqualTo(200);

            Http.Answer adjusted =
                    Http.put(url, objective("REP", rep, "REVENUE_WON", "25000.50", "EUR"), "Authorization", camille);
            assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
            assertThat(adjusted.json().get("target").decimalValue()).isEqualByComparingTo("25000.50");
            // Adjusted by a form read before that change: refused, the adjustment stands (no event).
            Http.Answer stale = Http.put(
                    url,
                    objective("REP", rep, "REVENUE_WON", "30000", "EUR"),
                    "Authorization",
                    camille,
                    "If-Match",
                    set.etag());
            assertThat(stale.status()).as(stale.body()).isEqualTo(412);
            assertThat(stale.etag()).isEqualTo(adjusted.etag()).isNotEqualTo(set.etag());
            assertThat(Http.get(url, "Authorization", camille)
                            .json()
                            .get("target")
                            .decimalValue())
                    .isEqualByComparingTo("25000.50");

            Http.Answer moved =
                    Http.put(url, objective("REP", rep, "CALLS", "25000.50", null), "Authorization", camille);
            assertThat(moved.status()).isEqualTo(400);
            assertThat(moved.json().get("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("metric", "currency");

            Http.Answer cancelled = Http.post(
                    url + "/cancel",
                    "application/json",
                    "{\"reason\":\"Territory changed\"}",
                    "Authorization",
                    camille);
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(Http.post(url + "/cancel", "application/json", "{}", "Authorization", camille)
                            .status())
                    .isEqualTo(200);
            Http.Answer revived =
                    Http.put(url, objective("REP", rep, "REVENUE_WON", "1", "EUR"), "Authorization", camille);
            assertThat(revived.status()).isEqualTo(409);
            assertThat(revived.contentType()).startsWith("application/problem+json");

            List<ObjectiveEvent> events =
                    probe.awaitEvents(e -> e.key().equals("obj-" + s), 3, Duration.ofSeconds(30)).stream()
                            .map(EventEnvelope::data)
                            .map(ObjectiveEvent.class::cast)
                            .toList();
            assertThat(events).hasSize(3);
            assertThat(events.get(0)).isInstanceOf(ObjectiveSet.class);
            assertThat(((ObjectiveSet) events.get(0)).target()).isEqualByComparingTo("20000");
            ObjectiveUpdated update = (ObjectiveUpdated) events.get(1);
            assertThat(update.target()).isEqualByComparingTo(new BigDecimal("25000.50"));
            assertThat(update.currency()).isEqualTo("EUR");
            assertThat(update.updatedBy()).isEqualTo("mgr-" + s);
            ObjectiveCancelled cancel = (ObjectiveCancelled) events.get(2);
            assertThat(cancel.reason()).isEqualTo("Territory changed");
            assertThat(cancel.cancelledBy()).isEqualTo("mgr-" + s);
            assertThat(probe.drain(e -> e.key().equals("obj-" + s), Duration.ofSeconds(2)))
                    .as("no more than the three changes")
                    .hasSize(3);
        }
    }

    @Test
    void aRampSetsAJuniorsRisingWeeklyObjectivesAndAShorterScheduleCancelsTheWeeksDropped() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + s;
        String rep = "rep-" + s;
        roster(team, rep);
        String camille = "Bearer " + TestTokens.manager("mgr-" + s, team);
        LocalDate monday = LocalDate.now().with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        String url = base() + "/teams/" + team + "/ramps/ramp-" + s;
        try (KafkaProbe probe = KafkaProbe.reading(Topics.OBJECTIVES)) {
            Http.Answer ramp = Http.put(url, """
                    {"repId":"%s","metric":"MEETINGS_BOOKED","start":"%s","weeklyTargets":[2,4,6,8]}""".formatted(rep, monday), "Authorization", camille);
            assertThat(ramp.status()).as(ramp.body()).isEqualTo(200);
            assertThat(ramp.json().findValuesAsString("objectiveId"))
                    .containsExactly(
                            "ramp-" + s + "-w1", "ramp-" + s + "-w2", "ramp-" + s + "-w3", "ramp-" + s + "-w4");
            assertThat(ramp.json().get(3).get("periodStart").asString())
                    .isEqualTo(monday.plusWeeks(3).toString());
            assertThat(ramp.json().get(3).get("periodEnd").asString())
                    .isEqualTo(monday.plusWeeks(3).plusDays(6).toString());
            assertThat(ramp.json().get(3).get("target").decimalValue()).isEqualByComparingTo("8");

            // Three weeks at a gentler pace: weeks 2 and 3 adjusted, week 4 cancelled, week 1 unchanged.
            Http.Answer shorter = Http.put(url, """
                    {"repId":"%s","metric":"MEETINGS_BOOKED","start":"%s","weeklyTargets":[2,3,5]}""".formatted(rep, monday), "Authorization", camille);
            assertThat(shorter.status()).isEqualTo(200);
            assertThat(Http.get(base() + "/teams/" + team + "/objectives/ramp-" + s + "-w4", "Authorization", camille)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("CANCELLED");
            List<ObjectiveEvent> events =
                    probe.awaitEvents(e -> e.key().startsWith("ramp-" + s), 7, Duration.ofSeconds(30)).stream()
                            .map(EventEnvelope::data)
                            .map(ObjectiveEvent.class::cast)
                            .toList();
            assertThat(events.stream().filter(ObjectiveSet.class::isInstance)).hasSize(4);
            assertThat(events.stream().filter(ObjectiveUpdated.class::isInstance))
                    .hasSize(2);
            assertThat(events.stream().filter(ObjectiveCancelled.class::isInstance))
                    .hasSize(1);
        }
        Http.Answer bad = Http.put(
                base() + "/teams/" + team + "/ramps/bad-" + s,
                """
                {"repId":"nobody","metric":"MEETINGS_BOOKED","start":"%s","weeklyTargets":[]}""".formatted(monday.plusDays(1)),
                "Authorization",
                camille);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("start", "weeklyTargets", "repId");
        Http.Answer zero = Http.put(
                base() + "/teams/" + team + "/ramps/bad-" + s, """
                {"repId":"%s","metric":"MEETINGS_BOOKED","start":"%s","weeklyTargets":[1,0]}""".formatted(rep, monday), "Authorization", camille);
        assertThat(zero.json().get("errors").findValuesAsString("field")).containsExactly("weeklyTargets[1].target");
    }

    @Test
    void anObjectiveOutsideTheTeamOrOutOfBoundsIsRefusedNamingTheField() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + s;
        String other = "other-" + s;
        roster(team, "rep-" + s);
        roster(other, "rep-" + other);
        String url = base() + "/teams/" + team + "/objectives/obj-" + s;
        assertThat(fields(Http.put(url, objective("REP", "rep-" + other, "CALLS", "10", null))))
                .containsExactly("scopeId");
        assertThat(fields(Http.put(url, objective("REP", "nobody", "CALLS", "10", null))))
                .containsExactly("scopeId");
        assertThat(fields(Http.put(url, objective("TEAM", other, "CALLS", "10", null))))
                .containsExactly("scopeId");
        assertThat(fields(Http.put(url, objective("TEAM", team, "REVENUE_WON", "-5", null))))
                .containsExactlyInAnyOrder("target", "currency");
        assertThat(fields(Http.put(url, """
                {"scope":"TEAM","scopeId":"%s","metric":"CALLS","target":10,"periodStart":"%s","periodEnd":"%s"}""".formatted(team, START, START.minusDays(1)))))
                .containsExactly("periodEnd");
        assertThat(fields(Http.put(url, "{}")))
                .contains("scope", "scopeId", "metric", "target", "periodStart", "periodEnd");
        // Nothing was set: the objective does not exist, and another team's path does not reach it either.
        assertThat(Http.get(url).status()).isEqualTo(404);
        assertThat(Http.put(url, objective("TEAM", team, "CALLS", "10", null)).status())
                .isEqualTo(201);
        assertThat(Http.get(base() + "/teams/" + other + "/objectives/obj-" + s).status())
                .isEqualTo(404);
        assertThat(Http.post(base() + "/teams/" + other + "/objectives/obj-" + s + "/cancel", "application/json", "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anObjectiveACrmSetCanBeAdjustedByItsManager() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + s;
        roster(team, "rep-" + s);
        Http.Answer ingested = Http.post(
                base() + "/events",
                "application/cloudevents+json",
                """
                {"specversion":"1.0","id":"o-%s","source":"/demo","type":"salespulse.objective.set.v1","time":"%s",
                 "data":{"objectiveId":"crm-%s","scope":"REP","scopeId":"rep-%s","metric":"CALLS","target":80,
                         "periodStart":"%s","periodEnd":"%s"}}""".formatted(s, java.time.Instant.now().minusSeconds(60), s, s, START, END),
                "Authorization",
                "Bearer local-dev-ingest-key");
        assertThat(ingested.status()).as(ingested.body()).isEqualTo(202);
        String url = base() + "/teams/" + team + "/objectives/crm-" + s;
        Http.Answer held = Http.get(url);
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.json().get("target").decimalValue()).isEqualByComparingTo("80");
        Http.Answer adjusted = Http.put(
                url,
                objective("REP", "rep-" + s, "CALLS", "90", null),
                "Authorization",
                "Bearer " + TestTokens.manager("mgr-" + s, team));
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
        assertThat(adjusted.json().get("target").decimalValue()).isEqualByComparingTo("90");
        // Adjusted by its manager, it is the manager's now: the CRM's key can no longer set it back.
        assertThat(fields(Http.post(
                        base() + "/events",
                        "application/cloudevents+json",
                        objectiveSet("o2-" + s, "crm-" + s, s, "70"),
                        "Authorization",
                        "Bearer local-dev-ingest-key")))
                .containsExactly("data.objectiveId");
        assertThat(Http.get(url).json().get("target").decimalValue()).isEqualByComparingTo("90");
    }

    @Test
    void anIngestKeyChangesOnlyTheObjectivesItSetItself() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + s;
        roster(team, "rep-" + s);
        // A manager's objective, set through the objectives API: the demo key cannot replace it.
        String url = base() + "/teams/" + team + "/objectives/mgr-" + s;
        assertThat(Http.put(
                                url,
                                objective("REP", "rep-" + s, "CALLS", "120", null),
                                "Authorization",
                                "Bearer " + TestTokens.manager("mgr-" + s, team))
                        .status())
                .isEqualTo(201);
        assertThat(fields(Http.post(
                        base() + "/events",
                        "application/cloudevents+json",
                        objectiveSet("m-" + s, "mgr-" + s, s, "1"),
                        "Authorization",
                        "Bearer local-dev-ingest-key")))
                .containsExactly("data.objectiveId");
        assertThat(Http.get(url).json().get("target").decimalValue()).isEqualByComparingTo("120");
        // Its own: set, then set again (a CRM's update).
        assertThat(Http.post(
                                base() + "/events",
                                "application/cloudevents+json",
                                objectiveSet("k1-" + s, "key-" + s, s, "50"),
                                "Authorization",
                                "Bearer local-dev-ingest-key")
                        .status())
                .isEqualTo(202);
        assertThat(Http.post(
                                base() + "/events",
                                "application/cloudevents+json",
                                objectiveSet("k2-" + s, "key-" + s, s, "60"),
                                "Authorization",
                                "Bearer local-dev-ingest-key")
                        .status())
                .isEqualTo(202);
    }

    private static String objectiveSet(String eventId, String objectiveId, String s, String target) {
        return """
                {"specversion":"1.0","id":"%s","source":"/demo","type":"salespulse.objective.set.v1","time":"%s",
                 "data":{"objectiveId":"%s","scope":"REP","scopeId":"rep-%s","metric":"CALLS","target":%s,
                         "periodStart":"%s","periodEnd":"%s"}}""".formatted(eventId, java.time.Instant.now().minusSeconds(30), objectiveId, s, target, START, END);
    }

    private void roster(String team, String rep) {
        assertThat(Http.put(base() + "/teams/" + team, """
                {"name":"%s","timezone":"Europe/Paris","locale":"fr","managerIds":["mgr"]}""".formatted(team)).status())
                .isEqualTo(200);
        assertThat(Http.put(base() + "/reps/" + rep, """
                {"displayName":"Rep","teamId":"%s","role":"AE","seniority":"SENIOR"}""".formatted(team)).status())
                .isEqualTo(200);
    }

    private static List<String> fields(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        return answer.json().get("errors").findValuesAsString("field");
    }
}
