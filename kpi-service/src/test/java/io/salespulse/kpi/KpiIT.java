package io.salespulse.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class KpiIT {

    @LocalServerPort
    int port;

    private final String team = "team-" + UUID.randomUUID();
    private final String rep = "rep-" + UUID.randomUUID();
    private final Instant at = Instant.parse("2026-11-24T09:00:00Z");

    private void givenRosterInParis() {
        KafkaProbe.publish(
                EventEnvelope.of(
                        UUID.randomUUID().toString(),
                        "/test",
                        new TeamChanged(
                                team,
                                "Paris",
                                "Europe/Paris",
                                Language.fr,
                                List.of("mgr"),
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                at)),
                EventEnvelope.of(
                        UUID.randomUUID().toString(),
                        "/test",
                        new RepChanged(
                                rep,
                                "Léa",
                                team,
                                RepRole.SDR,
                                Seniority.JUNIOR,
                                LocalDate.parse("2026-01-05"),
                                Map.of(),
                                true,
                                at)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(base() + "/teams/" + team + "/kpis").status() == 200);
    }

    private String base() {
        return "http://localhost:" + port + "/api/v1";
    }

    private JsonNode repDay(String date) {
        return Http.get(base() + "/reps/" + rep + "/kpis?period=day&date=" + date)
                .json();
    }

    @Test
    void redeliveredEventsAreCountedOnceAndLateEventsLandOnTheirDay() {
        givenRosterInParis();
        EventEnvelope connected = EventEnvelope.of(
                "call-1-" + rep,
                "/test",
                new CallLogged(rep, null, CallOutcome.CONNECTED, 240, null, Instant.parse("2026-11-24T09:00:00Z")));
        EventEnvelope unanswered = EventEnvelope.of(
                "call-2-" + rep,
                "/test",
                new CallLogged(rep, null, CallOutcome.NO_ANSWER, null, null, Instant.parse("2026-11-24T10:00:00Z")));
        // Late: happened at 00:30 Paris time on the 20th, arrives after the 24th's events.
        EventEnvelope late = EventEnvelope.of(
                "email-1-" + rep, "/test", new EmailSent(rep, null, Instant.parse("2026-11-19T23:30:00Z")));

        try (KafkaProbe kpis = KafkaProbe.reading(Topics.KPIS)) {
            KafkaProbe.publish(connected, unanswered, connected, late, unanswered);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(repDay("2026-11-24").get("activity").get("calls").asInt())
                        .isEqualTo(2);
                assertThat(repDay("2026-11-20").get("activity").get("emails").asInt())
                        .isEqualTo(1);
            });
            JsonNode day = repDay("2026-11-24");
            assertThat(day.get("activity").get("connectedCalls").asInt()).isEqualTo(1);
            assertThat(day.get("activity").get("connectRate").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(day.get("activity").get("talkTimeSeconds").asInt()).isEqualTo(240);
            assertThat(day.get("timezone").asString()).isEqualTo("Europe/Paris");
            assertThat(repDay("2026-11-19").get("activity").get("emails").asInt())
                    .isZero();

            JsonNode week = Http.get(base() + "/reps/" + rep + "/kpis?period=week&date=2026-11-24")
                    .json();
            assertThat(week.get("from").asString()).isEqualTo("2026-11-23");
            assertThat(week.get("activity").get("calls").asInt()).isEqualTo(2);
            JsonNode month = Http.get(base() + "/teams/" + team + "/kpis?period=month&date=2026-11-24")
                    .json();
            assertThat(month.get("totals").get("activity").get("calls").asInt()).isEqualTo(2);
            assertThat(month.get("totals").get("activity").get("emails").asInt())
                    .isEqualTo(1);
            assertThat(month.get("reps").get(0).get("repId").asString()).isEqualTo(rep);

            List<EventEnvelope> updates = kpis.awaitEvents(
                    e -> e.key().equals(rep)
                            && e.dataAs(RepDayKpisUpdated.class).activity().calls() == 2,
                    1,
                    Duration.ofSeconds(30));
            assertThat(updates.get(0).dataAs(RepDayKpisUpdated.class).teamId()).isEqualTo(team);
            // The two calls by the hour of Paris they happened in (10:00 and 11:00), each once though sent twice.
            List<Long> hours = new java.util.ArrayList<>(java.util.Collections.nCopies(24, 0L));
            hours.set(10, 1L);
            hours.set(11, 1L);
            assertThat(updates.get(0).dataAs(RepDayKpisUpdated.class).hours()).isEqualTo(hours);
        }

        // Delivered again later (a producer retry, a replay): still counted once.
        KafkaProbe.publish(connected);
        EventEnvelope marker = EventEnvelope.of(
                "email-2-" + rep, "/test", new EmailSent(rep, null, Instant.parse("2026-11-24T11:00:00Z")));
        KafkaProbe.publish(marker);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> repDay("2026-11-24").get("activity").get("emails").asInt() == 1);
        assertThat(repDay("2026-11-24").get("activity").get("calls").asInt()).isEqualTo(2);
    }

    /**
     * The org topic and the activities are not ordered together: a call counted before kpi-service knows its rep's team
     * is attributed to the team once it does, and the team's figures count it.
     */
    @Test
    void figuresCountedBeforeTheRepsTeamIsKnownJoinTheTeamOnceItIs() {
        try (KafkaProbe kpis = KafkaProbe.reading(Topics.KPIS)) {
            KafkaProbe.publish(EventEnvelope.of(
                    "early-call-" + rep,
                    "/test",
                    new CallLogged(rep, null, CallOutcome.CONNECTED, 60, null, Instant.parse("2026-11-24T09:00:00Z"))));
            RepDayKpisUpdated early = kpis.awaitEvents(e -> e.key().equals(rep), 1, Duration.ofSeconds(30))
                    .get(0)
                    .dataAs(RepDayKpisUpdated.class);
            assertThat(early.teamId()).isNull();
        }
        givenRosterInParis();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(Http.get(base() + "/teams/" + team + "/kpis?period=month&date=2026-11-24")
                                        .json()
                                        .get("totals")
                                        .get("activity")
                                        .get("calls")
                                        .asInt())
                                .isEqualTo(1));
    }

    @Test
    void aRedeliveredBatchRepublishesTheUpdateOfEveryRepDayItTouchesSoNoneIsLostIfTheFirstPublishFailed() {
        givenRosterInParis();
        EventEnvelope call = EventEnvelope.of(
                "call-again-" + rep, "/test", new CallLogged(rep, null, CallOutcome.CONNECTED, 60, null, at));
        try (KafkaProbe kpis = KafkaProbe.reading(Topics.KPIS)) {
            KafkaProbe.publish(call);
            EventEnvelope first = kpis.awaitEvents(e -> e.key().equals(rep), 1, Duration.ofSeconds(30))
                    .get(0);
            // The same event again, as after a crash between the count and the publish: already counted, yet the
            // rep-day's update goes out again, with the same id (consumers drop it if they had it).
            KafkaProbe.publish(call);
            List<EventEnvelope> updates = kpis.awaitEvents(e -> e.key().equals(rep), 2, Duration.ofSeconds(30));
            assertThat(updates).extracting(EventEnvelope::id).containsOnly(first.id());
        }
        assertThat(repDay("2026-11-24").get("activity").get("calls").asInt()).isEqualTo(1);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() {
        givenRosterInParis();
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.ACTIVITIES, rep, "{not json".getBytes());
        poison.headers().add("ce_type", "salespulse.call.logged.v1".getBytes());
        try (KafkaProbe dlt = KafkaProbe.reading(Topics.deadLetter(Topics.ACTIVITIES))) {
            KafkaProbe.publishRaw(List.of(poison));
            KafkaProbe.publish(EventEnvelope.of(
                    "after-poison-" + rep, "/test", new CallLogged(rep, null, CallOutcome.CONNECTED, 60, null, at)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            repDay("2026-11-24").get("activity").get("calls").asInt() == 1);
            var deadLetter = dlt.awaitRecord(r -> rep.equals(r.key()), Duration.ofSeconds(30));
            assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-message"))
                    .isNotNull();
            assertThat(new String(deadLetter.value())).isEqualTo("{not json");
        }
        assertThat(Http.get(base() + "/reps/" + rep + "/kpis?period=fortnight").status())
                .isEqualTo(400);
    }
}
