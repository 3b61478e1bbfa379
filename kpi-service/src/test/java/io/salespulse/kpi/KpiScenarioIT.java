package io.salespulse.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.contracts.activity.MeetingBooked;
import io.salespulse.contracts.activity.MeetingHeld;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealLost;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.objective.ObjectiveCancelled;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.contracts.objective.ObjectiveUpdated;
import io.salespulse.contracts.org.AbsenceKind;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.kafka.EventPublisher;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Three weeks of two teams in different time zones (Paris, UTC+1 in November; New York, UTC-5), SDRs and AEs,
 * deals won and lost, objectives, a late event and a duplicate, driven through the real broker and Mongo-wire
 * server. Every expected figure below was computed by hand from the events (see the comments).
 * "Now" is Friday 2026-11-20 12:00 UTC.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"salespulse.objectives.reevaluate-every-ms=3600000", "salespulse.kpi.metrics.refresh-ms=2000"})
@RealInfrastructure
class KpiScenarioIT {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    /** Fails once, when armed, on the first publish that concerns this scenario: after its writes, before the commit. */
    static final class CrashingPublisher extends EventPublisher {

        final AtomicReference<String> armedFor = new AtomicReference<>();
        final AtomicBoolean crashed = new AtomicBoolean();

        CrashingPublisher(KafkaTemplate<String, byte[]> kafka) {
            super(kafka);
        }

        @Override
        public void publishAll(List<EventEnvelope> envelopes) {
            String marker = armedFor.get();
            if (marker != null
                    && envelopes.stream().anyMatch(e -> e.key().contains(marker))
                    && armedFor.compareAndSet(marker, null)) {
                crashed.set(true);
                throw new IllegalStateException("simulated crash after the writes");
            }
            super.publishAll(envelopes);
        }
    }

    @TestConfiguration
    static class Overrides {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        @Primary
        CrashingPublisher crashingPublisher(KafkaTemplate<String, byte[]> kafka) {
            return new CrashingPublisher(kafka);
        }
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    @Autowired
    CrashingPublisher publisher;

    final String s = UUID.randomUUID().toString().substring(0, 8);
    final String paris = "paris-" + s;
    final String ny = "ny-" + s;
    final String lea = "lea-" + s;
    final String ines = "ines-" + s;
    final String sam = "sam-" + s;
    final String ava = "ava-" + s;

    private int n;

    private EventEnvelope e(Object data) {
        return EventEnvelope.of(s + "-" + (++n), "/scenario", (io.salespulse.contracts.SalesPulseEvent) data);
    }

    private static Instant t(String instant) {
        return Instant.parse(instant);
    }

    private List<EventEnvelope> roster() {
        Instant at = t("2026-10-01T00:00:00Z");
        EnumSet<DayOfWeek> week = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        return List.of(
                e(new TeamChanged(paris, "Paris", "Europe/Paris", Language.fr, List.of("mgr-p"), week, at)),
                e(new TeamChanged(ny, "New York", "America/New_York", Language.en, List.of("mgr-n"), week, at)),
                e(new RepChanged(
                        lea,
                        "Léa",
                        paris,
                        RepRole.SDR,
                        Seniority.JUNIOR,
                        LocalDate.parse("2026-03-02"),
                        Map.of(),
                        true,
                        at)),
                e(new RepChanged(
                        ines,
                        "Inès",
                        paris,
                        RepRole.AE,
                        Seniority.SENIOR,
                        LocalDate.parse("2022-01-10"),
                        Map.of(),
                        true,
                        at)),
                e(new RepChanged(
                        sam,
                        "Sam",
                        ny,
                        RepRole.SDR,
                        Seniority.JUNIOR,
                        LocalDate.parse("2026-05-04"),
                        Map.of(),
                        true,
                        at)),
                e(new RepChanged(
                        ava,
                        "Ava",
                        ny,
                        RepRole.AE,
                        Seniority.SENIOR,
                        LocalDate.parse("2021-06-01"),
                        Map.of(),
                        true,
                        at)));
    }

    private final Money eur24k = Money.of("24000", "EUR");

