package io.salespulse.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventType;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.mongo.Documents;
import io.salespulse.kit.mongo.LatestState;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.inbox.SignalInbox;
import io.salespulse.notification.kpis.TeamFiguresStore;
import io.salespulse.notification.preferences.Preferences;
import io.salespulse.notification.preferences.PreferencesStore;
import io.salespulse.testsupport.RealInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * notification-service's stores are typed documents mapped by Spring Data; what earlier builds wrote by hand (through
 * the event JSON mapping: instants, days and times of day as ISO text) still reads, so an upgrade needs no migration:
 * a manager's preferences (also as written with a field per channel, before {@code targets}), the signal inbox, the
 * digest's rep-days and objectives, and the delivery log with its attempts and an attempt in flight.
 */
@SpringBootTest
@RealInfrastructure
class EarlierDocumentsIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PreferencesStore preferences;

    @Autowired
    SignalInbox inbox;

    @Autowired
    TeamFiguresStore figures;

    @Autowired
    DeliveryStore queue;

    final String s = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void whatEarlierBuildsStoredReadsAsItWas() throws IOException {
        Preferences prefs = new Preferences(
                "mgr-" + s,
                Map.of(Channel.EMAIL, "camille@example.com", Channel.SLACK, "https://hooks.slack.com/services/T/B/X"),
                null,
                Language.fr,
                "Europe/Paris",
                LocalTime.parse("20:00"),
                LocalTime.parse("07:30"),
                Severity.WARNING,
                LocalTime.parse("08:30"),
                "MON 08:30",
                null);
        // A field per channel, before targets.
        Document earlier = Documents.of(prefs).append("_id", prefs.managerId());
        earlier.remove("targets");
        earlier.append("email", "camille@example.com")
                .append("slackWebhookUrl", "https://hooks.slack.com/services/T/B/X")
                .append("teamsWebhookUrl", null);
        mongo.getCollection("preferences").insertOne(earlier);
        assertThat(preferences.of(prefs.managerId())).contains(prefs);
        assertThat(preferences.all()).contains(prefs);
        // As this build writes them: times of day stay ISO text.
        LatestState.replace(mongo, "preferences", prefs.managerId(), prefs);
        assertThat(preferences.of(prefs.managerId())).contains(prefs);
        assertThat(mongo.getCollection("preferences")
                        .find(new Document("_id", prefs.managerId()))
                        .first()
                        .get("quietFrom"))
                .isEqualTo("20:00");

        SignalRaised raised = (SignalRaised) EventCodec.fromJson(
                EventType.SIGNAL_RAISED,
                Files.readAllBytes(
                        Path.of("../event-contracts/src/test/resources/golden/salespulse.signal.raised.v1.json")));
        String team = "team-" + s;
        SignalRaised mine = new SignalRaised(
                "sig-" + s,
                raised.type(),
                raised.subjectKind(),
                raised.subjectId(),
                raised.repId(),
                team,
                raised.severity(),
                raised.evidence(),
                raised.suggestedAction(),
                raised.deal(),
                raised.occurredAt());
        mongo.getCollection(SignalInbox.COLLECTION)
                .insertOne(Documents.of(mine)
                        .append("lifecycle", EventType.SIGNAL_RAISED.typeName())
                        .append("_id", mine.signalId())
                        .append(LatestState.ORDER, mine.occurredAt().toEpochMilli()));
        assertThat(inbox.openOf(List.of(team)))
                .containsExactly(new SignalInbox.OpenSignal(
                        mine.signalId(),
                        mine.type(),
                        mine.repId(),
                        team,
                        mine.severity().name(),
                        false));

        String rep = "rep-" + s;
        DailyActivity day = new DailyActivity(10, 4, 600, 3, 1, 1, 1, 1, 0, 1, 0);
        mongo.getCollection("rep_days")
                .insertOne(Documents.of(day)
                        .append("repId", rep)
                        .append("teamId", team)
                        .append("day", "2026-11-24")
                        .append("_id", rep + "|2026-11-24")
                        .append(LatestState.ORDER, 1L));
        assertThat(figures.repTotals(rep, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29")))
                .isEqualTo(day);
        ObjectiveProgressed objective = (ObjectiveProgressed) EventCodec.fromJson(
                EventType.OBJECTIVE_PROGRESSED,
                Files.readAllBytes(Path.of(
                        "../event-contracts/src/test/resources/golden/salespulse.kpi.objective-progressed.v1.json")));
        ObjectiveProgressed ours = new ObjectiveProgressed(
                "obj-" + s,
                objective.scope(),
                objective.scopeId(),
                team,
                objective.metric(),
                objective.target(),
                objective.actual(),
                objective.attainment(),
                objective.elapsed(),
                objective.projection(),
                objective.pace(),
                objective.status(),
                objective.previousStatus(),
                objective.occurredAt());
        mongo.getCollection("objectives")
                .insertOne(Documents.of(ours).append("_id", ours.objectiveId()).append(LatestState.ORDER, 1L));
        assertThat(figures.objectivesOf(List.of(team), Instant.EPOCH)).containsExactly(ours);

        Date created = Date.from(Instant.parse("2026-11-24T09:00:00Z"));
        String manager = "mgr-" + s;
        mongo.getCollection(DeliveryStore.COLLECTION)
                .insertOne(new Document("_id", "sig-" + s + "|" + manager + "|slack")
                        .append("signalId", "sig-" + s)
                        .append("managerId", manager)
                        .append("channel", "slack")
                        .append("type", SignalType.ACTIVITY_DROP.name())
                        .append("severity", "WARNING")
                        .append("status", "QUEUED")
                        .append("route", "INSTANT")
                        .append("detail", "503 from Slack")
                        .append("target", "https://hooks.slack.test/x")
                        .append("payload", "{}")
                        .append("message", null)
                        .append("dueAt", created)
                        .append("createdAt", created)
                        .append("inFlight", new Document("attempt", 2).append("at", created))
                        .append(
                                "attempts",
                                List.of(new Document("at", created)
                                        .append("outcome", "QUEUED")
                                        .append("detail", "503 from Slack"))));
        Delivery delivery = queue.ofManager(manager, null).get(0);
        assertThat(delivery.outcome().status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(delivery.createdAt()).isEqualTo(created.toInstant());
        assertThat(delivery.outcome().inFlight()).isEqualTo(new Delivery.InFlight(2, created.toInstant()));
        assertThat(delivery.tried())
                .containsExactly(new Delivery.Logged(created.toInstant(), "QUEUED", "503 from Slack"));
        // Stored flat, read into its parts.
        assertThat(delivery.envelope()).isEqualTo(new Delivery.Envelope("https://hooks.slack.test/x", "{}", null));
        assertThat(delivery.outcome().route()).isEqualTo("INSTANT");
        queue.record(delivery.id(), DeliveryStatus.SENT, null, "200");
        Delivery sent = queue.ofManager(manager, DeliveryStatus.SENT).get(0);
        assertThat(sent.outcome().inFlight()).isNull();
        assertThat(sent.tried()).extracting(Delivery.Logged::outcome).containsExactly("QUEUED", "SENT");
        assertThat(sent.outcome().sentAt()).isNotNull();
    }
}
