package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalResolved;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest
@RealInfrastructure
class SignalInboxIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void signalLifecycleKeepsItsLatestStateWhateverTheArrivalOrder() {
        String signal = "sig-" + UUID.randomUUID();
        Instant raisedAt = Instant.parse("2026-11-24T10:00:00Z");
        EventEnvelope raised = EventEnvelope.of(
                "r-" + signal,
                "/t",
                new SignalRaised(
                        signal,
                        SignalType.SILENCE,
                        SubjectKind.REP,
                        "rep-1",
                        "rep-1",
                        "team-1",
                        Severity.WARNING,
                        List.of(Evidence.of("workingDaysSilent", 3)),
                        Map.of(Language.en, "Check in.", Language.fr, "Prenez des nouvelles."),
                        raisedAt));
        EventEnvelope resolved = EventEnvelope.of(
                "s-" + signal,
                "/t",
                new SignalResolved(
                        signal, SignalType.SILENCE, "rep-1", "team-1", "activity logged", raisedAt.plusSeconds(3600)));
        KafkaProbe.publish(resolved, raised, raised);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.getCollection("signals")
                                .find(new Document("_id", signal))
                                .first()
                        != null);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(mongo.getCollection("signals")
                                .find(new Document("_id", signal))
                                .first()
                                .getString("lifecycle"))
                        .isEqualTo("salespulse.signal.resolved.v1"));
    }
}