    /** The story. Activities before deals; the late call last. */
    private List<EventEnvelope> story(EventEnvelope duplicateVoicemail, EventEnvelope lateCall) {
        String d1 = "d1-" + s;
        String d2 = "d2-" + s;
        String d3 = "d3-" + s;
        String d4 = "d4-" + s;
        List<EventEnvelope> events = new ArrayList<>(List.of(
                // Léa, Monday 16th (Paris): 2 calls, one connected for 300 s; a meeting booked for Thursday 19th.
                e(new CallLogged(lea, null, CallOutcome.CONNECTED, 300, null, t("2026-11-16T08:00:00Z"))),
                e(new CallLogged(lea, null, CallOutcome.NO_ANSWER, null, null, t("2026-11-16T09:00:00Z"))),
                e(new MeetingBooked(lea, "m1", t("2026-11-19T14:00:00Z"), null, t("2026-11-16T10:00:00Z"))),
                // 23:30 UTC on the 17th is 00:30 on Wednesday 18th in Paris.
                e(new CallLogged(lea, null, CallOutcome.CONNECTED, 120, null, t("2026-11-17T23:30:00Z"))),
                duplicateVoicemail,
                duplicateVoicemail,
                e(new EmailSent(lea, null, t("2026-11-19T10:00:00Z"))),
                e(new MeetingHeld(ines, "m1", null, t("2026-11-19T14:00:00Z"))),
                // Sam, New York: 03:00 UTC on the 17th is 22:00 on Monday 16th there.
                e(new CallLogged(sam, null, CallOutcome.CONNECTED, 200, null, t("2026-11-17T03:00:00Z"))),
                e(new CallLogged(sam, null, CallOutcome.NO_ANSWER, null, null, t("2026-11-17T15:00:00Z"))),
                // Inès's deals: D1 won after 16 days, D2 lost from discovery, D3 open in negotiation.
                e(new DealCreated(
                        d1,
                        ines,
                        "Acme",
                        DealStage.QUALIFIED,
                        eur24k,
                        LocalDate.parse("2026-11-28"),
                        t("2026-11-02T09:00:00Z"))),
                e(new DealStageChanged(
                        d1, ines, DealStage.QUALIFIED, DealStage.PROPOSAL, 8, eur24k, t("2026-11-10T09:00:00Z"))),
                e(new DealStageChanged(
                        d1, ines, DealStage.PROPOSAL, DealStage.WON, 8, eur24k, t("2026-11-18T09:00:00Z"))),
                e(new DealWon(d1, ines, eur24k, t("2026-11-02T09:00:00Z"), t("2026-11-18T09:00:00Z"))),
                e(new DealCreated(
                        d2,
                        ines,
                        "Globex",
                        DealStage.DISCOVERY,
                        Money.of("10000", "EUR"),
                        LocalDate.parse("2026-11-30"),
                        t("2026-11-05T09:00:00Z"))),
                e(new DealStageChanged(
                        d2,
                        ines,
                        DealStage.DISCOVERY,
                        DealStage.LOST,
                        14,
                        Money.of("10000", "EUR"),
                        t("2026-11-19T09:00:00Z"))),
                e(new DealLost(
                        d2,
                        ines,
                        Money.of("10000", "EUR"),
                        DealStage.DISCOVERY,
                        "No budget",
                        t("2026-11-19T09:00:00Z"))),
                e(new DealCreated(
                        d3,
                        ines,
                        "Initech",
                        DealStage.NEGOTIATION,
                        Money.of("50000", "EUR"),
                        LocalDate.parse("2026-11-27"),
                        t("2026-11-12T09:00:00Z"))),
                // Ava (New York) wins D4 in dollars: 02:00 UTC on the 20th is 21:00 on the 19th there.
                e(new DealCreated(
                        d4,
                        ava,
                        "Umbrella",
                        DealStage.PROPOSAL,
                        Money.of("8000", "USD"),
                        LocalDate.parse("2026-12-15"),
                        t("2026-11-09T15:00:00Z"))),
                e(new DealStageChanged(
                        d4,
                        ava,
                        DealStage.PROPOSAL,
                        DealStage.WON,
                        10,
                        Money.of("8000", "USD"),
                        t("2026-11-20T02:00:00Z"))),
                e(new DealWon(d4, ava, Money.of("8000", "USD"), t("2026-11-09T15:00:00Z"), t("2026-11-20T02:00:00Z"))),
                // Objectives for November.
                e(new ObjectiveSet(
                        "obj-ines-" + s,
                        ObjectiveScope.REP,
                        ines,
                        ObjectiveMetric.REVENUE_WON,
                        new BigDecimal("60000"),
                        "EUR",
                        LocalDate.parse("2026-11-01"),
                        LocalDate.parse("2026-11-30"),
                        t("2026-11-01T07:00:00Z"))),
                e(new ObjectiveSet(
                        "obj-ny-" + s,
                        ObjectiveScope.TEAM,
                        ny,
                        ObjectiveMetric.DEALS_WON,
                        new BigDecimal("4"),
                        null,
                        LocalDate.parse("2026-11-01"),
                        LocalDate.parse("2026-11-30"),
                        t("2026-11-01T07:00:00Z")))));
        events.add(lateCall);
        return events;
    }

    private JsonNode get(String path) {
        Http.Answer answer = Http.get("http://localhost:" + port + "/api/v1" + path);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static BigDecimal dec(JsonNode node) {
        return node.decimalValue();
    }

    /** Every figure, computed by hand. */
    private void assertFigures() {
        // Léa, week of Monday 16th: calls 16th (2: 1 connected, 300 s) + 18th (connected 120 s, voicemail once) = 4.
        JsonNode leaWeek =
                get("/reps/" + lea + "/kpis?period=week&date=2026-11-18").get("activity");
        assertThat(leaWeek.get("calls").asLong()).isEqualTo(4);
        assertThat(leaWeek.get("connectedCalls").asLong()).isEqualTo(2);
        assertThat(leaWeek.get("talkTimeSeconds").asLong()).isEqualTo(420);
        assertThat(dec(leaWeek.get("connectRate"))).isEqualByComparingTo("0.5");
        assertThat(leaWeek.get("emails").asLong()).isEqualTo(1);
        assertThat(leaWeek.get("meetingsBooked").asLong()).isEqualTo(1);
        assertThat(leaWeek.get("meetingsScheduled").asLong()).isEqualTo(1);
        // The late call landed on Tuesday 3rd, not on the day it arrived.
        assertThat(get("/reps/" + lea + "/kpis?period=day&date=2026-11-03")
                        .get("activity")
                        .get("calls")
                        .asLong())
                .isEqualTo(1);
        JsonNode leaMonth =
                get("/reps/" + lea + "/kpis?period=month&date=2026-11-20").get("activity");
        assertThat(leaMonth.get("calls").asLong()).isEqualTo(5);
        assertThat(leaMonth.get("talkTimeSeconds").asLong()).isEqualTo(480);

        // Inès, November: 3 deals created (24k + 10k + 50k), 1 advanced (D1 to proposal), 1 won 24k, 1 lost 10k.
        JsonNode ines =
                get("/reps/" + this.ines + "/kpis?period=month&date=2026-11-20").get("pipeline");
        assertThat(ines.get("dealsCreated").asLong()).isEqualTo(3);
        assertThat(dec(ines.get("pipelineCreated").get("EUR"))).isEqualByComparingTo("84000");
        assertThat(ines.get("dealsAdvanced").asLong()).isEqualTo(1);
        assertThat(ines.get("dealsWon").asLong()).isEqualTo(1);
        assertThat(dec(ines.get("revenueWon").get("EUR"))).isEqualByComparingTo("24000");
        assertThat(dec(ines.get("amountLost").get("EUR"))).isEqualByComparingTo("10000");
        assertThat(dec(ines.get("winRate"))).isEqualByComparingTo("0.5");
        assertThat(dec(ines.get("averageWonDealSize").get("EUR"))).isEqualByComparingTo("24000");
        assertThat(dec(ines.get("salesCycleDays"))).isEqualByComparingTo("16");
        assertThat(dec(ines.get("stageConversion").get("QUALIFIED"))).isEqualByComparingTo("1");
        assertThat(dec(ines.get("stageConversion").get("PROPOSAL"))).isEqualByComparingTo("1");
        assertThat(dec(ines.get("stageConversion").get("DISCOVERY"))).isEqualByComparingTo("0");

        // Paris, November: Léa's 5 calls; the meeting Léa booked for the 19th was held by Inès: show rate 1.
        JsonNode parisMonth =
                get("/teams/" + paris + "/kpis?period=month&date=2026-11-20").get("totals");
        assertThat(parisMonth.get("activity").get("calls").asLong()).isEqualTo(5);
        assertThat(dec(parisMonth.get("activity").get("showRate"))).isEqualByComparingTo("1");
        assertThat(parisMonth.get("pipeline").get("dealsWon").asLong()).isEqualTo(1);

        // New York: Sam's connected call was on Monday 16th there; Ava's win on the 19th there, in dollars.
        assertThat(get("/reps/" + sam + "/kpis?period=day&date=2026-11-16")
                        .get("activity")
                        .get("talkTimeSeconds")
                        .asLong())
                .isEqualTo(200);
        assertThat(get("/reps/" + sam + "/kpis?period=day&date=2026-11-17")
                        .get("activity")
                        .get("calls")
                        .asLong())
                .isEqualTo(1);
        JsonNode nyDay = get("/teams/" + ny + "/kpis?period=day&date=2026-11-19")
                .get("totals")
                .get("pipeline");
        assertThat(dec(nyDay.get("revenueWon").get("USD"))).isEqualByComparingTo("8000");
        assertThat(nyDay.get("revenueWon").has("EUR")).isFalse();

        // Like for like: November under way (today the 20th) against 1-20 October, not all of October; Léa's 5 calls
        // against none then. A finished month (October) against all of September.
        JsonNode compared = get("/teams/" + paris + "/kpis?period=month&date=2026-11-20&compare=true");
        assertThat(compared.get("comparison").get("from").asString()).isEqualTo("2026-10-01");
        assertThat(compared.get("comparison").get("to").asString()).isEqualTo("2026-10-20");
        assertThat(compared.get("comparison").get("likeForLike").asBoolean()).isTrue();
        assertThat(compared.get("comparison").get("activity").get("calls").asLong())
                .isZero();
        assertThat(compared.get("reps").get(1).get("comparison").get("to").asString())
                .isEqualTo("2026-10-20");
        JsonNode october = get("/teams/" + paris + "/kpis?period=month&date=2026-10-15&compare=true")
                .get("comparison");
        assertThat(List.of(october.get("from").asString(), october.get("to").asString()))
                .containsExactly("2026-09-01", "2026-09-30");
        assertThat(october.get("likeForLike").asBoolean()).isFalse();
        assertThat(get("/reps/" + lea + "/kpis?period=week&date=2026-11-20&compare=true")
                        .get("comparison")
                        .get("to")
                        .asString())
                .isEqualTo("2026-11-13");
        assertThat(get("/teams/" + paris + "/kpis?period=month&date=2026-11-20").hasNonNull("comparison"))
                .isFalse();

        // Leaderboard of Paris calls this month.
        JsonNode board = get("/teams/" + paris + "/leaderboard?metric=calls&period=month&date=2026-11-20")
                .get("ranking");
        assertThat(board.get(0).get("repId").asString()).isEqualTo(lea);
        assertThat(board.get(0).get("value").asLong()).isEqualTo(5);
        assertThat(board.get(1).get("rank").asInt()).isEqualTo(2);

        // Pipeline of Paris: D3 open in negotiation, 50k, weighted at 0.8.
        JsonNode pipeline = get("/teams/" + paris + "/pipeline");
        assertThat(dec(pipeline.get("open").get("EUR"))).isEqualByComparingTo("50000");
        assertThat(dec(pipeline.get("weighted").get("EUR"))).isEqualByComparingTo("40000");
        // Median days in stage (trailing 90 days): D1 left QUALIFIED after 8 days and PROPOSAL after 8, D2 DISCOVERY
        // after 14.
        assertThat(pipeline.get("medianDaysInStage").get("QUALIFIED").asInt()).isEqualTo(8);
        assertThat(pipeline.get("medianDaysInStage").get("DISCOVERY").asInt()).isEqualTo(14);
        // Beside the finished stays, the open deals' current days in their stage, as the stalled rule counts them:
        // Initech in negotiation since the 12th, 8 days on the 20th, the oldest (and only) one, named.
        JsonNode negotiation = null;
        for (JsonNode row : pipeline.get("stages")) {
            negotiation = row.get("stage").asString().equals("NEGOTIATION") ? row : negotiation;
        }
        assertThat(dec(negotiation.get("medianDaysOpen"))).isEqualByComparingTo("8");
        assertThat(negotiation.get("oldest").get("name").asString()).isEqualTo("Initech");
        assertThat(negotiation.get("oldest").get("days").asLong()).isEqualTo(8);
        assertThat(negotiation.get("oldest").get("days").asLong())
                .isEqualTo(get("/reps/" + this.ines + "/deals")
                        .get(0)
                        .get("daysInStage")
                        .asLong());
        // Coverage of Inès's objective: 50k expected by the 30th over 36k left = 1.39.
        assertThat(dec(pipeline.get("coverage").get(0).get("coverage"))).isEqualByComparingTo("1.39");

        // Inès's open deals: D3 only (D1 won, D2 lost), in negotiation since the 12th: 8 days on the 20th, not yet due.
        JsonNode open = get("/reps/" + this.ines + "/deals");
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).get("name").asString()).isEqualTo("Initech");
        assertThat(open.get(0).get("stage").asString()).isEqualTo("NEGOTIATION");
        assertThat(dec(open.get(0).get("amount"))).isEqualByComparingTo("50000");
        assertThat(open.get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(open.get(0).get("expectedCloseDate").asString()).isEqualTo("2026-11-27");
        assertThat(open.get(0).get("daysInStage").asLong()).isEqualTo(8);
        assertThat(open.get(0).get("closeDatePassed").asBoolean()).isFalse();
        assertThat(Http.get("http://localhost:" + port + "/api/v1/reps/" + this.ines + "/deals?limit=0")
                        .json()
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactly("limit");

        // Paris day by day, Monday 16th to Friday 20th: Léa called twice on the 16th and twice on the 18th (in Paris).
        JsonNode daily = get("/teams/" + paris + "/kpis/daily?from=2026-11-16&to=2026-11-20");
        assertThat(daily.get("reps").findValuesAsString("repId")).containsExactly(this.ines, lea);
        JsonNode leaDays = daily.get("reps").get(1).get("days");
        assertThat(leaDays.size()).isEqualTo(5);
        assertThat(leaDays.findValues("calls").stream().map(JsonNode::asLong).toList())
                .containsExactly(2L, 0L, 2L, 0L, 0L);
        assertThat(Http.get("http://localhost:" + port + "/api/v1/teams/" + paris
                                + "/kpis/daily?from=2026-01-01&to=2026-11-20")
                        .json()
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactly("to");

        // Objectives on Friday 20th: 14 of November's 21 working days have elapsed.
        JsonNode parisObjectives = get("/teams/" + paris + "/objectives?date=2026-11-20");
        JsonNode inesObjective = parisObjectives.get(0);
        assertThat(dec(inesObjective.get("actual"))).isEqualByComparingTo("24000");
        assertThat(dec(inesObjective.get("attainment"))).isEqualByComparingTo("0.4");
        assertThat(dec(inesObjective.get("elapsed"))).isEqualByComparingTo("0.6667");
        assertThat(dec(inesObjective.get("projection"))).isEqualByComparingTo("36000");
        assertThat(dec(inesObjective.get("pace"))).isEqualByComparingTo("0.6");
        assertThat(inesObjective.get("status").asString()).isEqualTo("OFF_TRACK");
        JsonNode nyObjective =
                get("/teams/" + ny + "/objectives?date=2026-11-20").get(0);
        assertThat(dec(nyObjective.get("actual"))).isEqualByComparingTo("1");
        assertThat(dec(nyObjective.get("projection"))).isEqualByComparingTo("1.5");
        assertThat(nyObjective.get("status").asString()).isEqualTo("OFF_TRACK");
    }

    @Test
    void threeWeeksOfTwoTeamsGiveTheHandComputedFiguresUnderRedeliveryACrashMidBatchAndARebuild() {
        EventEnvelope voicemail =
                e(new CallLogged(lea, null, CallOutcome.VOICEMAIL, 15, null, t("2026-11-18T10:00:00Z")));
        EventEnvelope late = e(new CallLogged(lea, null, CallOutcome.CONNECTED, 60, null, t("2026-11-03T10:00:00Z")));
        KafkaProbe.publish(roster().toArray(EventEnvelope[]::new));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get("http://localhost:" + port + "/api/v1/teams/" + ny + "/kpis")
                                        .status()
                                == 200
                        && Http.get("http://localhost:" + port + "/api/v1/teams/" + paris + "/kpis")
                                        .json()
                                        .get("reps")
                                        .size()
                                == 2);

        // The first KPI update after the writes fails once, as if the consumer died before committing its offsets:
        // the batch comes again and must change nothing.
        publisher.armedFor.set(s);
        List<EventEnvelope> story = story(voicemail, late);
        try (KafkaProbe kpis = KafkaProbe.reading(Topics.KPIS)) {
            KafkaProbe.publish(story.toArray(EventEnvelope[]::new));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(this::assertFigures);
            List<EventEnvelope> progress = kpis.awaitEvents(
                    ev -> ev.data() instanceof ObjectiveProgressed p
                            && p.objectiveId().equals("obj-ines-" + s)
                            && p.actual().compareTo(new BigDecimal("24000")) == 0,
                    1,
                    Duration.ofSeconds(30));
            assertThat(progress.get(0).dataAs(ObjectiveProgressed.class).status())
                    .isEqualTo(ObjectiveStatus.OFF_TRACK);
        }
        assertThat(publisher.crashed).isTrue();

        // Everything delivered again: nothing changes.
        KafkaProbe.publish(story.toArray(EventEnvelope[]::new));
        EventEnvelope marker = e(new EmailSent(sam, null, t("2026-11-18T15:00:00Z")));
        KafkaProbe.publish(marker);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/reps/" + sam + "/kpis?period=day&date=2026-11-18")
                                .get("activity")
                                .get("emails")
                                .asLong()
                        == 1);
        assertFigures();

        // Another instance consuming in the group: the rebuild is refused and nothing is dropped.
        try (KafkaConsumer<String, byte[]> otherInstance = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                groupId,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                300_000))) {
            otherInstance.subscribe(List.of(Topics.ACTIVITIES));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                otherInstance.poll(Duration.ofMillis(100));
                return !otherInstance.assignment().isEmpty();
            });
            Http.Answer refused =
                    Http.post("http://localhost:" + port + "/api/v1/admin/rebuild", "application/json", "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("other member");
            assertFigures();
        }

        // Alone in the group again: a rebuild drops the views and replays the topics, to the same figures.
        assertThat(Http.post("http://localhost:" + port + "/api/v1/admin/rebuild", "application/json", "")
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(this::assertFigures);
        assertThat(get("/reps/" + sam + "/kpis?period=day&date=2026-11-18")
                        .get("activity")
                        .get("emails")
                        .asLong())
                .isEqualTo(1);

        // And Prometheus sees the team figures, labelled by team only.
        String scrape = Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                .body();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                        .body()
                        .contains(
                                "salespulse_pipeline_weighted_amount{currency=\"EUR\",service=\"kpi-service\",stage=\"NEGOTIATION\",team=\""
                                        + paris + "\"} 40000.0"));
        assertThat(scrape).doesNotContain("Léa").doesNotContain("Inès");
    }

    /**
     * Inès wins 24,000 EUR by Friday 20th, 14 of November's 21 working days gone. Against 60,000 she is off track (pace
     * 0.6); a manager adjusts the target to 30,000: attainment 0.8, pace 1.2, on track, published at once. Cancelled,
     * its last figures go out once as CANCELLED, it leaves the team's list, and a later set for the id is ignored.
     */
    @Test
    void anAdjustedObjectiveIsJudgedAgainstItsNewTargetAndACancelledOneStops() {
        KafkaProbe.publish(roster().toArray(EventEnvelope[]::new));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get("http://localhost:" + port + "/api/v1/teams/" + paris + "/kpis")
                                .json()
                                .get("reps")
                                .size()
                        == 2);
        String id = "obj-adjusted-" + s;
        LocalDate start = LocalDate.parse("2026-11-01");
        LocalDate end = LocalDate.parse("2026-11-30");
        try (KafkaProbe kpis = KafkaProbe.reading(Topics.KPIS)) {
            KafkaProbe.publish(
                    e(new DealWon("d-" + s, ines, eur24k, t("2026-11-02T09:00:00Z"), t("2026-11-18T09:00:00Z"))),
                    e(new ObjectiveSet(
                            id,
                            ObjectiveScope.REP,
                            ines,
                            ObjectiveMetric.REVENUE_WON,
                            new BigDecimal("60000"),
                            "EUR",
                            start,
                            end,
                            t("2026-11-01T07:00:00Z"))));
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() -> "OFF_TRACK".equals(objective(id).get("status").asString())
                            && dec(objective(id).get("actual")).compareTo(new BigDecimal("24000")) == 0);

            KafkaProbe.publish(e(new ObjectiveUpdated(
                    id,
                    ObjectiveScope.REP,
                    ines,
                    ObjectiveMetric.REVENUE_WON,
                    new BigDecimal("30000"),
                    "EUR",
                    start,
                    end,
                    "mgr-p",
                    t("2026-11-20T11:00:00Z"))));
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() -> "ON_TRACK".equals(objective(id).get("status").asString()));
            assertThat(dec(objective(id).get("target"))).isEqualByComparingTo("30000");
            assertThat(dec(objective(id).get("attainment"))).isEqualByComparingTo("0.8");
            assertThat(dec(objective(id).get("pace"))).isEqualByComparingTo("1.2");
            ObjectiveProgressed adjusted = kpis.awaitEvents(
                            ev -> ev.data() instanceof ObjectiveProgressed p
                                    && p.objectiveId().equals(id)
                                    && p.target().compareTo(new BigDecimal("30000")) == 0,
                            1,
                            Duration.ofSeconds(30))
                    .get(0)
                    .dataAs(ObjectiveProgressed.class);
            assertThat(adjusted.status()).isEqualTo(ObjectiveStatus.ON_TRACK);
            assertThat(adjusted.previousStatus()).isEqualTo(ObjectiveStatus.OFF_TRACK);

            KafkaProbe.publish(e(new ObjectiveCancelled(
                    id, ObjectiveScope.REP, ines, "mgr-p", "Moved to key accounts", t("2026-11-20T11:30:00Z"))));
            ObjectiveProgressed last = kpis.awaitEvents(
                            ev -> ev.data() instanceof ObjectiveProgressed p
                                    && p.objectiveId().equals(id)
                                    && p.status() == ObjectiveStatus.CANCELLED,
                            1,
                            Duration.ofSeconds(30))
                    .get(0)
                    .dataAs(ObjectiveProgressed.class);
            assertThat(last.previousStatus()).isEqualTo(ObjectiveStatus.ON_TRACK);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !get("/teams/" + paris + "/objectives?date=2026-11-20")
                            .toString()
                            .contains(id));

            // Cancelled for good: a later set and more revenue change nothing, and the cancellation is not repeated.
            KafkaProbe.publish(
                    e(new ObjectiveSet(
                            id,
                            ObjectiveScope.REP,
                            ines,
                            ObjectiveMetric.REVENUE_WON,
                            new BigDecimal("10"),
                            "EUR",
                            start,
                            end,
                            t("2026-11-20T11:45:00Z"))),
                    e(new DealWon("d2-" + s, ines, eur24k, t("2026-11-02T09:00:00Z"), t("2026-11-19T09:00:00Z"))),
                    e(new ObjectiveCancelled(id, ObjectiveScope.REP, ines, "mgr-p", null, t("2026-11-20T11:50:00Z"))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> dec(get("/reps/" + ines + "/kpis?period=month&date=2026-11-20")
                                            .get("pipeline")
                                            .get("revenueWon")
                                            .get("EUR"))
                                    .compareTo(new BigDecimal("48000"))
                            == 0);
            assertThat(get("/teams/" + paris + "/objectives?date=2026-11-20").toString())
                    .doesNotContain(id);
            assertThat(kpis.drain(
                            ev -> ev.data() instanceof ObjectiveProgressed p
                                    && p.objectiveId().equals(id)
                                    && p.status() == ObjectiveStatus.CANCELLED,
                            Duration.ofSeconds(2)))
                    .hasSize(1);
        }
    }

    @Test
    void theElapsedShareSkipsTheTeamsPublicHolidaysAndARepsWeekAway() {
        List<EventEnvelope> roster = new ArrayList<>(roster());
        // Paris now counts France's public holidays: Armistice Day, Wednesday 11 November, is no working day.
        roster.add(e(new TeamChanged(
                paris,
                "Paris",
                "Europe/Paris",
                Language.fr,
                List.of("mgr-p"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                new TeamChanged.HolidayCalendar("FR", null),
                t("2026-10-02T00:00:00Z"))));
        roster.add(e(new RepAbsence(
                "leave-" + s,
                ines,
                LocalDate.parse("2026-11-16"),
                LocalDate.parse("2026-11-20"),
                AbsenceKind.LEAVE,
                false,
                t("2026-11-10T00:00:00Z"))));
        LocalDate start = LocalDate.parse("2026-11-01");
        LocalDate end = LocalDate.parse("2026-11-30");
        roster.add(e(new ObjectiveSet(
                "obj-team-" + s,
                ObjectiveScope.TEAM,
                paris,
                ObjectiveMetric.CALLS,
                new BigDecimal("100"),
                null,
                start,
                end,
                t("2026-11-01T07:00:00Z"))));
        roster.add(e(new ObjectiveSet(
                "obj-ines-" + s,
                ObjectiveScope.REP,
                ines,
                ObjectiveMetric.MEETINGS_HELD,
                new BigDecimal("10"),
                null,
                start,
                end,
                t("2026-11-01T07:00:00Z"))));
        // Next week's objective (a ramp's next week): nothing counted yet, judged like any other (its progress goes
        // out).
        roster.add(e(new ObjectiveSet(
                "obj-next-" + s,
                ObjectiveScope.REP,
                lea,
                ObjectiveMetric.CALLS,
                new BigDecimal("50"),
                null,
                LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-29"),
                t("2026-11-20T08:00:00Z"))));
        try (KafkaProbe kpis = KafkaProbe.reading(Topics.KPIS)) {
            KafkaProbe.publish(roster.toArray(EventEnvelope[]::new));
            ObjectiveProgressed next = kpis.awaitEvents(
                            ev -> ev.data() instanceof ObjectiveProgressed p
                                    && p.objectiveId().equals("obj-next-" + s),
                            1,
                            Duration.ofSeconds(30))
                    .get(0)
                    .dataAs(ObjectiveProgressed.class);
            assertThat(next.actual()).isEqualByComparingTo("0");
            assertThat(next.elapsed()).isEqualByComparingTo("0");
        }
        // Not running on the 20th, so not in the running list; in the upcoming one (the team's and Léa's own), with
        // nothing counted yet.
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> get("/teams/" + paris + "/objectives?date=2026-11-20&upcoming=true")
                                .size()
                        == 1);
        assertThat(get("/teams/" + paris + "/objectives?date=2026-11-20").toString())
                .doesNotContain("obj-next-" + s);
        JsonNode upcoming = get("/teams/" + paris + "/objectives?date=2026-11-20&upcoming=true")
                .get(0);
        assertThat(upcoming.get("objectiveId").asString()).isEqualTo("obj-next-" + s);
        assertThat(upcoming.get("periodStart").asString()).isEqualTo("2026-11-23");
        assertThat(dec(upcoming.get("actual"))).isEqualByComparingTo("0");
        assertThat(get("/reps/" + lea + "/objectives?date=2026-11-20&upcoming=true")
                        .findValuesAsString("objectiveId"))
                .containsExactly("obj-next-" + s);
        assertThat(get("/reps/" + ines + "/objectives?date=2026-11-20&upcoming=true"))
                .isEmpty();
        // From the 23rd it is running.
        assertThat(get("/teams/" + paris + "/objectives?date=2026-11-23").toString())
                .contains("obj-next-" + s);
        assertThat(get("/teams/" + paris + "/objectives?date=2026-11-23&upcoming=true"))
                .isEmpty();
        // On Friday 20th the last completed day is Thursday 19th: the team has worked 13 of November's 20 days (14
        // weekdays
        // less the 11th); Inès, away from the 16th to the 20th, 9 of her 15 (less the 16th to the 19th).
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThat(dec(objective("obj-team-" + s).get("elapsed"))).isEqualByComparingTo("0.65");
            assertThat(dec(objective("obj-ines-" + s).get("elapsed"))).isEqualByComparingTo("0.6");
        });
    }

    private JsonNode objective(String objectiveId) {
        for (JsonNode objective : get("/teams/" + paris + "/objectives?date=2026-11-20")) {
            if (objective.get("objectiveId").asString().equals(objectiveId)) {
                return objective;
            }
        }
        throw new AssertionError("no objective " + objectiveId);
    }
}
